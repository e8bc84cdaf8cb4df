package dev.chats.adapters.jdbc;

/** The API key persistence contract on H2 through the JDBC adapter. */
class H2ApiKeysContractTest extends JdbcApiKeysContract {

    @Override
    protected TestDatabase.Vendor vendor() {
        return TestDatabase.Vendor.H2;
    }
}
