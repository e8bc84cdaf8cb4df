package dev.chats.adapters.jdbc;

/** The Vapi chat persistence contract on Postgres through the JDBC adapter. */
class PostgresVapiChatsContractTest extends JdbcVapiChatsContract {

    @Override
    protected TestDatabase.Vendor vendor() {
        return TestDatabase.Vendor.POSTGRESQL;
    }
}
