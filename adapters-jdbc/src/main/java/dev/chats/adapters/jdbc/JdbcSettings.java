package dev.chats.adapters.jdbc;

import io.micronaut.context.annotation.ConfigurationInject;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The bounded waits on the SQL database ({@code datasources.default.*}, beside the pool's own settings that
 * micronaut-jdbc-hikari reads): a request waits at most {@code connection-timeout-millis} for a connection and
 * {@code network-timeout} for any one answer, then answers 503; after such a failure, work is refused at once for
 * {@code outage-fail-fast}. Bound and checked at start-up: a value out of range stops the server naming the setting.
 */
@ConfigurationProperties("datasources.default")
@JdbcPersistence
public final class JdbcSettings {

    private final long connectionTimeoutMillis;
    private final Duration networkTimeout;
    private final Duration outageFailFast;

    @ConfigurationInject
    public JdbcSettings(@Bindable(defaultValue = "5000") long connectionTimeoutMillis,
                        @Bindable(defaultValue = "8s") Duration networkTimeout,
                        @Bindable(defaultValue = "2s") Duration outageFailFast) {
        // Hikari refuses a connection timeout under 250 ms; the network timeout is passed to the drivers in ms.
        if (connectionTimeoutMillis < 250 || networkTimeout.toMillis() < 1
                || networkTimeout.toMillis() > Integer.MAX_VALUE || outageFailFast.isNegative()) {
            throw new ConfigurationException("datasources.default.connection-timeout-millis must be at least 250,"
                    + " network-timeout positive and outage-fail-fast not negative"
                    + " (DATASOURCES_DEFAULT_CONNECTION_TIMEOUT_MILLIS, _NETWORK_TIMEOUT, _OUTAGE_FAIL_FAST);"
                    + " they are " + connectionTimeoutMillis + ", " + networkTimeout + ", " + outageFailFast);
        }
        this.connectionTimeoutMillis = connectionTimeoutMillis;
        this.networkTimeout = networkTimeout;
        this.outageFailFast = outageFailFast;
    }

    long connectionTimeoutMillis() {
        return connectionTimeoutMillis;
    }

    Duration networkTimeout() {
        return networkTimeout;
    }

    Duration outageFailFast() {
        return outageFailFast;
    }
}
