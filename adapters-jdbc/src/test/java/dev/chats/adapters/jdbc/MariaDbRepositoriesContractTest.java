package dev.chats.adapters.jdbc;

/** The persistence contract on MariaDb through the JDBC adapter. */
class MariaDbRepositoriesContractTest extends JdbcRepositoriesContract {

    @Override
    protected TestDatabase.Vendor vendor() {
        return TestDatabase.Vendor.MARIADB;
    }
}
