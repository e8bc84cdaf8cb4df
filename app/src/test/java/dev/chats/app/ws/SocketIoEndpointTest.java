package dev.chats.app.ws;

import dev.chats.adapters.rest.socketio.SocketIoSessions;
import dev.chats.app.e2e.TestUsers;
import dev.chats.domain.user.UserId;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /ws/socket.io} driven by the real {@code socket.io-client} (npm) on each transport, WebSocket and HTTP
 * long-polling alone, and polling upgraded to WebSocket as browsers connect: a valid {@code auth.token} connects and {@code user-join} is acknowledged with the user's
 * {@code id} and {@code name}; an event caused through the REST API arrives as {@code events} and
 * {@code chat-events} with the payload the plain WebSocket carries, on every socket of its user and on no other
 * user's; a bad or missing token gets a {@code connect_error} and nothing else. Skipped without node.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SocketIoEndpointTest {

    static final Duration WAIT = Duration.ofSeconds(15);
    static final Duration QUIET = Duration.ofMillis(600);
    static final String INVALID_TOKEN = "Your session has expired or the token is invalid. Please sign in again.";
    static final Argument<Map<String, Object>> OBJECT = Argument.mapOf(String.class, Object.class);

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    @Inject
    SocketIoSessions sessions;

    TestUsers.Account owner;
    TestUsers.Account other;

    @BeforeAll
    void users() throws Exception {
        SocketIoClientProcess.requireNode();
        TestUsers.signUp(client, "Admin");
        owner = TestUsers.signUp(client, "Owner");
        other = TestUsers.signUp(client, "Other");
    }

    @ParameterizedTest
    @ValueSource(strings = {"websocket", "polling", "upgrade"})
    void aValidToken_connects_userJoinIsAcknowledged_andTheOwnersSocketsAloneGetTheEvents(String transport)
            throws Exception {
        try (SocketIoClientProcess first = connected(owner, transport);
             SocketIoClientProcess second = connected(owner, transport);
             SocketIoClientProcess stranger = connected(other, transport);
             WsClient plain = WsClient.open(server.getURL().toString(), owner.token())) {
            plain.next(WAIT);
            awaitSocketsOf(owner, 2);

            String chatId = createChat(owner, "Seen over " + transport);

            Map<String, Object> plainFrame = json.readValue(plain.next(WAIT), OBJECT);
            for (SocketIoClientProcess socket : List.of(first, second)) {
                Map<String, Object> events = socket.next("event", WAIT);
                assertThat(events.get("name")).isEqualTo("events");
                Map<String, Object> payload = onlyArgument(events);
                assertThat(payload).containsEntry("chat_id", chatId).containsEntry("message_id", null);
                assertThat(inner(payload)).containsEntry("type", "chat:created");
                assertThat(payload).as("the payload the plain WebSocket carries").isEqualTo(plainFrame.get("data"));
                Map<String, Object> legacy = socket.next("event", WAIT);
                assertThat(legacy.get("name")).isEqualTo("chat-events");
                assertThat(onlyArgument(legacy)).isEqualTo(payload);
            }
            assertThat(stranger.poll(QUIET)).as("another user's socket").isNull();

            String strangers = createChat(other, "Not the owner's");
            assertThat(onlyArgument(stranger.next("event", WAIT))).containsEntry("chat_id", strangers);
            assertThat(first.poll(QUIET)).as("the owner's socket, for another user's chat").isNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"websocket", "polling"})
    void aBadOrMissingToken_getsAConnectErrorAndNothingElse(String transport) throws Exception {
        Map<String, String> refusals = new java.util.LinkedHashMap<>();
        refusals.put("not-a-token", INVALID_TOKEN);
        refusals.put(owner.token() + "x", INVALID_TOKEN);
        refusals.put("", "Not authenticated: connect with auth: {token}");
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            try (SocketIoClientProcess socket = SocketIoClientProcess.connect(server.getURL().toString(),
                    refusal.getKey(), transport, json)) {
                Map<String, Object> first = socket.next(WAIT);
                assertThat(first).as("token '%s'", refusal.getKey())
                        .containsEntry("kind", "connect_error").containsEntry("message", refusal.getValue());
                createChat(owner, "After a refused connect");
                assertThat(socket.poll(QUIET)).as("nothing after the connect_error").isNull();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"websocket", "polling"})
    void userJoinWithABadToken_isAcknowledgedWithNothing_andTheSocketKeepsItsUser(String transport)
            throws Exception {
        try (SocketIoClientProcess socket = connected(owner, transport)) {
            socket.userJoin("not-a-token");
            assertThat(socket.next("ack", WAIT).get("args")).isEqualTo(List.of());
            String chatId = createChat(owner, "Still the owner's");
            assertThat(onlyArgument(socket.next("event", WAIT))).containsEntry("chat_id", chatId);
        }
    }

    /** The clients of earlier tests are gone once their disconnect is processed: waits for exactly this many. */
    private void awaitSocketsOf(TestUsers.Account account, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (sessions.socketsOf(new UserId(account.id())) != expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(sessions.socketsOf(new UserId(account.id()))).isEqualTo(expected);
    }

    /** A client of this user, connected and joined: the user-join acknowledgement is {@code {id, name}}. */
    private SocketIoClientProcess connected(TestUsers.Account account, String transport) throws Exception {
        SocketIoClientProcess socket = SocketIoClientProcess.connect(server.getURL().toString(), account.token(),
                transport, json);
        Map<String, Object> connect = socket.next(WAIT);
        if ("upgrade".equals(connect.get("kind"))) {
            // Upgraded before the connect was answered.
            assertThat(connect.get("transport")).isEqualTo("websocket");
            connect = socket.next(WAIT);
            transport = "websocket";
        }
        assertThat(connect.get("kind")).as("first line: %s", connect).isEqualTo("connect");
        if (!"upgrade".equals(transport)) {
            assertThat(connect.get("transport")).isEqualTo(transport);
        }
        // The acknowledgement and, when upgrading, the upgrade come in either order.
        Map<String, Object> ack = null;
        boolean upgraded = !"upgrade".equals(transport);
        while (ack == null || !upgraded) {
            Map<String, Object> line = socket.next(WAIT);
            if ("ack".equals(line.get("kind"))) {
                ack = line;
            } else if ("upgrade".equals(line.get("kind"))) {
                assertThat(line.get("transport")).isEqualTo("websocket");
                upgraded = true;
            }
        }
        assertThat(ack.get("args")).isEqualTo(List.of(Map.of("id", account.id(), "name", account.name())));
        return socket;
    }

    private String createChat(TestUsers.Account account, String title) throws IOException {
        return (String) json.readValue(client.toBlocking().retrieve(HttpRequest.POST("/api/v1/chats/new",
                "{\"chat\":{\"title\":\"" + title + "\"}}").contentType(MediaType.APPLICATION_JSON_TYPE)
                .bearerAuth(account.token()), String.class), OBJECT).get("id");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> onlyArgument(Map<String, Object> event) {
        List<Object> args = (List<Object>) event.get("args");
        assertThat(args).as("arguments of %s", event.get("name")).hasSize(1);
        return (Map<String, Object>) args.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> inner(Map<String, Object> payload) {
        return (Map<String, Object>) payload.get("data");
    }
}
