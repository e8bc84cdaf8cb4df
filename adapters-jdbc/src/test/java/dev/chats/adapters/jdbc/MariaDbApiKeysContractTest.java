package dev.chats.adapters.jdbc;

/** The API key persistence contract on MariaDb through the JDBC adapter. */
class MariaDbApiKeysContractTest extends JdbcApiKeysContract {

    @Override
    protected TestDatabase.Vendor vendor() {
        return TestDatabase.Vendor.MARIADB;
    }
}
