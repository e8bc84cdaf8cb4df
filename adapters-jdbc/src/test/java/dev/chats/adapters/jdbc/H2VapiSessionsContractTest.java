package dev.chats.adapters.jdbc;

/** The Vapi session persistence contract on H2 through the JDBC adapter. */
class H2VapiSessionsContractTest extends JdbcVapiSessionsContract {

    @Override
    protected TestDatabase.Vendor vendor() {
        return TestDatabase.Vendor.H2;
    }
}
