package dev.chats.adapters.redis;

import dev.chats.domain.port.ConnectionUrls;
import dev.chats.domain.port.SignInAttempts;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sign-in limiter for several instances: every instance counts an account's attempts in one Redis sorted set, so
 * the limit holds however the load balancer spreads the guesses. One Lua script trims the attempts older than the
 * window, refuses when the window is full and otherwise records the attempt, atomically and on Redis's own clock
 * (instances' clocks may differ). The key is a hash of the account, so Redis never holds e-mail addresses; it
 * expires with the window, so an idle account leaves nothing behind.
 *
 * <p>While Redis is unreachable, attempts are counted by the given fallback on this instance alone (logged once),
 * rather than refusing every sign-in or letting every guess through.
 */
public final class RedisSignInAttempts implements SignInAttempts, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisSignInAttempts.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);

    /** KEYS[1] the account's set; ARGV window in ms, limit, a unique member. Answers 1 (counted) or 0 (refused). */
    static final String SCRIPT = """
            local clock = redis.call('TIME')
            local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
            local window = tonumber(ARGV[1])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
            if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
              return 0
            end
            redis.call('ZADD', KEYS[1], now, ARGV[3])
            redis.call('PEXPIRE', KEYS[1], window)
            return 1
            """;

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final String keyPrefix;
    private final int limit;
    private final long windowMillis;
    private final SignInAttempts fallback;
    private final AtomicBoolean failing = new AtomicBoolean();

    private RedisSignInAttempts(RedisClient client, StatefulRedisConnection<String, String> connection,
                                String keyPrefix, int limit, Duration window, SignInAttempts fallback) {
        this.client = client;
        this.connection = connection;
        this.keyPrefix = keyPrefix;
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.fallback = fallback;
    }

    /**
     * Connects to Redis.
     *
     * @param uri       a Redis URI such as {@code redis://127.0.0.1:6379}
     * @param keyPrefix the start of every key, shared by all instances of one deployment
     * @param limit     attempts an account may make within {@code window}
     * @param fallback  counts attempts on this instance while Redis is unreachable
     * @throws IllegalStateException naming the URI (password masked) if Redis cannot be reached
     */
    public static RedisSignInAttempts connect(String uri, String keyPrefix, int limit, Duration window,
                                              SignInAttempts fallback) {
        Objects.requireNonNull(fallback, "fallback");
        if (limit < 1) {
            throw new IllegalArgumentException("the sign-in limit must allow at least one attempt");
        }
        if (window.isNegative() || window.toMillis() < 1) {
            throw new IllegalArgumentException("the sign-in window must be positive");
        }
        RedisURI redisUri;
        try {
            redisUri = RedisURI.create(uri);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a Redis URI: " + ConnectionUrls.masked(uri), e);
        }
        RedisClient client = RedisClient.create(redisUri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).keepAlive(true).build())
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .build());
        try {
            StatefulRedisConnection<String, String> connection = client.connect();
            LOG.info("sign-in attempts are counted in Redis {}: {} per {} s per account",
                    ConnectionUrls.masked(uri), limit, window.toSeconds());
            return new RedisSignInAttempts(client, connection, keyPrefix, limit, window, fallback);
        } catch (RuntimeException e) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            throw new IllegalStateException("cannot connect to Redis at " + ConnectionUrls.masked(uri)
                    + " to count sign-in attempts: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean admit(String account) {
        Long counted;
        try {
            counted = connection.sync().eval(SCRIPT, ScriptOutputType.INTEGER, new String[] {key(account)},
                    Long.toString(windowMillis), Integer.toString(limit), UUID.randomUUID().toString());
        } catch (RuntimeException e) {
            if (failing.compareAndSet(false, true)) {
                LOG.warn("Redis is unavailable: sign-in attempts are counted on this instance only until it is "
                        + "back: {}", e.toString());
            }
            return fallback.admit(account);
        }
        if (failing.compareAndSet(true, false)) {
            LOG.info("Redis is available again: sign-in attempts are counted across instances");
        }
        return counted != null && counted == 1L;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    /** The account's key: a hash, so that no address is stored in Redis or shows in its tools. */
    String key(String account) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(account.getBytes(StandardCharsets.UTF_8));
            return keyPrefix + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
