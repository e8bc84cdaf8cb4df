package dev.chats.application.service.chat;

import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.event.ChatEvent;
import dev.chats.domain.port.ChatVersionConflictException;

import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Read-modify-write of one chat, retried when another writer got there first. Each attempt re-reads the chat,
 * so the change is applied on top of every write that committed before it: no update is lost.
 */
final class VersionedWrite {

    static final int MAX_ATTEMPTS = 200;

    private VersionedWrite() {
    }

    /** A chat as a change stored it, with the event the change returned: the event of the attempt that won. */
    record Stored<E extends ChatEvent>(Chat chat, E event) {

        Stored {
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * @param read   loads the chat afresh (and checks access) for each attempt
     * @param change applies the change and stores it, throwing {@link ChatVersionConflictException} on a conflict;
     *               returns the stored chat, or a {@link Stored} with the event it is to announce
     */
    static <T> T apply(Supplier<Chat> read, Function<Chat, T> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return change.apply(read.get());
            } catch (ChatVersionConflictException conflict) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw conflict;
                }
                backOff(attempt);
            }
        }
    }

    private static void backOff(int attempt) {
        // Jitter spreads competing writers apart so that each round lets at least one of them through.
        long bound = Math.min(50, 1L << Math.min(attempt, 6));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(bound + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a chat write", e);
        }
    }
}
