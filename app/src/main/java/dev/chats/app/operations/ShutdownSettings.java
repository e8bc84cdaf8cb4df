package dev.chats.app.operations;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;

import java.time.Duration;

/**
 * {@code chats.shutdown.*}: how long a graceful shutdown (SIGTERM) may take before the process exits anyway
 * ({@code CHATS_SHUTDOWN_GRACE}, 20 s by default: below Kubernetes' default 30 s between SIGTERM and SIGKILL). Read
 * at start-up, so a value that is not a positive duration stops the server naming the setting.
 */
@Context
@ConfigurationProperties("chats.shutdown")
public final class ShutdownSettings {

    static final Duration DEFAULT_GRACE = Duration.ofSeconds(20);

    private Duration grace = DEFAULT_GRACE;

    public Duration getGrace() {
        return grace;
    }

    public void setGrace(Duration grace) {
        if (grace == null || grace.isNegative() || grace.isZero()) {
            throw new ConfigurationException("chats.shutdown.grace (CHATS_SHUTDOWN_GRACE) must be a positive duration"
                    + " such as 20s; it is '" + grace + "'");
        }
        this.grace = grace;
    }
}
