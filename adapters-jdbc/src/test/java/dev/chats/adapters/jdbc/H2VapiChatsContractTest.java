package dev.chats.adapters.jdbc;

/** The Vapi chat persistence contract on H2 through the JDBC adapter. */
class H2VapiChatsContractTest extends JdbcVapiChatsContract {

    @Override
    protected TestDatabase.Vendor vendor() {
        return TestDatabase.Vendor.H2;
    }
}
