package dev.chats.adapters.redis;

import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.ChatOutline;
import dev.chats.domain.chat.event.ChatCreated;
import dev.chats.domain.chat.event.ChatDeleted;
import dev.chats.domain.chat.event.ChatEvent;
import dev.chats.domain.user.UserId;
import dev.chats.testsupport.RequiredService;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two instances on this machine's Redis ({@code CHATS_TEST_REDIS_URI}, default {@code redis://127.0.0.1:6379}):
 * an event published on one reaches the other's subscribers once, and its own subscribers once. Skipped, with the
 * reason, when no Redis answers there (fails under {@code CI=true}).
 */
class RedisChatEventsTest {

    static final String REDIS_URI = System.getenv().getOrDefault("CHATS_TEST_REDIS_URI", "redis://127.0.0.1:6379");

    @BeforeAll
    static void requireRedis() {
        RequiredService.require(reachable(REDIS_URI), "no Redis at " + REDIS_URI + " (set CHATS_TEST_REDIS_URI)");
    }

    @Test
    void anEventPublishedOnOneInstance_reachesEveryInstanceOnce() throws Exception {
        String channel = "chats-test:" + UUID.randomUUID();
        List<ChatEvent> onA = new CopyOnWriteArrayList<>();
        List<ChatEvent> onB = new CopyOnWriteArrayList<>();
        try (RedisChatEvents a = RedisChatEvents.connect(REDIS_URI, channel, onA::add, ObjectMapper.getDefault());
             RedisChatEvents b = RedisChatEvents.connect(REDIS_URI, channel, onB::add, ObjectMapper.getDefault())) {
            ChatEvent event = new ChatCreated(new ChatOutline(new ChatId("c1"), new UserId("u1"), "Talk", 1, 2, false,
                    false, null, null, List.of()));

            a.publish(event);

            awaitSize(onB, 1);
            assertThat(onA).containsExactly(event);
            assertThat(onB.get(0)).isInstanceOf(ChatCreated.class).isEqualTo(event);
            assertThat(onB.get(0).recipient()).isEqualTo(new UserId("u1"));
            // Once, not twice: rather than waiting some time for a duplicate, wait for an event sent after it (a
            // fence). Redis hands each subscriber a channel's messages in the order it ran the PUBLISH commands, and
            // Lettuce calls the listener in that order, so a second copy would arrive before the fence. B's fence,
            // published after B had the event, catches an echo of A's own event on A; A's fence, published on the
            // connection that published the event, catches a second copy on B.
            ChatEvent fenceOfB = new ChatDeleted(new UserId("u1"), new ChatId("fence-b"));
            b.publish(fenceOfB);
            awaitSize(onA, 2);
            assertThat(onA).containsExactly(event, fenceOfB);
            ChatEvent fenceOfA = new ChatDeleted(new UserId("u1"), new ChatId("fence-a"));
            a.publish(fenceOfA);
            awaitSize(onB, 3);
            assertThat(onB).containsExactly(event, fenceOfB, fenceOfA);
        }
    }

    @Test
    void aForeignMessageOnTheChannel_isIgnored() throws Exception {
        String channel = "chats-test:" + UUID.randomUUID();
        List<ChatEvent> seen = new CopyOnWriteArrayList<>();
        RedisClient raw = RedisClient.create(REDIS_URI);
        try (RedisChatEvents events = RedisChatEvents.connect(REDIS_URI, channel, seen::add, ObjectMapper.getDefault());
             StatefulRedisConnection<String, String> connection = raw.connect()) {
            connection.sync().publish(channel, "{\"hello\":1}");
            connection.sync().publish(channel, "garbage");
            RedisChatEvents other = RedisChatEvents.connect(REDIS_URI, channel, e -> { }, ObjectMapper.getDefault());
            try (other) {
                other.publish(new ChatDeleted(new UserId("u2"), new ChatId("c2")));
                awaitSize(seen, 1);
            }
            assertThat(seen).containsExactly(new ChatDeleted(new UserId("u2"), new ChatId("c2")));
        } finally {
            raw.shutdown();
        }
    }

    @Test
    void anUnreachableRedis_failsTheStartWithTheUri() {
        assertThatThrownBy(() -> RedisChatEvents.connect("redis://:pw@127.0.0.1:1", "c", e -> { },
                ObjectMapper.getDefault()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("redis://***@127.0.0.1:1")
                .hasMessageNotContaining("pw");
    }

    private static void awaitSize(List<?> list, int size) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (list.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(list).hasSize(size);
    }

    static boolean reachable(String uri) {
        return RequiredService.listening(uri, 6379);
    }
}
