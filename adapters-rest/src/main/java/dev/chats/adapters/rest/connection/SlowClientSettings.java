package dev.chats.adapters.rest.connection;

import dev.chats.adapters.rest.settings.SettingValue;
import io.micronaut.context.annotation.ConfigurationInject;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How slowly a client may send a request ({@code chats.http.*}): the whole request head within
 * {@code header-timeout} of its first byte; then no pause longer than {@code body-idle-timeout} in the body, and,
 * once {@code body-grace} has passed, at least {@code body-min-bytes-per-second} on average. A client below these
 * holds a connection without using it, the cheapest way to exhaust a server's connections. Bound and checked at
 * start-up: a value out of range stops the server naming the setting.
 */
@ConfigurationProperties("chats.http")
public final class SlowClientSettings {

    private final Duration headerTimeout;
    private final Duration bodyIdleTimeout;
    private final Duration bodyGrace;
    private final long bodyMinBytesPerSecond;

    @ConfigurationInject
    public SlowClientSettings(@Bindable(defaultValue = "10s") String headerTimeout,
                              @Bindable(defaultValue = "15s") String bodyIdleTimeout,
                              @Bindable(defaultValue = "10s") String bodyGrace,
                              @Bindable(defaultValue = "1024") String bodyMinBytesPerSecond) {
        this(SettingValue.duration("chats.http.header-timeout", headerTimeout),
                SettingValue.duration("chats.http.body-idle-timeout", bodyIdleTimeout),
                SettingValue.duration("chats.http.body-grace", bodyGrace),
                SettingValue.number("chats.http.body-min-bytes-per-second", bodyMinBytesPerSecond));
    }

    private SlowClientSettings(Duration headerTimeout, Duration bodyIdleTimeout, Duration bodyGrace,
                               long bodyMinBytesPerSecond) {
        if (headerTimeout.isNegative() || headerTimeout.isZero() || bodyIdleTimeout.isNegative()
                || bodyIdleTimeout.isZero() || bodyGrace.isNegative() || bodyMinBytesPerSecond < 0) {
            throw new ConfigurationException("chats.http.header-timeout and body-idle-timeout (CHATS_HTTP_HEADER_TIMEOUT,"
                    + " CHATS_HTTP_BODY_IDLE_TIMEOUT) must be positive, body-grace and body-min-bytes-per-second not"
                    + " negative; they are " + headerTimeout + ", " + bodyIdleTimeout + ", " + bodyGrace + ", "
                    + bodyMinBytesPerSecond);
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
