package dev.chats.app.ws;

import dev.chats.adapters.rest.ws.EventSockets;
import dev.chats.app.e2e.TestUsers;
import dev.chats.domain.user.UserId;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end over real sockets: {@code /api/v1/ws} authenticates by {@code ?token=} or by a first auth frame,
 * refuses everything else with 1008 before sending anything, and delivers each event caused through the REST API
 * to every socket of its user in Open WebUI's envelope — and to no one else. Bad frames get an error frame or a
 * close with a reason; a client that stops answering pings is dropped.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "chats.websocket.auth-timeout", value = "1s")
@Property(name = "chats.websocket.ping-interval", value = "300ms")
@Property(name = "chats.websocket.pong-timeout", value = "300ms")
@Property(name = "chats.websocket.max-frame-bytes", value = "1024")
class EventsWebSocketTest {

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

    @Inject
    EventSockets sockets;

    String base;
    TestUsers.Account admin;
    TestUsers.Account u1;
    TestUsers.Account u2;

    @BeforeAll
    void signUpUsers() {
        base = server.getURL().toString();
        admin = TestUsers.signUp(client, "Admin");
        u1 = TestUsers.signUp(client, "Owner");
        u2 = TestUsers.signUp(client, "Other");
    }

    @Test
    void bothSocketsOfAUser_receiveTheEventsOfTheirChats_andNoOtherUserDoes() throws Exception {
        try (WsClient byQuery = WsClient.open(base, u1.token());
             WsClient byFrame = WsClient.open(base, null);
             WsClient other = WsClient.open(base, u2.token())) {
            byFrame.send("{\"type\":\"auth\",\"token\":\"" + u1.token() + "\"}");
            assertAuthenticatedAs(byQuery, u1);
            assertAuthenticatedAs(byFrame, u1);
            assertAuthenticatedAs(other, u2);

            String chatId = (String) post(u1, "/api/v1/chats/new", "{\"chat\":{\"title\":\"Live\",\"history\":"
                    + "{\"currentId\":\"m1\",\"messages\":{\"m1\":"
                    + "{\"id\":\"m1\",\"role\":\"user\",\"content\":\"hi\"}}}}}").get("id");

            for (WsClient socket : List.of(byQuery, byFrame)) {
                Map<String, Object> created = frame(socket);
                assertThat(created.get("event")).isEqualTo("events");
                Map<String, Object> envelope = object(created.get("data"));
                assertThat(envelope).containsEntry("chat_id", chatId).containsEntry("message_id", null);
                Map<String, Object> event = object(envelope.get("data"));
                assertThat(event).containsEntry("type", "chat:created");
                assertThat(object(event.get("data"))).containsEntry("id", chatId).containsEntry("title", "Live")
                        .containsEntry("pinned", false).containsEntry("archived", false)
                        .containsEntry("folder_id", null);
            }

            post(u1, "/api/v1/chats/" + chatId + "/messages/m1", "{\"content\":\"edited\"}");

            Map<String, Object> expected = parse("{\"event\":\"events\",\"data\":{\"chat_id\":\"" + chatId
                    + "\",\"message_id\":\"m1\",\"data\":{\"type\":\"chat:message\",\"data\":{\"chat_id\":\""
                    + chatId + "\",\"message_id\":\"m1\",\"content\":\"edited\"}}}}");
            assertThat(frame(byQuery)).isEqualTo(expected);
            assertThat(frame(byFrame)).isEqualTo(expected);

            // U2's socket works, and the first thing it gets is U2's own event: none of U1's leaked to it.
            String own = (String) post(u2, "/api/v1/chats/new", "{\"chat\":{\"title\":\"Mine\"}}").get("id");
            Map<String, Object> first = frame(other);
            assertThat(object(first.get("data"))).containsEntry("chat_id", own);
            assertThat(other.poll(QUIET)).isNull();
            assertThat(byQuery.poll(QUIET)).isNull();
        }
    }

    @Test
    void sidebarEvents_ofFoldersAndChatFlags_reachTheOwner() throws Exception {
        try (WsClient socket = WsClient.open(base, u1.token())) {
            assertAuthenticatedAs(socket, u1);
            String folderId = (String) post(u1, "/api/v1/folders/", "{\"name\":\"Work " + System.nanoTime() + "\"}")
                    .get("id");
            assertThat(eventType(frame(socket))).isEqualTo("folder:created");
            String chatId = (String) post(u1, "/api/v1/chats/new", "{\"chat\":{\"title\":\"Pin me\"}}").get("id");
            assertThat(eventType(frame(socket))).isEqualTo("chat:created");

            post(u1, "/api/v1/chats/" + chatId + "/pin", null);
            Map<String, Object> pinned = frame(socket);
            assertThat(eventType(pinned)).isEqualTo("chat:pinned");
            assertThat(object(object(object(pinned.get("data")).get("data")).get("data")))
                    .containsEntry("pinned", true);

            post(u1, "/api/v1/chats/" + chatId + "/folder", "{\"folder_id\":\"" + folderId + "\"}");
            assertThat(eventType(frame(socket))).isEqualTo("chat:moved");
        }
    }

