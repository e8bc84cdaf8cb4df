package dev.chats.adapters.jdbc;

import dev.chats.domain.port.SavedAssistantRepository;
import dev.chats.domain.port.contract.SavedAssistantRepositoryContract;
import org.junit.jupiter.api.BeforeEach;

import java.sql.Statement;

/** The saved-assistant persistence contract through the JDBC adapter; each subclass names its vendor. */
abstract class JdbcSavedAssistantsContract extends SavedAssistantRepositoryContract {

    protected abstract TestDatabase.Vendor vendor();

    private SavedAssistantRepository assistants;

    @BeforeEach
    void clean() {
        TestDatabase database = TestDatabase.of(vendor());
        database.database().transactions().inTransaction("clean", connection -> {
            try (Statement statement = connection.createStatement()) {
                return statement.executeUpdate("DELETE FROM vapi_assistant");
            }
        });
        assistants = new JdbcSavedAssistantRepository(database.database());
    }

    @Override
    protected SavedAssistantRepository savedAssistants() {
        return assistants;
    }
}
