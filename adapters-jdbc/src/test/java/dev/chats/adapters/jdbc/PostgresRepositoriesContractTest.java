package dev.chats.adapters.jdbc;

/** The persistence contract on Postgres through the JDBC adapter. */
class PostgresRepositoriesContractTest extends JdbcRepositoriesContract {

    @Override
    protected TestDatabase.Vendor vendor() {
        return TestDatabase.Vendor.POSTGRESQL;
    }
}