    @Test
    void noToken_closes1008AfterTheAuthTimeout_withNothingSent() throws Exception {
        try (WsClient socket = WsClient.open(base, null)) {
            WsClient.Closed closed = socket.awaitClose(WAIT);
            assertThat(closed.code()).isEqualTo(1008);
            assertThat(closed.reason()).isEqualTo("Not authenticated");
            assertThat(socket.pending()).isZero();
        }
    }

    @Test
    void aBadToken_byQueryOrByFrame_closes1008_andTheSocketGetsNoEvent() throws Exception {
        try (WsClient byQuery = WsClient.open(base, "not-a-token");
             WsClient byFrame = WsClient.open(base, null);
             WsClient forged = WsClient.open(base, u1.token().substring(0, u1.token().length() - 2) + "xx")) {
            byFrame.send("{\"type\":\"auth\",\"token\":\"" + u1.token() + "x\"}");
            post(u1, "/api/v1/chats/new", "{\"chat\":{\"title\":\"Secret\"}}");
            for (WsClient socket : List.of(byQuery, byFrame, forged)) {
                WsClient.Closed closed = socket.awaitClose(WAIT);
                assertThat(closed.code()).isEqualTo(1008);
                assertThat(closed.reason()).startsWith("Your session has expired or the token is invalid");
                assertThat(socket.pending()).as("frames before the close").isZero();
            }
        }
    }

    @Test
    void aFirstFrameThatIsNotAnAuthFrame_closes1008() {
        for (String first : List.of("{\"type\":\"ping\"}", "not json", "{\"type\":\"auth\"}", "[]")) {
            try (WsClient socket = WsClient.open(base, null)) {
                socket.send(first);
                WsClient.Closed closed = socket.awaitClose(WAIT);
                assertThat(closed.code()).as(first).isEqualTo(1008);
                assertThat(closed.reason()).as(first).startsWith("Not authenticated");
                assertThat(socket.pending()).as(first).isZero();
            }
        }
    }

    @Test
    void aPendingUser_isRefused1008() throws Exception {
        try (EmbeddedServer pendingServer = ApplicationContext.run(EmbeddedServer.class,
                Map.of("chats.users.default-role", "pending"), "test");
             HttpClient pendingClient = HttpClient.create(pendingServer.getURL())) {
            TestUsers.signUp(pendingClient, "First admin");
            TestUsers.Account pending = TestUsers.signUp(pendingClient, "Waiting");
            assertThat(pending.role()).isEqualTo("pending");
            try (WsClient socket = WsClient.open(pendingServer.getURL().toString(), pending.token())) {
                WsClient.Closed closed = socket.awaitClose(WAIT);
                assertThat(closed.code()).isEqualTo(1008);
                assertThat(closed.reason()).startsWith("You do not have permission");
                assertThat(socket.pending()).isZero();
            }
        }
    }

    @Test
    void aSignedOutToken_orOneOlderThanAPasswordChange_isRefused1008() throws Exception {
        TestUsers.Account leaver = TestUsers.signUp(client, "Leaver");
        TestUsers.Account changer = TestUsers.signUp(client, "Changer");
        client.toBlocking().exchange(HttpRequest.GET("/api/v1/auths/signout").bearerAuth(leaver.token()));
        client.toBlocking().exchange(HttpRequest.POST("/api/v1/auths/update/password",
                Map.of("password", TestUsers.PASSWORD, "new_password", "another secret")).bearerAuth(changer.token()));

        for (TestUsers.Account revoked : List.of(leaver, changer)) {
            try (WsClient socket = WsClient.open(base, revoked.token())) {
                WsClient.Closed closed = socket.awaitClose(WAIT);
                assertThat(closed.code()).isEqualTo(1008);
                assertThat(closed.reason()).startsWith("Your session has expired or the token is invalid");
                assertThat(socket.pending()).isZero();
            }
        }
    }

