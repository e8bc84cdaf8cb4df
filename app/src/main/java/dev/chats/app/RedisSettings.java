package dev.chats.app;

import io.micronaut.context.annotation.ConfigurationInject;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.bind.annotation.Bindable;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * {@code chats.events.redis.*}, only with {@code chats.events.broker=redis}: the Redis that carries events and
 * sign-in counts between instances ({@code uri}, {@code REDIS_URI}, default {@code redis://127.0.0.1:6379}) and the
 * pub/sub channel of the events ({@code channel}, {@code chats:events}). Read at start-up: a URI that is not a Redis
 * URI or an empty channel stops it naming the setting.
 */
@Requires(property = "chats.events.broker", value = "redis")
@ConfigurationProperties("chats.events.redis")
public final class RedisSettings {

    static final String DEFAULT_URI = "redis://127.0.0.1:6379";
    static final String DEFAULT_CHANNEL = "chats:events";
    /** The schemes the Redis client understands. */
    static final Set<String> SCHEMES = Set.of("redis", "rediss", "redis-socket", "redis-sentinel", "rediss-sentinel");

    private final String uri;
    private final String channel;

    @ConfigurationInject
    public RedisSettings(@Bindable(defaultValue = DEFAULT_URI) String uri,
                         @Bindable(defaultValue = DEFAULT_CHANNEL) String channel) {
        this.uri = redisUri(uri.strip());
        if (channel.isBlank()) {
            throw new ConfigurationException("chats.events.redis.channel (CHATS_EVENTS_REDIS_CHANNEL) must not be"
                    + " empty");
        }
        this.channel = channel;
    }

    String uri() {
        return uri;
    }

    String channel() {
        return channel;
    }

    private static String redisUri(String uri) {
        String scheme;
        try {
            scheme = URI.create(uri).getScheme();
        } catch (IllegalArgumentException e) {
            scheme = null;
        }
        if (scheme == null || !SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))) {
            // Not echoed: a URI may hold the Redis password.
            throw new ConfigurationException("chats.events.redis.uri (REDIS_URI) must be a Redis URI such as "
                    + DEFAULT_URI + " (schemes " + String.join(", ", SCHEMES.stream().sorted().toList()) + ")");
        }
        return uri;
    }
}
