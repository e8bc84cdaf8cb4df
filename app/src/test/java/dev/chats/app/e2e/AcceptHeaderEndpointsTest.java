package dev.chats.app.e2e;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.chats.app.e2e.ChatLifecycleEndpointsTest.ACCESS_PROHIBITED;
import static dev.chats.app.e2e.ChatLifecycleEndpointsTest.NOT_FOUND;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end over real HTTP: every route answers JSON whatever {@code Accept} says (FastAPI ignores it), and
 * {@code GET /chats/all} and {@code /chats/all/db} answer NDJSON — one chat per line — when asked for
 * {@code application/x-ndjson}, as the newest Open WebUI front-end's {@code getAllChats} does.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AcceptHeaderEndpointsTest {

    static final List<String> CHAT_RESPONSE_KEYS = ChatSharingEndpointsTest.CHAT_RESPONSE_KEYS;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    @Inject
    EmbeddedServer server;

    Api api;
    TestUsers.Account admin;
    TestUsers.Account u1;
    final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();

    @BeforeAll
    void signUpUsers() {
        api = new Api(client, json);
        admin = TestUsers.signUp(client, "Admin");
        u1 = TestUsers.signUp(client, "Exporter");
        assertThat(admin.role()).isEqualTo("admin");
    }

    record Raw(int status, String contentType, String body) {
    }

    private Raw send(String method, String path, String accept, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Raw(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String createChat(TestUsers.Account who, String title) {
        Api.Reply reply = api.post(who.token(), "/api/v1/chats/new", "{\"chat\":{\"title\":\"" + title + "\"}}");
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return (String) reply.get("id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/html", "application/xml", "image/png", "text/plain", "not a media type;;",
            "application/x-ndjson", "text/event-stream", "*/*;q=0.1", "application/json;q=0", ""})
    void anyAccept_everyRouteAnswersJson(String accept) {
        String id = createChat(u1, "Accept " + accept.hashCode());

        Raw list = send("GET", "/api/v1/chats/?page=1", accept, u1.token(), null);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.contentType()).startsWith("application/json");
        assertThat(api.parse(list.body())).isInstanceOf(List.class);

        Raw get = send("GET", "/api/v1/chats/" + id, accept, u1.token(), null);
        assertThat(get.status()).as(get.body()).isEqualTo(200);
        assertThat(((Map<?, ?>) api.parse(get.body())).get("id")).isEqualTo(id);

        Raw created = send("POST", "/api/v1/chats/new", accept, u1.token(), "{\"chat\":{\"title\":\"made\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(((Map<?, ?>) api.parse(created.body())).get("title")).isEqualTo("made");

        Raw folders = send("GET", "/api/v1/folders/", accept, u1.token(), null);
        assertThat(folders.status()).as(folders.body()).isEqualTo(200);

        Raw missing = send("GET", "/api/v1/chats/" + java.util.UUID.randomUUID(), accept, u1.token(), null);
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.contentType()).startsWith("application/json");
        assertThat(api.parse(missing.body())).isEqualTo(Map.of("detail", NOT_FOUND));

        Raw anonymous = send("GET", "/api/v1/chats/", accept, null, null);
        assertThat(anonymous.status()).isEqualTo(403);
        assertThat(api.parse(anonymous.body())).isEqualTo(Map.of("detail", "Not authenticated"));

        Raw pinned = send("GET", "/api/v1/chats/pinned", accept, u1.token(), null);
        assertThat(pinned.status()).as(pinned.body()).isEqualTo(200);
        assertThat(pinned.body()).isEqualTo("[]");
    }

    @Test
    void allChats_withNdjsonAccept_answersOneChatResponsePerLine_newestFirst() {
        TestUsers.Account owner = TestUsers.signUp(client, "Ndjson Owner");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(createChat(owner, "line " + i));
        }
        api.post(owner.token(), "/api/v1/chats/" + ids.get(0) + "/archive", null);

        Raw ndjson = send("GET", "/api/v1/chats/all", "application/x-ndjson", owner.token(), null);

        assertThat(ndjson.status()).isEqualTo(200);
        assertThat(ndjson.contentType()).startsWith("application/x-ndjson");
        assertThat(ndjson.body()).endsWith("\n").doesNotStartWith("[");
        List<String> lines = ndjson.body().lines().toList();
        assertThat(lines).hasSize(5);
        List<Object> seen = new ArrayList<>();
        for (String line : lines) {
            @SuppressWarnings("unchecked")
            Map<String, Object> chat = (Map<String, Object>) api.parse(line);
            assertThat(new ArrayList<>(chat.keySet())).containsExactlyElementsOf(CHAT_RESPONSE_KEYS);
            assertThat(chat.get("user_id")).isEqualTo(owner.id());
            seen.add(chat.get("id"));
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(ids);
        // The same chats in the same order as the JSON array answer.
        List<Map<String, Object>> array = api.get(owner.token(), "/api/v1/chats/all").list();
        assertThat(array.stream().map(c -> c.get("id")).toList()).isEqualTo(seen);
    }

    @Test
    void allChats_withoutNdjson_answersAJsonArray_andNoChatsAnswerAnEmptyBody() {
        TestUsers.Account fresh = TestUsers.signUp(client, "Empty Exporter");
        Raw array = send("GET", "/api/v1/chats/all", "application/json", fresh.token(), null);
        assertThat(array.status()).isEqualTo(200);
        assertThat(array.contentType()).startsWith("application/json");
        assertThat(array.body()).isEqualTo("[]");

        Raw ndjson = send("GET", "/api/v1/chats/all", "application/x-ndjson", fresh.token(), null);
        assertThat(ndjson.status()).isEqualTo(200);
        assertThat(ndjson.body()).isEmpty();

        createChat(fresh, "only");
        Raw one = send("GET", "/api/v1/chats/all", "text/html", fresh.token(), null);
        assertThat(api.parse(one.body())).isInstanceOf(List.class);
        assertThat((List<?>) api.parse(one.body())).hasSize(1);
    }

    @Test
    void adminExport_withNdjsonAccept_streamsEveryChat_andNonAdminsGetJsonDetail() {
        String mine = createChat(u1, "for the admin");

        Raw denied = send("GET", "/api/v1/chats/all/db", "application/x-ndjson", u1.token(), null);
        assertThat(denied.status()).isEqualTo(401);
        assertThat(denied.contentType()).startsWith("application/json");
        assertThat(api.parse(denied.body())).isEqualTo(Map.of("detail", ACCESS_PROHIBITED));

        Raw all = send("GET", "/api/v1/chats/all/db", "application/x-ndjson", admin.token(), null);
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.contentType()).startsWith("application/x-ndjson");
        List<Object> ids = all.body().lines().map(line -> (Object) ((Map<?, ?>) api.parse(line)).get("id")).toList();
        assertThat(ids).contains(mine);
    }

    @Test
    void ndjsonExport_arrivesLineByLine_beforeTheAnswerEnds() throws Exception {
        TestUsers.Account many = TestUsers.signUp(client, "Many Chats");
        for (int i = 0; i < 30; i++) {
            createChat(many, "chat " + i);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1/chats/all"))
                .header("Accept", "application/x-ndjson").header("Authorization", "Bearer " + many.token()).build();
        HttpResponse<java.io.InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("Transfer-Encoding")).contains("chunked");
        int count = 0;
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                assertThat(((Map<?, ?>) api.parse(line)).get("user_id")).isEqualTo(many.id());
                count++;
            }
        }
        assertThat(count).isEqualTo(30);
    }
}
