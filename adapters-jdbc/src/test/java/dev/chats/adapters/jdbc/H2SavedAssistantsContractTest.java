package dev.chats.adapters.jdbc;

/** The saved-assistant persistence contract on H2 through the JDBC adapter. */
class H2SavedAssistantsContractTest extends JdbcSavedAssistantsContract {

    @Override
    protected TestDatabase.Vendor vendor() {
        return TestDatabase.Vendor.H2;
    }
}
