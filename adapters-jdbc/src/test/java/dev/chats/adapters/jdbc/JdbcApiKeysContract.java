package dev.chats.adapters.jdbc;

import dev.chats.domain.port.ApiKeyRepository;
import dev.chats.domain.port.UserRepository;
import dev.chats.domain.port.contract.ApiKeyRepositoryContract;
import dev.chats.domain.user.ApiKey;
import dev.chats.domain.user.EmailAddress;
import dev.chats.domain.user.Role;
import dev.chats.domain.user.StoredApiKey;
import dev.chats.domain.user.User;
import dev.chats.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The API key persistence contract through the JDBC adapter; each subclass names its vendor. */
abstract class JdbcApiKeysContract extends ApiKeyRepositoryContract {

    protected abstract TestDatabase.Vendor vendor();

    private TestDatabase database;
    private ApiKeyRepository apiKeys;
    private UserRepository users;

    @BeforeEach
    void clean() {
        database = TestDatabase.of(vendor());
        database.clean();
        apiKeys = new JdbcApiKeyRepository(database.database());
        users = new JdbcUserRepository(database.database());
    }

    @Override
    protected ApiKeyRepository apiKeys() {
        return apiKeys;
    }

    @Override
    protected UserRepository users() {
        return users;
    }

    @Test
    void givenUsersKey_deletingTheUserRow_deletesTheKey() {
        UserId owner = new UserId(UUID.randomUUID().toString());
        users.add(new User(owner, "Gone", new EmailAddress("gone-" + owner + "@example.com"), Role.USER, "hash",
                "/user.png", 1L, 1L));
        ApiKey key = ApiKey.generate();
        apiKeys.replace(StoredApiKey.of(owner, key, 1L));

        database.database().transactions().inTransaction("delete a user", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM app_user WHERE id = ?")) {
                delete.setString(1, owner.value());
                return delete.executeUpdate();
            }
        });

        assertThat(apiKeys.findOwner(key.hash())).isEmpty();
        assertThat(apiKeys.findByOwner(owner)).isEmpty();
    }
}
