package dev.chats.adapters.jdbc;

import dev.chats.domain.port.VapiSessionRepository;
import dev.chats.domain.port.contract.VapiSessionRepositoryContract;
import org.junit.jupiter.api.BeforeEach;

import java.sql.Statement;

/** The Vapi session persistence contract through the JDBC adapter; each subclass names its vendor. */
abstract class JdbcVapiSessionsContract extends VapiSessionRepositoryContract {

    protected abstract TestDatabase.Vendor vendor();

    private VapiSessionRepository sessions;

    @BeforeEach
    void clean() {
        TestDatabase database = TestDatabase.of(vendor());
        database.database().transactions().inTransaction("clean", connection -> {
            try (Statement statement = connection.createStatement()) {
                return statement.executeUpdate("DELETE FROM vapi_session");
            }
        });
        sessions = new JdbcVapiSessionRepository(database.database());
    }

    @Override
    protected VapiSessionRepository vapiSessions() {
        return sessions;
    }
}
