package dev.chats.app.ws;

import dev.chats.adapters.openai.FakeOpenAiUpstream;
import dev.chats.app.e2e.TestUsers;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end over real sockets: an API key authenticates {@code /api/v1/ws} as a session token does, and creating
 * and deleting a Vapi chat ({@code POST /chat}, streamed or not, {@code DELETE /chat/{id}}) reach the owner's sockets
 * as {@code chat.created} / {@code chat.deleted}, and no one else's.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "chats.websocket.auth-timeout", value = "2s")
class VapiEventsWebSocketTest implements TestPropertyProvider {

    static final FakeOpenAiUpstream UPSTREAM = new FakeOpenAiUpstream();
    static final Duration WAIT = Duration.ofSeconds(5);
    static final Duration QUIET = Duration.ofMillis(400);
    static final Argument<Map<String, Object>> OBJECT = Argument.mapOf(String.class, Object.class);

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    String base;
    TestUsers.Account owner;
    TestUsers.Account other;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("chats.model.urls-allowed", UPSTREAM.baseUrl());
    }

    @BeforeAll
    void signUp() {
        base = server.getURL().toString();
        TestUsers.signUp(client, "Admin");
        owner = TestUsers.signUp(client, "Vapi owner");
        other = TestUsers.signUp(client, "Bystander");
    }

    @AfterAll
    void stopUpstream() {
        UPSTREAM.close();
    }

    @Test
    void anApiKey_authenticatesASocket_byQueryAndByFrame_andAnUnknownOneIsClosed1008() throws Exception {
        String key = issueKey(owner);
        try (WsClient byQuery = WsClient.open(base, key);
             WsClient byFrame = WsClient.open(base, null);
             WsClient unknown = WsClient.open(base, "sk-00000000000000000000000000000000")) {
            byFrame.send("{\"type\":\"auth\",\"token\":\"" + key + "\"}");
            for (WsClient socket : List.of(byQuery, byFrame)) {
                Map<String, Object> ack = frame(socket);
                assertThat(ack.get("event")).isEqualTo("auth");
                assertThat(object(ack.get("data"))).containsEntry("id", owner.id());
            }
            WsClient.Closed closed = unknown.awaitClose(WAIT);
            assertThat(closed.code()).isEqualTo(1008);
            assertThat(unknown.pending()).isZero();
        }
    }

    @Test
    void creatingAndDeletingVapiChats_reachTheOwnersSockets_asChatCreatedAndChatDeleted() throws Exception {
        try (WsClient mine = WsClient.open(base, owner.token());
             WsClient theirs = WsClient.open(base, other.token())) {
            assertThat(frame(mine).get("event")).isEqualTo("auth");
            assertThat(frame(theirs).get("event")).isEqualTo("auth");

            Map<String, Object> chat = send("POST", "/chat", owner, Map.of("assistant", assistant(), "input", "hello",
                    "name", "evented"));
            Map<String, Object> created = event(frame(mine));
            assertThat(created.get("type")).isEqualTo("chat.created");
            assertThat(object(created.get("data"))).containsEntry("id", chat.get("id"))
                    .containsEntry("orgId", owner.id()).containsEntry("name", "evented");

            String streamedId = streamedChat(owner);
            Map<String, Object> streamed = event(frame(mine));
            assertThat(streamed.get("type")).isEqualTo("chat.created");
            assertThat(object(streamed.get("data"))).containsEntry("id", streamedId);

            send("DELETE", "/chat/" + chat.get("id"), owner, null);
            Map<String, Object> deleted = event(frame(mine));
            assertThat(deleted.get("type")).isEqualTo("chat.deleted");
            assertThat(object(deleted.get("data"))).containsEntry("id", chat.get("id"));

            assertThat(theirs.poll(QUIET)).isNull();
            assertThat(mine.poll(QUIET)).isNull();
        }
    }

    private Map<String, Object> assistant() {
        return Map.of("model", Map.of("provider", "custom-llm", "url", UPSTREAM.baseUrl(), "model", "m"));
    }

    private String issueKey(TestUsers.Account account) throws IOException {
        String raw = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/auths/api_key", "")
                .bearerAuth(account.token()), String.class);
        return (String) json.readValue(raw, OBJECT).get("api_key");
    }

    private Map<String, Object> send(String method, String uri, TestUsers.Account account, Object body)
            throws IOException {
        var request = HttpRequest.create(HttpMethod.parse(method), uri).bearerAuth(account.token());
        if (body != null) {
            request.body(json.writeValueAsString(body)).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        return json.readValue(client.toBlocking().retrieve(request, String.class), OBJECT);
    }

    /** A streamed {@code POST /chat}; answers the id its events carry. */
    private String streamedChat(TestUsers.Account account) throws IOException {
        String sse = client.toBlocking().retrieve(HttpRequest.POST("/chat", json.writeValueAsString(
                        Map.of("assistant", assistant(), "input", "stream me", "stream", true)))
                .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(account.token()), String.class);
        String firstData = sse.lines().filter(line -> line.startsWith("data:")).findFirst().orElseThrow();
        return (String) json.readValue(firstData.substring(5).trim(), OBJECT).get("id");
    }

    private Map<String, Object> frame(WsClient socket) throws Exception {
        return json.readValue(socket.next(WAIT), OBJECT);
    }

    private static Map<String, Object> event(Map<String, Object> frame) {
        assertThat(frame.get("event")).isEqualTo("events");
        return object(object(frame.get("data")).get("data"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return (Map<String, Object>) value;
    }
}
