package dev.chats.application.service.vapi;

import dev.chats.domain.port.fake.InMemoryVapiChatRepository;
import dev.chats.domain.port.fake.InMemoryVapiSessionRepository;
import dev.chats.domain.user.EmailAddress;
import dev.chats.domain.user.Role;
import dev.chats.domain.user.User;
import dev.chats.domain.user.UserId;
import dev.chats.domain.vapi.VapiChat;
import dev.chats.domain.vapi.VapiChatId;
import dev.chats.domain.vapi.VapiSession;
import dev.chats.domain.vapi.VapiSessionId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deleting one chat of a session, as Vapi does, leaves the session's messages and its other chats as they read
 * before: the turns are stored one by one and read back together, so they are written out whole first.
 */
class SessionTurnDeletionTest {

    private final InMemoryVapiChatRepository chats = new InMemoryVapiChatRepository();
    private final InMemoryVapiSessionRepository sessions = new InMemoryVapiSessionRepository();
    private final VapiChatCatalogService catalog = new VapiChatCatalogService(chats, sessions, event -> { });
    private final VapiConversationReader reader = new VapiConversationReader(chats, sessions);
    private final User owner = new User(new UserId(UUID.randomUUID().toString()), "Ada",
            new EmailAddress("ada-" + UUID.randomUUID() + "@example.com"), Role.USER, "hash", "/user.png", 1L, 1L);
    private long clock = 1_700_000_000_000L;

    private static Map<String, Object> message(String role, String content) {
        return Map.of("role", role, "content", content);
    }

    private VapiChat turn(VapiSession session, String text) {
        clock++;
        VapiChat turn = new VapiChat(new VapiChatId(UUID.randomUUID().toString()), owner.id(), null, null, null,
                null, session.id().value(), null, text, false, List.of(message("user", text)),
                List.of(message("assistant", "re " + text)), List.of(), 0, clock, clock, true);
        chats.add(turn);
        return turn;
    }

    @Test
    void deletingATurnOfASession_keepsTheSessionsHistoryAndTheOtherChatsAsTheyRead() {
        VapiSession session = new VapiSession(new VapiSessionId(UUID.randomUUID().toString()), owner.id(), "s",
                VapiSession.Status.ACTIVE, 86_400, null, null, null, List.of(message("system", "Be brief.")), null,
                clock, clock, 1);
        sessions.add(session);
        List<VapiChat> turns = new ArrayList<>();
        for (String text : List.of("one", "two", "three")) {
            turns.add(turn(session, text));
        }
        List<Map<String, Object>> historyBefore = reader.readSession(session).messages();
        VapiChat firstBefore = catalog.get(owner, turns.get(0).id());
        VapiChat lastBefore = catalog.get(owner, turns.get(2).id());
        assertThat(historyBefore).hasSize(7);

        catalog.delete(owner, turns.get(1).id());

        VapiSession stored = sessions.findById(owner.id(), session.id()).orElseThrow();
        assertThat(reader.readSession(stored).messages()).isEqualTo(historyBefore);
        assertThat(catalog.get(owner, turns.get(0).id())).isEqualTo(firstBefore);
        assertThat(catalog.get(owner, turns.get(2).id())).isEqualTo(lastBefore);
        assertThat(stored.version()).isEqualTo(session.version() + 1);
        assertThat(stored.updatedAt()).isEqualTo(session.updatedAt());

        // A later turn continues the whole history, the deleted turn's messages included, as on Vapi.
        VapiChat next = turn(stored, "four");
        assertThat(catalog.get(owner, next.id()).messages()).containsExactly(message("system", "Be brief."),
                message("user", "one"), message("assistant", "re one"), message("user", "two"),
                message("assistant", "re two"), message("user", "three"), message("assistant", "re three"),
                message("user", "four"));
    }
}
