package dev.chats.adapters.jdbc;

/** The saved-assistant persistence contract on MariaDb through the JDBC adapter. */
class MariaDbSavedAssistantsContractTest extends JdbcSavedAssistantsContract {

    @Override
    protected TestDatabase.Vendor vendor() {
        return TestDatabase.Vendor.MARIADB;
    }
}
