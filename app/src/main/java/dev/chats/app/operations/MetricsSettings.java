package dev.chats.app.operations;

import dev.chats.adapters.rest.settings.Switch;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;

/**
 * {@code chats.metrics.*}: whether the Prometheus scrape is served ({@code CHATS_METRICS_ENABLED}, off by default).
 * Read at start-up, so a value that is not true or false stops the server naming the setting instead of leaving
 * the scrape silently off (the framework would read "yes" as false).
 */
@Context
@ConfigurationProperties("chats.metrics")
public final class MetricsSettings {

    private boolean enabled;

    public boolean enabled() {
        return enabled;
    }

    public void setEnabled(String enabled) {
        this.enabled = Switch.parse("chats.metrics.enabled", "CHATS_METRICS_ENABLED", enabled);
    }
}
