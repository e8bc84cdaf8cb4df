package dev.chats.adapters.mongo;

import dev.chats.domain.port.VapiSessionRepository;
import dev.chats.domain.port.contract.VapiSessionRepositoryContract;
import org.bson.BsonDocument;
import org.junit.jupiter.api.BeforeEach;

/** The Vapi session persistence contract on MongoDB; see {@link TestMongo} for where it runs. */
class MongoVapiSessionsContractTest extends VapiSessionRepositoryContract {

    private VapiSessionRepository sessions;

    @BeforeEach
    void clean() {
        TestMongo mongo = TestMongo.get();
        sessions = new MongoVapiSessionRepository(mongo.store());
        mongo.database().getCollection(MongoVapiSessionRepository.VAPI_SESSIONS, BsonDocument.class)
                .deleteMany(new BsonDocument());
    }

    @Override
    protected VapiSessionRepository vapiSessions() {
        return sessions;
    }
}
