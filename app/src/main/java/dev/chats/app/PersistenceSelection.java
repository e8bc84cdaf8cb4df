package dev.chats.app;

import io.micronaut.context.annotation.ConfigurationInject;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.bind.annotation.Bindable;

import java.util.Set;

/**
 * {@code chats.persistence} ({@code CHATS_PERSISTENCE}), checked at start-up. Each adapter's beans require their
 * own value, so a misspelt value would otherwise start a server without repositories; it fails naming the
 * allowed values instead.
 */
@Context
@ConfigurationProperties("chats")
final class PersistenceSelection {

    static final Set<String> ALLOWED = Set.of("jdbc", "mongo");

    private final String persistence;

    @ConfigurationInject
    PersistenceSelection(@Bindable(defaultValue = "jdbc") String persistence) {
        // Exact values only: the adapters' bean conditions compare them exactly.
        if (!ALLOWED.contains(persistence)) {
            throw new ConfigurationException("chats.persistence (CHATS_PERSISTENCE) must be one of jdbc, mongo;"
                    + " it is '" + persistence + "'");
        }
        this.persistence = persistence;
    }

    String persistence() {
        return persistence;
    }
}
