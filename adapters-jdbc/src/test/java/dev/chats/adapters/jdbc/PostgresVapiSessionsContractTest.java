package dev.chats.adapters.jdbc;

/** The Vapi session persistence contract on Postgres through the JDBC adapter. */
class PostgresVapiSessionsContractTest extends JdbcVapiSessionsContract {

    @Override
    protected TestDatabase.Vendor vendor() {
        return TestDatabase.Vendor.POSTGRESQL;
    }
}
