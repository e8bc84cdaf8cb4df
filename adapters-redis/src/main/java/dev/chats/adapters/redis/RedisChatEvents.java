package dev.chats.adapters.redis;

import dev.chats.domain.port.ConnectionUrls;
import dev.chats.domain.chat.event.ChatEvent;
import dev.chats.domain.port.ChatEvents;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.micronaut.json.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Event adapter for several instances: hands each event to this instance's own subscribers at once, and publishes
 * it on one Redis pub/sub channel, from which every other instance hands it to its subscribers. An instance skips
 * its own messages on the channel, so a local subscriber sees each event exactly once.
 *
 * <p>Publishing never blocks nor fails the caller: the Redis command is sent asynchronously, and while Redis is
 * unreachable commands are rejected at once (logged, with a running count) instead of queueing up;
 * this instance's own clients still get their events. Lettuce reconnects and re-subscribes by itself once Redis is
 * back. Events are notifications, not a log: what another instance missed during an outage is not replayed.
 */
public final class RedisChatEvents implements ChatEvents, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisChatEvents.class);
    /** Commands waiting for a slow Redis; beyond this they are rejected instead of filling the heap. */
    static final int REQUEST_QUEUE_SIZE = 10_000;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);

    private final String instance = UUID.randomUUID().toString();
    private final String channel;
    private final ChatEvents local;
    private final EventCodec codec;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> publisher;
    private final StatefulRedisPubSubConnection<String, String> subscriber;
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();

    private RedisChatEvents(String channel, ChatEvents local, JsonMapper json, RedisClient client,
                           StatefulRedisConnection<String, String> publisher,
                           StatefulRedisPubSubConnection<String, String> subscriber) {
        this.channel = channel;
        this.local = local;
        this.codec = new EventCodec(json);
        this.client = client;
        this.publisher = publisher;
        this.subscriber = subscriber;
    }

    /**
     * Connects to Redis and subscribes to the channel.
     *
     * @param uri     a Redis URI such as {@code redis://127.0.0.1:6379}
     * @param channel the pub/sub channel all instances of one deployment share
     * @param local   where events end up on this instance: its own subscribers (WebSocket delivery …)
     * @throws IllegalStateException naming the URI (password masked) if Redis cannot be reached
     */
    public static RedisChatEvents connect(String uri, String channel, ChatEvents local, JsonMapper json) {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(json, "json");
        if (channel == null || channel.isBlank()) {
            throw new IllegalArgumentException("the Redis channel must not be blank");
        }
        RedisURI redisUri;
        try {
            redisUri = RedisURI.create(uri);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a Redis URI: " + ConnectionUrls.masked(uri) + " (" + e.getMessage() + ")", e);
        }
        RedisClient client = RedisClient.create(redisUri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .requestQueueSize(REQUEST_QUEUE_SIZE)
                .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).keepAlive(true).build())
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .build());
        StatefulRedisConnection<String, String> publisher = null;
        StatefulRedisPubSubConnection<String, String> subscriber = null;
        try {
            publisher = client.connect();
            subscriber = client.connectPubSub();
            RedisChatEvents events = new RedisChatEvents(channel, local, json, client, publisher, subscriber);
            subscriber.addListener(events.new ChannelListener());
            subscriber.sync().subscribe(channel);
            LOG.info("chat events fan out through Redis {} on channel '{}' (instance {})", ConnectionUrls.masked(uri), channel,
                    events.instance);
            return events;
        } catch (RuntimeException e) {
            closeQuietly(subscriber);
            closeQuietly(publisher);
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            throw new IllegalStateException("cannot connect to Redis at " + ConnectionUrls.masked(uri) + " for chats.events.broker="
                    + "redis: " + e.getMessage() + " (set REDIS_URI, or chats.events.broker=local for one instance)",
                    e);
        }
    }

    @Override
    public void publish(ChatEvent event) {
        try {
            local.publish(event);
        } catch (RuntimeException e) {
            LOG.warn("local delivery of {} for user {} failed", kind(event), event.recipient(), e);
        }
        String payload;
        try {
            payload = codec.encode(instance, event);
        } catch (IOException | RuntimeException e) {
            LOG.warn("event {} for user {} cannot be written as JSON; not sent to other instances", kind(event),
                    event.recipient(), e);
            return;
        }
        try {
            publisher.async().publish(channel, payload).whenComplete((receivers, failure) -> {
                if (failure == null) {
                    recovered();
                } else {
                    failed(failure);
                }
            });
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    /** Whether both Redis connections (publishing, subscribed) are up right now. */
    public boolean isConnected() {
        return publisher.isOpen() && subscriber.isOpen();
    }

    @Override
    public void close() {
        closeQuietly(subscriber);
        closeQuietly(publisher);
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    private void failed(Throwable failure) {
        long count = dropped.incrementAndGet();
        // One line when Redis starts failing, then one per thousand drops, instead of one per event.
        if (failing.compareAndSet(false, true) || count % 1000 == 0) {
            LOG.warn("Redis is unavailable: events are delivered on this instance only ({} not sent to other "
                    + "instances so far): {}", count, failure.toString());
        }
    }

    private void recovered() {
        if (failing.compareAndSet(true, false)) {
            LOG.info("Redis is available again: events reach the other instances");
        }
    }

    private static void closeQuietly(AutoCloseable connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (Exception e) {
            LOG.debug("closing a Redis connection failed", e);
        }
    }

    /** The event's kind for a log line: never its content, which is the user's. */
    private static String kind(ChatEvent event) {
        return event.getClass().getSimpleName();
    }

    /** Messages from the other instances; runs on a Lettuce I/O thread, so local delivery must not block. */
    private final class ChannelListener extends RedisPubSubAdapter<String, String> {

        @Override
        public void message(String from, String payload) {
            if (!channel.equals(from)) {
                return;
            }
            EventCodec.Received received = codec.decode(payload).orElse(null);
            if (received == null) {
                LOG.warn("ignoring a message on Redis channel '{}' that is not a chat event", channel);
                return;
            }
            if (instance.equals(received.origin())) {
                return;
            }
            try {
                local.publish(received.event());
            } catch (RuntimeException e) {
                LOG.warn("local delivery of {} for user {} from instance {} failed", kind(received.event()),
                        received.event().recipient(), received.origin(), e);
            }
        }
    }
}
