package dev.chats.adapters.jdbc;

/** The Vapi chat persistence contract on MariaDb through the JDBC adapter. */
class MariaDbVapiChatsContractTest extends JdbcVapiChatsContract {

    @Override
    protected TestDatabase.Vendor vendor() {
        return TestDatabase.Vendor.MARIADB;
    }
}