    @Test
    void afterAuthentication_badFramesGetAnErrorFrame_andTheSocketStaysOpen() throws Exception {
        try (WsClient socket = WsClient.open(base, u1.token())) {
            assertAuthenticatedAs(socket, u1);
            socket.send("not json");
            assertThat(frame(socket)).isEqualTo(parse(
                    "{\"event\":\"error\",\"data\":{\"detail\":\"Malformed frame: not JSON\"}}"));
            socket.send("{\"type\":\"subscribe\",\"room\":\"user:someone-else\"}");
            assertThat(frame(socket)).isEqualTo(parse(
                    "{\"event\":\"error\",\"data\":{\"detail\":\"Unknown frame type: subscribe\"}}"));
            socket.send("{\"no_type\":1}");
            assertThat(frame(socket)).isEqualTo(parse(
                    "{\"event\":\"error\",\"data\":{\"detail\":\"Malformed frame: \\\"type\\\" must be a string\"}}"));
            socket.send("{\"type\":\"auth\",\"token\":\"" + u2.token() + "\"}");
            assertThat(frame(socket)).isEqualTo(parse(
                    "{\"event\":\"error\",\"data\":{\"detail\":\"Already authenticated\"}}"));
            socket.send("{\"type\":\"ping\"}");
            assertThat(frame(socket)).isEqualTo(parse("{\"event\":\"pong\",\"data\":{}}"));

            // Still U1's socket, and only U1's.
            String chatId = (String) post(u1, "/api/v1/chats/new", "{\"chat\":{\"title\":\"Still here\"}}").get("id");
            assertThat(object(frame(socket).get("data"))).containsEntry("chat_id", chatId);
            assertThat(socket.isClosed()).isFalse();
        }
    }

    @Test
    void aFrameAboveTheLimit_closes1009_whetherWholeOrInFragments() {
        String big = "{\"type\":\"ping\",\"pad\":\"" + "x".repeat(2000) + "\"}";
        try (WsClient whole = WsClient.open(base, u1.token());
             WsClient fragmented = WsClient.open(base, u1.token())) {
            whole.send(big);
            fragmented.sendFragmented(big, 300);
            for (WsClient socket : List.of(whole, fragmented)) {
                WsClient.Closed closed = socket.awaitClose(WAIT);
                assertThat(closed.code()).isEqualTo(1009);
                // Refused by the frame-size guard, before the framework joined the fragments.
                assertThat(closed.reason()).isEqualTo("Frame too large: the limit is 1024 bytes");
            }
        }
    }

    @Test
    void aClientThatReconnects_getsTheEventsAgain() throws Exception {
        try (WsClient first = WsClient.open(base, u2.token())) {
            assertAuthenticatedAs(first, u2);
        }
        awaitSockets(new UserId(u2.id()), 0);
        try (WsClient second = WsClient.open(base, u2.token())) {
            assertAuthenticatedAs(second, u2);
            String chatId = (String) post(u2, "/api/v1/chats/new", "{\"chat\":{\"title\":\"Back\"}}").get("id");
            assertThat(object(frame(second).get("data"))).containsEntry("chat_id", chatId);
        }
    }

    @Test
    void aClientThatStopsAnsweringPings_isDropped() throws Exception {
        URL url = server.getURL();
        try (Socket raw = new Socket(url.getHost(), url.getPort())) {
            raw.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = raw.getOutputStream();
            out.write(("GET /api/v1/ws?token=" + u1.token() + " HTTP/1.1\r\nHost: " + url.getHost() + ":"
                    + url.getPort() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = raw.getInputStream();
            assertThat(readHead(in)).startsWith("HTTP/1.1 101");
            awaitSockets(new UserId(u1.id()), 1);

            // Read whatever comes (the auth frame, pings) but never answer: the server must hang up.
            long start = System.nanoTime();
            byte[] buffer = new byte[1024];
            int read;
            do {
                read = in.read(buffer);
            } while (read >= 0);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(WAIT);
            awaitSockets(new UserId(u1.id()), 0);
        }
    }

    private void assertAuthenticatedAs(WsClient socket, TestUsers.Account account) throws Exception {
        Map<String, Object> ack = frame(socket);
        assertThat(ack.get("event")).isEqualTo("auth");
        assertThat(object(ack.get("data"))).containsEntry("id", account.id()).containsEntry("name", account.name())
                .containsEntry("role", account.role());
    }

    private void awaitSockets(UserId user, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (sockets.socketsOf(user) != count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(sockets.socketsOf(user)).isEqualTo(count);
    }

    private Map<String, Object> post(TestUsers.Account account, String uri, String body) {
        HttpRequest<String> request = HttpRequest.POST(uri, body == null ? "" : body)
                .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(account.token());
        String raw = client.toBlocking().retrieve(request, String.class);
        Object tree = parseAny(raw);
        return tree instanceof Map<?, ?> ? object(tree) : Map.of();
    }

    private Map<String, Object> frame(WsClient socket) throws Exception {
        return parse(socket.next(WAIT));
    }

    private static String eventType(Map<String, Object> frame) {
        return (String) object(object(frame.get("data")).get("data")).get("type");
    }

    private Map<String, Object> parse(String text) throws IOException {
        return json.readValue(text, OBJECT);
    }

    private Object parseAny(String text) {
        try {
            return json.readValue(text, Argument.OBJECT_ARGUMENT);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return (Map<String, Object>) value;
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }
}
