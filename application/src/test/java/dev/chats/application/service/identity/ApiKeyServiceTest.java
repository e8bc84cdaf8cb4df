package dev.chats.application.service.identity;

import dev.chats.application.port.in.identity.ApiKeysDisabledException;
import dev.chats.application.port.in.identity.UnknownApiKeyException;
import dev.chats.domain.port.fake.InMemoryApiKeyRepository;
import dev.chats.domain.port.fake.InMemoryUserRepository;
import dev.chats.domain.user.ApiKey;
import dev.chats.domain.user.EmailAddress;
import dev.chats.domain.user.Role;
import dev.chats.domain.user.StoredApiKey;
import dev.chats.domain.user.User;
import dev.chats.domain.user.UserId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issuing, showing, deleting and resolving API keys, over in-memory ports. */
class ApiKeyServiceTest {

    private static final long NOW = 1_700_000_000L;

    private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final ApiKeyService service = new ApiKeyService(keys, users, () -> NOW, true);
    private final ApiKeyService disabled = new ApiKeyService(keys, users, () -> NOW, false);

    private User user(String name) {
        User user = new User(new UserId("u-" + name), name, new EmailAddress(name + "@example.com"), Role.USER,
                "hash", "/user.png", NOW, NOW);
        users.add(user);
        return user;
    }

    @Test
    void givenIssuedKey_keyOwner_findsTheUser_andTheHintShowsOnlyItsEnd() {
        User ada = user("ada");

        ApiKey key = service.issue(ada.id());

        assertThat(service.keyOwner(key.hash())).isEqualTo(ada);
        assertThat(service.hint(ada.id())).contains(key.hint());
        assertThat(keys.findByOwner(ada.id())).contains(StoredApiKey.of(ada.id(), key, NOW));
    }

    @Test
    void givenIssuedKey_issueAgain_replacesIt() {
        User ada = user("ada");
        ApiKey first = service.issue(ada.id());

        ApiKey second = service.issue(ada.id());

        assertThat(second).isNotEqualTo(first);
        assertThatThrownBy(() -> service.keyOwner(first.hash())).isInstanceOf(UnknownApiKeyException.class);
        assertThat(service.keyOwner(second.hash())).isEqualTo(ada);
    }

    @Test
    void givenDeletedKey_keyOwner_refusesIt_andTheHintIsGone() {
        User ada = user("ada");
        ApiKey key = service.issue(ada.id());

        assertThat(service.delete(ada.id())).isTrue();

        assertThatThrownBy(() -> service.keyOwner(key.hash())).isInstanceOf(UnknownApiKeyException.class);
        assertThat(service.hint(ada.id())).isEmpty();
        assertThat(service.delete(ada.id())).isFalse();
    }

    @Test
    void givenKeyWhoseOwnerNoLongerExists_keyOwner_refusesIt() {
        ApiKey key = ApiKey.generate();
        keys.replace(StoredApiKey.of(new UserId("u-deleted"), key, NOW));

        assertThatThrownBy(() -> service.keyOwner(key.hash())).isInstanceOf(UnknownApiKeyException.class);
    }

    @Test
    void givenNeverIssuedKey_keyOwner_refusesIt() {
        user("ada");

        assertThatThrownBy(() -> service.keyOwner(ApiKey.generate().hash()))
                .isInstanceOf(UnknownApiKeyException.class);
    }

    @Test
    void givenKeysDisabled_issueAndKeyOwnerRefuse_butHintAndDeleteStillWork() {
        User ada = user("ada");
        ApiKey key = service.issue(ada.id());

        assertThatThrownBy(() -> disabled.issue(ada.id())).isInstanceOf(ApiKeysDisabledException.class);
        assertThatThrownBy(() -> disabled.keyOwner(key.hash())).isInstanceOf(ApiKeysDisabledException.class);
        assertThat(disabled.hint(ada.id())).contains(key.hint());
        assertThat(disabled.delete(ada.id())).isTrue();
    }
}
