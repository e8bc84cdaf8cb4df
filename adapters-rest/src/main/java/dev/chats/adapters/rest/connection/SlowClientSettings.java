package dev.chats.adapters.rest.connection;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * How slowly a client may send a request ({@code chats.http.*}): the whole request head within
 * {@code header-timeout} of its first byte; then no pause longer than {@code body-idle-timeout} in the body, and,
 * once {@code body-grace} has passed, at least {@code body-min-bytes-per-second} on average. A client below these
 * holds a connection without using it, the cheapest way to exhaust a server's connections.
 */
@Singleton
public final class SlowClientSettings {

    private final Duration headerTimeout;
    private final Duration bodyIdleTimeout;
    private final Duration bodyGrace;
    private final long bodyMinBytesPerSecond;

    public SlowClientSettings(@Value("${chats.http.header-timeout:10s}") Duration headerTimeout,
                              @Value("${chats.http.body-idle-timeout:15s}") Duration bodyIdleTimeout,
                              @Value("${chats.http.body-grace:10s}") Duration bodyGrace,
                              @Value("${chats.http.body-min-bytes-per-second:1024}") long bodyMinBytesPerSecond) {
        if (headerTimeout.isNegative() || headerTimeout.isZero() || bodyIdleTimeout.isNegative()
                || bodyIdleTimeout.isZero() || bodyGrace.isNegative() || bodyMinBytesPerSecond < 0) {
            throw new ConfigurationException("chats.http.header-timeout and body-idle-timeout must be positive, "
                    + "body-grace and body-min-bytes-per-second not negative");
        }
        this.headerTimeout = headerTimeout;
        this.bodyIdleTimeout = bodyIdleTimeout;
        this.bodyGrace = bodyGrace;
        this.bodyMinBytesPerSecond = bodyMinBytesPerSecond;
    }

    Duration headerTimeout() {
        return headerTimeout;
    }

    Duration bodyIdleTimeout() {
        return bodyIdleTimeout;
    }

    Duration bodyGrace() {
        return bodyGrace;
    }

    long bodyMinBytesPerSecond() {
        return bodyMinBytesPerSecond;
    }
}
