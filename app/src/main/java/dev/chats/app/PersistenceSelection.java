package dev.chats.app;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;

import java.util.Set;

/**
 * Checks {@code chats.persistence} ({@code CHATS_PERSISTENCE}) at start-up. Each adapter's beans require their
 * own value, so a misspelt value would otherwise start a server without repositories; it fails naming the
 * allowed values instead.
 */
@Context
final class PersistenceSelection {

    static final Set<String> ALLOWED = Set.of("jdbc", "mongo");

    PersistenceSelection(@Value("${chats.persistence:jdbc}") String persistence) {
        // Exact values only: the adapters' bean conditions compare them exactly.
        if (!ALLOWED.contains(persistence)) {
            throw new ConfigurationException("chats.persistence (CHATS_PERSISTENCE) must be one of jdbc, mongo;"
                    + " it is '" + persistence + "'");
        }
    }
}
