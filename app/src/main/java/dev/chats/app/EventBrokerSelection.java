package dev.chats.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;

import java.util.Set;

/**
 * {@code chats.events.broker} ({@code CHATS_EVENTS_BROKER}), checked at start-up: {@code local} (one instance, the
 * default) or {@code redis} (events fan out to every instance through Redis pub/sub). A misspelt value would
 * otherwise start a server whose other instances silently miss events; it fails naming the allowed values instead.
 */
@Context
@ConfigurationProperties("chats.events")
public final class EventBrokerSelection {

    static final Set<String> ALLOWED = Set.of("local", "redis");

    private String broker = "local";

    public String broker() {
        return broker;
    }

    public void setBroker(String broker) {
        // Exact values only: the Redis beans' conditions compare them exactly.
        if (!ALLOWED.contains(broker)) {
            throw new ConfigurationException("chats.events.broker (CHATS_EVENTS_BROKER) must be one of local, redis;"
                    + " it is '" + broker + "'");
        }
        this.broker = broker;
    }
}
