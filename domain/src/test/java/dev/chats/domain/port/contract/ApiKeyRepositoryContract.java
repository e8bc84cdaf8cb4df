package dev.chats.domain.port.contract;

import dev.chats.domain.port.ApiKeyRepository;
import dev.chats.domain.port.UserRepository;
import dev.chats.domain.user.ApiKey;
import dev.chats.domain.user.EmailAddress;
import dev.chats.domain.user.Role;
import dev.chats.domain.user.StoredApiKey;
import dev.chats.domain.user.User;
import dev.chats.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.chats.domain.port.contract.ContractFixtures.newUserId;
import static dev.chats.domain.port.contract.ContractFixtures.ofLength;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Persistence contract: what every {@link ApiKeyRepository} adapter must do, whichever database is behind it.
 *
 * <p>Subclass it per database and return the adapters under test — the same instances on every call within a test.
 * Keys belong to stored users (a store may tie them to the user's row), so each test adds its users first.
 */
public abstract class ApiKeyRepositoryContract {

    private static final long ISSUED = 1_700_000_000L;

    /** The store under test; the same instance for the whole of one test. */
    protected abstract ApiKeyRepository apiKeys();

    /** The users of the same store, in which the keys' owners are added. */
    protected abstract UserRepository users();

    @Test
    void givenNoKey_lookups_areEmptyAndDeleteAnswersFalse() {
        UserId owner = newUser();

        assertThat(apiKeys().findByOwner(owner)).isEmpty();
        assertThat(apiKeys().findOwner(ApiKey.generate().hash())).isEmpty();
        assertThat(apiKeys().delete(owner)).isFalse();
    }

    @Test
    void givenIssuedKey_itsHashFindsTheOwnerAndTheOwnerFindsTheRecord() {
        UserId owner = newUser();
        ApiKey key = ApiKey.generate();
        StoredApiKey stored = StoredApiKey.of(owner, key, ISSUED);

        apiKeys().replace(stored);

        assertThat(apiKeys().findOwner(key.hash())).contains(owner);
        assertThat(apiKeys().findByOwner(owner)).contains(stored);
        assertThat(apiKeys().findOwner(ApiKey.generate().hash())).isEmpty();
    }

    @Test
    void givenIssuedKey_replace_makesTheEarlierKeyUnknown() {
        UserId owner = newUser();
        ApiKey first = ApiKey.generate();
        ApiKey second = ApiKey.generate();
        apiKeys().replace(StoredApiKey.of(owner, first, ISSUED));

        apiKeys().replace(StoredApiKey.of(owner, second, ISSUED + 60));

        assertThat(apiKeys().findOwner(first.hash())).isEmpty();
        assertThat(apiKeys().findOwner(second.hash())).contains(owner);
        assertThat(apiKeys().findByOwner(owner)).contains(StoredApiKey.of(owner, second, ISSUED + 60));
    }

    @Test
    void givenKeysOfTwoUsers_delete_removesOnlyTheOwnersKey() {
        UserId ada = newUser();
        UserId bob = newUser();
        ApiKey adaKey = ApiKey.generate();
        ApiKey bobKey = ApiKey.generate();
        apiKeys().replace(StoredApiKey.of(ada, adaKey, ISSUED));
        apiKeys().replace(StoredApiKey.of(bob, bobKey, ISSUED));

        assertThat(apiKeys().delete(ada)).isTrue();

        assertThat(apiKeys().findOwner(adaKey.hash())).isEmpty();
        assertThat(apiKeys().findByOwner(ada)).isEmpty();
        assertThat(apiKeys().findOwner(bobKey.hash())).contains(bob);
        assertThat(apiKeys().delete(ada)).isFalse();
    }

    @Test
    void givenOwnerIdAndHintAtTheirLongest_replace_keepsThemWhole() {
        UserId owner = newUser(new UserId(ofLength("user-", UserId.MAX_LENGTH)));
        ApiKey key = ApiKey.generate();
        StoredApiKey stored = new StoredApiKey(owner, key.hash(), ofLength("sk-", StoredApiKey.MAX_HINT_LENGTH),
                ISSUED);

        apiKeys().replace(stored);

        assertThat(apiKeys().findByOwner(owner)).contains(stored);
        assertThat(apiKeys().findOwner(key.hash())).contains(owner);
    }

    private UserId newUser() {
        return newUser(newUserId());
    }

    private UserId newUser(UserId id) {
        users().add(new User(id, "Key Holder", new EmailAddress("keys-" + UUID.randomUUID() + "@example.com"),
                Role.USER, "$2a$10$abcdefghijklmnopqrstuvABCDEFGHIJKLMNOPQRSTUVWXYZ01234", "/user.png", ISSUED,
                ISSUED));
        return id;
    }
}
