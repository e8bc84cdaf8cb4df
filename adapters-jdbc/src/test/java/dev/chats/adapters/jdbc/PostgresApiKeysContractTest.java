package dev.chats.adapters.jdbc;

/** The API key persistence contract on Postgres through the JDBC adapter. */
class PostgresApiKeysContractTest extends JdbcApiKeysContract {

    @Override
    protected TestDatabase.Vendor vendor() {
        return TestDatabase.Vendor.POSTGRESQL;
    }
}
