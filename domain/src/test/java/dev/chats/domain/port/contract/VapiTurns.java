package dev.chats.domain.port.contract;

import dev.chats.domain.user.UserId;
import dev.chats.domain.vapi.VapiChat;
import dev.chats.domain.vapi.VapiChatId;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/** Vapi conversations stored turn by turn, as the tests of bounded reads build them on every store. */
public final class VapiTurns {

    private VapiTurns() {
    }

    /**
     * Stores {@code turns} turn-only chats of {@code owner} ("turn 0", "turn 1", … each answered "re …"), each
     * continuing the one before, the first in {@code sessionId} (null: none); answers the last.
     *
     * @param store takes each chat as it is made (a repository's {@code add})
     * @param clock gives each chat its time, in milliseconds
     */
    public static VapiChat conversation(Consumer<VapiChat> store, UserId owner, int turns, String sessionId,
                                        LongSupplier clock) {
        VapiChatId previous = null;
        VapiChat turn = null;
        for (int i = 0; i < turns; i++) {
            long at = clock.getAsLong();
            String text = "turn " + i;
            turn = new VapiChat(new VapiChatId(UUID.randomUUID().toString()), owner, null, null, null, null,
                    i == 0 ? sessionId : null, previous, text, false, List.of(Map.of("role", "user", "content", text)),
                    List.of(Map.of("role", "assistant", "content", "re " + text)), List.of(), 0, at, at, true);
            store.accept(turn);
            previous = turn.id();
        }
        return turn;
    }
}
