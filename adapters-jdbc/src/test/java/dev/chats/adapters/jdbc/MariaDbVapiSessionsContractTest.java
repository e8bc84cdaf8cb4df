package dev.chats.adapters.jdbc;

/** The Vapi session persistence contract on MariaDb through the JDBC adapter. */
class MariaDbVapiSessionsContractTest extends JdbcVapiSessionsContract {

    @Override
    protected TestDatabase.Vendor vendor() {
        return TestDatabase.Vendor.MARIADB;
    }
}
