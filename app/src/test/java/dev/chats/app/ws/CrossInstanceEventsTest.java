package dev.chats.app.ws;

import dev.chats.adapters.redis.RedisChatEvents;
import dev.chats.app.InProcessChatEvents;
import dev.chats.app.e2e.TestUsers;
import dev.chats.domain.port.ChatEvents;
import dev.chats.testsupport.RequiredService;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two server instances sharing one database, one JWT secret and this machine's Redis
 * ({@code CHATS_TEST_REDIS_URI}, default {@code redis://127.0.0.1:6379}) with {@code chats.events.broker=redis}: an
 * event caused through instance A reaches a socket on instance B, and A's own socket gets it exactly once. The
 * database is this machine's PostgreSQL in a schema of its own when {@code CHATS_TEST_POSTGRES_URL} is set, else
 * one in-memory H2 database both instances of this JVM open. While Redis is unreachable for an instance, requests
 * through it still succeed at once and its own sockets still get their events; fan-out resumes when Redis is back.
 * Skipped, with the reason printed, without Redis.
 */
class CrossInstanceEventsTest {

    static final String REDIS_URI = System.getenv().getOrDefault("CHATS_TEST_REDIS_URI", "redis://127.0.0.1:6379");
    static final Duration WAIT = Duration.ofSeconds(5);
    static final Argument<Map<String, Object>> OBJECT = Argument.mapOf(String.class, Object.class);

    @Test
    void anEventCausedThroughInstanceA_reachesASocketOnInstanceB() throws Exception {
        requireRedis();
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Map<String, Object> shared = sharedSettings(suffix);
        Map<String, Object> onA = new HashMap<>(shared);
        Map<String, Object> onB = new HashMap<>(shared);
        if (shared.containsKey("datasources.default.schema")) {
            // One of the two drops the schema when it stops (the last to stop).
            onA.put("chats.test.drop-schema-on-stop", "true");
        }
        try (EmbeddedServer a = ApplicationContext.run(EmbeddedServer.class, onA, "test");
             EmbeddedServer b = ApplicationContext.run(EmbeddedServer.class, onB, "test");
             HttpClient clientA = HttpClient.create(a.getURL());
             HttpClient clientB = HttpClient.create(b.getURL())) {
            assertThat(a.getApplicationContext().getBean(ChatEvents.class)).isInstanceOf(RedisChatEvents.class);
            JsonMapper json = a.getApplicationContext().getBean(JsonMapper.class);
            TestUsers.signUp(clientA, "Admin");
            TestUsers.Account u1 = TestUsers.signUp(clientA, "Owner");
            TestUsers.Account u2 = TestUsers.signUp(clientA, "Other");

            try (WsClient onInstanceB = WsClient.open(b.getURL().toString(), u1.token());
                 WsClient onInstanceA = WsClient.open(a.getURL().toString(), u1.token());
                 WsClient otherOnB = WsClient.open(b.getURL().toString(), u2.token())) {
                for (WsClient socket : new WsClient[] {onInstanceB, onInstanceA, otherOnB}) {
                    assertThat(parse(json, socket.next(WAIT)).get("event")).isEqualTo("auth");
                }
                List<SeenEvent> seenOnB = new CopyOnWriteArrayList<>();
                Runnable unsubscribe = b.getApplicationContext().getBean(InProcessChatEvents.class)
                        .subscribe(event -> seenOnB.add(SeenEvent.of(event)));

                String chatId = (String) parse(json, clientA.toBlocking().retrieve(HttpRequest.POST("/api/v1/chats/new",
                        "{\"chat\":{\"title\":\"Across\",\"history\":{\"currentId\":\"m1\",\"messages\":{\"m1\":"
                                + "{\"id\":\"m1\",\"role\":\"user\",\"content\":\"hi\"}}}}}")
                        .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(u1.token()), String.class)).get("id");

                Map<String, Object> created = parse(json, onInstanceB.next(WAIT));
                assertThat(data(created)).containsEntry("chat_id", chatId);
                assertThat(data(data(created))).containsEntry("type", "chat:created");

                clientA.toBlocking().retrieve(HttpRequest.POST("/api/v1/chats/" + chatId + "/messages/m1",
                        "{\"content\":\"edited on A\"}").contentType(MediaType.APPLICATION_JSON_TYPE)
                        .bearerAuth(u1.token()), String.class);
                Map<String, Object> message = parse(json, onInstanceB.next(WAIT));
                assertThat(data(data(message))).containsEntry("type", "chat:message");
                assertThat(data(data(data(message)))).containsEntry("content", "edited on A");

                // A's own socket: each event once (no echo back from the channel), in order.
                assertThat(data(data(parse(json, onInstanceA.next(WAIT))))).containsEntry("type", "chat:created");
                assertThat(data(data(parse(json, onInstanceA.next(WAIT))))).containsEntry("type", "chat:message");
                // No echo, no second copy, nothing for another user: rather than waiting some time for a frame that
                // must not come, cause a later event (a fence) and require it as the socket's next frame. Redis hands
                // each subscriber a channel's messages in the order it ran the PUBLISH commands, and an instance
                // hands them on in that order, so a stray copy of an earlier event would come before the fence.
                // B's fence checks A's socket for an echo of A's own events; A's fence, published on the connection
                // that published them, checks B's socket for a second copy; the other user's own event checks theirs.
                String fenceFromB = createChat(clientB, json, u1, "Fence from B");
                assertThat(data(parse(json, onInstanceA.next(WAIT)))).as("A's socket: no echo")
                        .containsEntry("chat_id", fenceFromB);
                assertThat(data(parse(json, onInstanceB.next(WAIT)))).containsEntry("chat_id", fenceFromB);
                String fenceFromA = createChat(clientA, json, u1, "Fence from A");
                assertThat(data(parse(json, onInstanceB.next(WAIT)))).as("B's socket: each event once")
                        .containsEntry("chat_id", fenceFromA);
                assertThat(data(parse(json, onInstanceA.next(WAIT)))).containsEntry("chat_id", fenceFromA);
                String othersOwn = createChat(clientA, json, u2, "The other user's");
                assertThat(data(parse(json, otherOnB.next(WAIT)))).as("another user's socket: nothing of u1's")
                        .containsEntry("chat_id", othersOwn);
                // B's in-process subscribers (the API the other end-to-end tests use) saw A's events too, once. B
                // hands each event to its subscribers one after another, the sockets' delivery first, and the events
                // one after another: a later event on one of B's sockets (a fence) means this subscriber has had
                // every event before it. (Without the fence, the last event's frame could reach the socket before
                // this subscriber was called.)
                String subscriberFence = createChat(clientA, json, u2, "Fence for B's subscribers");
                assertThat(data(parse(json, otherOnB.next(WAIT)))).containsEntry("chat_id", subscriberFence);
                unsubscribe.run();
                assertThat(seenOnB).extracting(SeenEvent::type).startsWith("chat:created", "chat:message",
                        "chat:created", "chat:created", "chat:created").hasSizeBetween(5, 6);
            }
        }
    }

    @Test
    void aRedisOutage_neverFailsNorDelaysTheRequest_andFanOutResumesAfterIt() throws Exception {
        requireRedis();
        URI redis = URI.create(REDIS_URI);
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Map<String, Object> shared = sharedSettings(suffix);
        try (TcpRelay relay = new TcpRelay(redis.getHost(), redis.getPort() < 0 ? 6379 : redis.getPort())) {
            Map<String, Object> onA = new HashMap<>(shared);
            onA.put("chats.events.redis.uri", "redis://127.0.0.1:" + relay.port());
            if (shared.containsKey("datasources.default.schema")) {
                onA.put("chats.test.drop-schema-on-stop", "true");
            }
            try (EmbeddedServer a = ApplicationContext.run(EmbeddedServer.class, onA, "test");
                 EmbeddedServer b = ApplicationContext.run(EmbeddedServer.class, shared, "test");
                 HttpClient clientA = HttpClient.create(a.getURL())) {
                JsonMapper json = a.getApplicationContext().getBean(JsonMapper.class);
                RedisChatEvents brokerA = a.getApplicationContext().getBean(RedisChatEvents.class);
                TestUsers.signUp(clientA, "Admin");
                TestUsers.Account u1 = TestUsers.signUp(clientA, "Owner");
                try (WsClient onInstanceA = WsClient.open(a.getURL().toString(), u1.token());
                     WsClient onInstanceB = WsClient.open(b.getURL().toString(), u1.token())) {
                    onInstanceA.next(WAIT);
                    onInstanceB.next(WAIT);

                    relay.cut();
                    long start = System.nanoTime();
                    String during = createChat(clientA, json, u1, "During the outage");
                    Duration took = Duration.ofNanos(System.nanoTime() - start);
                    assertThat(took).as("the request during the outage").isLessThan(Duration.ofSeconds(2));
                    assertThat(data(parse(json, onInstanceA.next(WAIT)))).as("this instance's socket still gets it")
                            .containsEntry("chat_id", during);
                    // Lost for the other instance: its socket's next frame, below, is the event after the outage.

                    relay.restore();
                    long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
                    while (!brokerA.isConnected() && System.nanoTime() < deadline) {
                        Thread.sleep(50);
                    }
                    assertThat(brokerA.isConnected()).as("reconnected to Redis").isTrue();
                    String after = createChat(clientA, json, u1, "After the outage");
                    assertThat(data(parse(json, onInstanceB.next(WAIT)))).containsEntry("chat_id", after);
                    assertThat(data(parse(json, onInstanceA.next(WAIT)))).containsEntry("chat_id", after);
                }
            }
        }
    }

    private static String createChat(HttpClient client, JsonMapper json, TestUsers.Account account, String title)
            throws IOException {
        return (String) parse(json, client.toBlocking().retrieve(HttpRequest.POST("/api/v1/chats/new",
                "{\"chat\":{\"title\":\"" + title + "\"}}").contentType(MediaType.APPLICATION_JSON_TYPE)
                .bearerAuth(account.token()), String.class)).get("id");
    }

    static Map<String, Object> sharedSettings(String suffix) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("chats.events.broker", "redis");
        settings.put("chats.events.redis.uri", REDIS_URI);
        settings.put("chats.events.redis.channel", "chats-test:" + suffix);
        settings.put("chats.jwt.secret", "cross-instance-test-secret-" + suffix + "-0123456789");
        // Both instances share one store whichever persistence runs: for MongoDB, one database name.
        settings.put("mongodb.database", "cross_" + suffix);
        String postgres = System.getenv("CHATS_TEST_POSTGRES_URL");
        boolean jdbc = "jdbc".equals(System.getProperty("chats.persistence", "jdbc"));
        if (jdbc && postgres != null && !postgres.isBlank()) {
            settings.put("datasources.default.url", postgres);
            settings.put("datasources.default.username", envOr("CHATS_TEST_POSTGRES_USER", "postgres"));
            settings.put("datasources.default.password", envOr("CHATS_TEST_POSTGRES_PASSWORD", ""));
            settings.put("datasources.default.schema", "ws_" + suffix);
            settings.put("datasources.default.maximum-pool-size", "4");
        } else {
            settings.put("datasources.default.url", "jdbc:h2:mem:cross-" + suffix
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        }
        return settings;
    }

    static void requireRedis() {
        RequiredService.require(RequiredService.listening(REDIS_URI, 6379), "no Redis at " + REDIS_URI
                + " for the two-instance event test (start redis-server, or set CHATS_TEST_REDIS_URI)");
    }

    private static Map<String, Object> parse(JsonMapper json, String text) throws IOException {
        return json.readValue(text, OBJECT);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> frame) {
        return (Map<String, Object>) frame.get("data");
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
