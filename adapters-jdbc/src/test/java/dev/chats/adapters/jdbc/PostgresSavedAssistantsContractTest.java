package dev.chats.adapters.jdbc;

/** The saved-assistant persistence contract on Postgres through the JDBC adapter. */
class PostgresSavedAssistantsContractTest extends JdbcSavedAssistantsContract {

    @Override
    protected TestDatabase.Vendor vendor() {
        return TestDatabase.Vendor.POSTGRESQL;
    }
}
