package dev.chats.adapters.mongo;

import dev.chats.domain.port.ApiKeyRepository;
import dev.chats.domain.port.UserRepository;
import dev.chats.domain.port.contract.ApiKeyRepositoryContract;
import org.bson.BsonDocument;
import org.junit.jupiter.api.BeforeEach;

/** The API key persistence contract on MongoDB; see {@link TestMongo} for where it runs. */
class MongoApiKeysContractTest extends ApiKeyRepositoryContract {

    private ApiKeyRepository apiKeys;
    private UserRepository users;

    @BeforeEach
    void clean() {
        TestMongo mongo = TestMongo.get();
        mongo.clean();
        apiKeys = new MongoApiKeyRepository(mongo.store());
        users = new MongoUserRepository(mongo.store());
        mongo.database().getCollection(MongoApiKeyRepository.API_KEYS, BsonDocument.class)
                .deleteMany(new BsonDocument());
    }

    @Override
    protected ApiKeyRepository apiKeys() {
        return apiKeys;
    }

    @Override
    protected UserRepository users() {
        return users;
    }
}
