package dev.chats.adapters.jdbc;

/** The persistence contract on H2 through the JDBC adapter. */
class H2RepositoriesContractTest extends JdbcRepositoriesContract {

    @Override
    protected TestDatabase.Vendor vendor() {
        return TestDatabase.Vendor.H2;
    }
}
