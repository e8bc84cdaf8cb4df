package dev.chats.app.ws;

import dev.chats.app.e2e.TestUsers;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Socket.IO across two instances with {@code chats.events.broker=redis} (set up as in
 * {@link CrossInstanceEventsTest}): an event caused through instance A reaches the owner's socket.io-client on
 * instance B (WebSocket) and on A (long-polling), each once, and not another user's client on B. Skipped without
 * Redis or node.
 */
class CrossInstanceSocketIoTest {

    static final Duration WAIT = Duration.ofSeconds(15);
    static final Duration QUIET = Duration.ofMillis(800);
    static final Argument<Map<String, Object>> OBJECT = Argument.mapOf(String.class, Object.class);

    @Test
    void anEventCausedThroughInstanceA_reachesTheOwnersSocketIoClientsOnBothInstances() throws Exception {
        CrossInstanceEventsTest.requireRedis();
        SocketIoClientProcess.requireNode();
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Map<String, Object> shared = CrossInstanceEventsTest.sharedSettings(suffix);
        Map<String, Object> onA = new HashMap<>(shared);
        if (shared.containsKey("datasources.default.schema")) {
            onA.put("chats.test.drop-schema-on-stop", "true");
        }
        try (EmbeddedServer a = ApplicationContext.run(EmbeddedServer.class, onA, "test");
             EmbeddedServer b = ApplicationContext.run(EmbeddedServer.class, shared, "test");
             HttpClient clientA = HttpClient.create(a.getURL())) {
            JsonMapper json = a.getApplicationContext().getBean(JsonMapper.class);
            TestUsers.signUp(clientA, "Admin");
            TestUsers.Account owner = TestUsers.signUp(clientA, "Owner");
            TestUsers.Account other = TestUsers.signUp(clientA, "Other");

            try (SocketIoClientProcess onB = joined(b, owner, "websocket", json);
                 SocketIoClientProcess onAPolling = joined(a, owner, "polling", json);
                 SocketIoClientProcess otherOnB = joined(b, other, "websocket", json)) {
                String chatId = (String) json.readValue(clientA.toBlocking().retrieve(
                        HttpRequest.POST("/api/v1/chats/new", "{\"chat\":{\"title\":\"Across\"}}")
                                .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(owner.token()), String.class),
                        OBJECT).get("id");

                for (SocketIoClientProcess socket : List.of(onB, onAPolling)) {
                    Map<String, Object> events = socket.next("event", WAIT);
                    assertThat(events.get("name")).isEqualTo("events");
                    assertThat(SocketIoEndpointTest.onlyArgument(events)).containsEntry("chat_id", chatId);
                    assertThat(socket.next("event", WAIT).get("name")).isEqualTo("chat-events");
                }
                assertThat(onAPolling.poll(QUIET)).as("A's own client: once, no echo from the channel").isNull();
                assertThat(onB.poll(Duration.ofMillis(100))).isNull();
                assertThat(otherOnB.poll(Duration.ofMillis(100))).as("another user's client").isNull();
            }
        }
    }

    private static SocketIoClientProcess joined(EmbeddedServer server, TestUsers.Account account, String transport,
                                                JsonMapper json) throws Exception {
        SocketIoClientProcess socket = SocketIoClientProcess.connect(server.getURL().toString(), account.token(),
                transport, json);
        assertThat(socket.next(WAIT).get("kind")).isEqualTo("connect");
        assertThat(socket.next("ack", WAIT).get("args")).isEqualTo(List.of(Map.of("id", account.id(), "name",
                account.name())));
        return socket;
    }
}
