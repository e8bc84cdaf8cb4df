package dev.chats.app.e2e;

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
 * End to end over real HTTP: one setting ({@code micronaut.server.max-request-size}) bounds a request body. Bodies
 * above the framework's own 10 MiB buffer but under the setting are stored whole; bodies above it answer 413
 * {@code {"detail"}}. The limit is set to 24 MB here so the test need not send 128 MB.
 */
@MicronautTest
@Property(name = "micronaut.server.max-request-size", value = "24MB")
@Property(name = "micronaut.http.client.max-content-length", value = "67108864")
// Storing and reading back 12 MiB took 10-11 s on PostgreSQL on a loaded 2-core machine: past the client's 10 s.
@Property(name = "micronaut.http.client.read-timeout", value = "60s")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestSizeLimitTest {

    private static final int MIB = 1024 * 1024;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    Api api;
    TestUsers.Account user;

    @BeforeAll
    void signUp() {
        api = new Api(client, json);
        user = TestUsers.signUp(client, "Large Body");
    }

    private String chat(String title, int characters) {
        String content = "x".repeat(characters);
        return api.write(Map.of("chat", Map.of("title", title, "history", Map.of("currentId", "m1",
                "messages", Map.of("m1", Map.of("id", "m1", "role", "user", "content", content))))));
    }

    @Test
    void bodyAboveTheFrameworkBufferButUnderTheSetting_isStoredWhole() {
        String body = chat("stored", 12 * MIB);

        Api.Reply created = api.post(user.token(), "/api/v1/chats/new", body);

        assertThat(created.status()).isEqualTo(200);
        String id = (String) created.get("id");
        Api.Reply read = api.get(user.token(), "/api/v1/chats/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.raw()).contains("x".repeat(12 * MIB));
    }

    @Test
    void bodyAboveTheSetting_answers413WithDetail_andStoresNothing() {
        String body = chat("refused", 25 * MIB);

        Api.Reply refused = api.post(user.token(), "/api/v1/chats/new", body);

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.object()).isEqualTo(Map.of("detail", "Request Entity Too Large"));
        Api.Reply titles = api.get(user.token(), "/api/v1/chats/");
        assertThat(titles.list()).noneSatisfy(chat -> assertThat(chat.get("title")).isEqualTo("refused"));
    }
}
