package dev.chats.adapters.mongo;

import dev.chats.domain.port.VapiChatRepository;
import dev.chats.domain.port.contract.VapiChatRepositoryContract;
import org.bson.BsonDocument;
import org.junit.jupiter.api.BeforeEach;

/** The Vapi chat persistence contract on MongoDB; see {@link TestMongo} for where it runs. */
class MongoVapiChatsContractTest extends VapiChatRepositoryContract {

    private VapiChatRepository chats;

    @BeforeEach
    void clean() {
        TestMongo mongo = TestMongo.get();
        chats = new MongoVapiChatRepository(mongo.store());
        mongo.database().getCollection(MongoVapiChatRepository.VAPI_CHATS, BsonDocument.class)
                .deleteMany(new BsonDocument());
        mongo.database().getCollection(MongoVapiChatRepository.VAPI_CHAT_OWNERS, BsonDocument.class)
                .deleteMany(new BsonDocument());
    }

    @Override
    protected VapiChatRepository vapiChats() {
        return chats;
    }
}
