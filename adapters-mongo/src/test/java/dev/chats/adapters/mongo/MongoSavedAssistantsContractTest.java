package dev.chats.adapters.mongo;

import dev.chats.domain.port.SavedAssistantRepository;
import dev.chats.domain.port.contract.SavedAssistantRepositoryContract;
import org.bson.BsonDocument;
import org.junit.jupiter.api.BeforeEach;

/** The saved-assistant persistence contract on MongoDB; see {@link TestMongo} for where it runs. */
class MongoSavedAssistantsContractTest extends SavedAssistantRepositoryContract {

    private SavedAssistantRepository assistants;

    @BeforeEach
    void clean() {
        TestMongo mongo = TestMongo.get();
        assistants = new MongoSavedAssistantRepository(mongo.store());
        mongo.database().getCollection(MongoSavedAssistantRepository.VAPI_ASSISTANTS, BsonDocument.class)
                .deleteMany(new BsonDocument());
    }

    @Override
    protected SavedAssistantRepository savedAssistants() {
        return assistants;
    }
}
