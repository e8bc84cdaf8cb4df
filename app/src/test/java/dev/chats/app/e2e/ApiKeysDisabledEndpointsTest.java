package dev.chats.app.e2e;

import dev.chats.domain.port.ApiKeyRepository;
import dev.chats.domain.user.ApiKey;
import dev.chats.domain.user.StoredApiKey;
import dev.chats.domain.user.UserId;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end over real HTTP with {@code ENABLE_API_KEY=false}: no key is issued, and a key issued before keys were
 * turned off is refused with Open WebUI's 403 on both surfaces; a user may still look at and delete theirs.
 */
@MicronautTest
@Property(name = "chats.auth.api-keys.enabled", value = "false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiKeysDisabledEndpointsTest {

    static final String NOT_ALLOWED = "Use of API key is not enabled in the environment.";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    @Inject
    ApiKeyRepository apiKeys;

    Api api;
    TestUsers.Account user;

    @BeforeAll
    void setUp() {
        api = new Api(client, json);
        TestUsers.signUp(client, "Admin");
        user = TestUsers.signUp(client, "Would-be key holder");
    }

    @Test
    void issuingAKey_answers403AndStoresNone() {
        Api.Reply reply = api.post(user.token(), "/api/v1/auths/api_key", "");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.object()).isEqualTo(Map.of("detail", "API key creation is not allowed in the environment."));
        assertThat(apiKeys.findByOwner(new UserId(user.id()))).isEmpty();
    }

    @Test
    void aKeyIssuedWhileKeysWereOn_isRefused403OnBothSurfaces_butCanStillBeSeenAndDeleted() {
        TestUsers.Account holder = TestUsers.signUp(client, "Earlier key holder");
        ApiKey key = ApiKey.generate();
        apiKeys.replace(StoredApiKey.of(new UserId(holder.id()), key, 1_700_000_000L));

        Api.Reply owui = api.get(key.value(), "/api/v1/chats/");
        assertThat(owui.status()).isEqualTo(403);
        assertThat(owui.object()).isEqualTo(Map.of("detail", NOT_ALLOWED));
        Api.Reply vapi = api.get(key.value(), "/chat");
        assertThat(vapi.status()).isEqualTo(403);
        assertThat(vapi.object()).isEqualTo(Map.of("message", NOT_ALLOWED, "error", "Forbidden", "statusCode", 403));
        assertThat(api.get(holder.token(), "/api/v1/chats/").status()).isEqualTo(200);

        assertThat(api.get(holder.token(), "/api/v1/auths/api_key").object())
                .isEqualTo(Map.of("api_key", key.hint()));
        assertThat(api.delete(holder.token(), "/api/v1/auths/api_key").body()).isEqualTo(true);
        assertThat(apiKeys.findByOwner(new UserId(holder.id()))).isEmpty();
    }
}
