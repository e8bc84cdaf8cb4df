package dev.chats.adapters.jdbc;

import dev.chats.domain.port.VapiChatRepository;
import dev.chats.domain.port.contract.VapiChatRepositoryContract;
import org.junit.jupiter.api.BeforeEach;

import java.sql.Statement;

/** The Vapi chat persistence contract through the JDBC adapter; each subclass names its vendor. */
abstract class JdbcVapiChatsContract extends VapiChatRepositoryContract {

    protected abstract TestDatabase.Vendor vendor();

    private VapiChatRepository chats;

    @BeforeEach
    void clean() {
        TestDatabase database = TestDatabase.of(vendor());
        database.database().transactions().inTransaction("clean", connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM vapi_chat_owner");
                return statement.executeUpdate("DELETE FROM vapi_chat");
            }
        });
        chats = new JdbcVapiChatRepository(database.database());
    }

    @Override
    protected VapiChatRepository vapiChats() {
        return chats;
    }
}
