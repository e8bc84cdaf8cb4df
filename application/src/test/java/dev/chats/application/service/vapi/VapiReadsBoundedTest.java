package dev.chats.application.service.vapi;

import dev.chats.domain.port.VapiChatRepository;
import dev.chats.domain.port.VapiSessionRepository;
import dev.chats.domain.port.contract.VapiTurns;
import dev.chats.domain.port.fake.InMemoryVapiChatRepository;
import dev.chats.domain.port.fake.InMemoryVapiSessionRepository;
import dev.chats.domain.user.EmailAddress;
import dev.chats.domain.user.Role;
import dev.chats.domain.user.User;
import dev.chats.domain.user.UserId;
import dev.chats.domain.vapi.VapiChat;
import dev.chats.domain.vapi.VapiChatQuery;
import dev.chats.domain.vapi.VapiSession;
import dev.chats.domain.vapi.VapiSessionId;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading a chat, or a page of chats, costs the same number of repository reads however long the conversations
 * behind them are: turns are stored one by one and their context is read in at most three reads (the chats with
 * their ancestors, their sessions, those sessions' turns), never one read per turn. Each of those reads is one
 * statement on the SQL stores (VapiReadStatementsTest) and one or two commands on MongoDB
 * (MongoVapiReadCommandsTest).
 */
class VapiReadsBoundedTest {

    private final List<String> reads = new ArrayList<>();
    private final VapiChatRepository chats = counted(VapiChatRepository.class, new InMemoryVapiChatRepository());
    private final VapiSessionRepository sessions = counted(VapiSessionRepository.class,
            new InMemoryVapiSessionRepository());
    private final VapiChatCatalogService catalog = new VapiChatCatalogService(chats, sessions, event -> { });
    private final User owner = new User(new UserId(UUID.randomUUID().toString()), "Ada",
            new EmailAddress("ada-" + UUID.randomUUID() + "@example.com"), Role.USER, "hash", "/user.png", 1L, 1L);
    private long clock = 1_700_000_000_000L;

    private <T> T counted(Class<T> port, T target) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            reads.add(method.getName());
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }

    private VapiSession session() {
        VapiSession session = new VapiSession(new VapiSessionId(UUID.randomUUID().toString()), owner.id(), null,
                VapiSession.Status.ACTIVE, 86_400, null, null, null,
                List.of(Map.of("role", "user", "content", "from the session's start")), null, clock, clock, 1);
        sessions.add(session);
        return session;
    }

    /** {@code turns} turn-only chats, each continuing the one before; the first in {@code sessionId} if given. */
    private VapiChat conversation(int turns, String sessionId) {
        return VapiTurns.conversation(chats::add, owner.id(), turns, sessionId, () -> ++clock);
    }

    private List<String> readsOf(Runnable read) {
        reads.clear();
        read.run();
        return List.copyOf(reads);
    }

    @Test
    void getOfAChat_readsAsOftenForFiftyTurnsInASessionAsForOneTurn() {
        VapiChat single = conversation(1, session().id().value());
        String busy = session().id().value();
        conversation(30, busy);
        VapiChat last = conversation(50, busy);

        List<String> forOne = readsOf(() -> catalog.get(owner, single.id()));
        List<String> forFifty = readsOf(() -> assertThat(catalog.get(owner, last.id()).messages())
                .hasSizeGreaterThan(99));

        assertThat(forOne).containsExactly("withAncestors", "list", "sessionTurns");
        assertThat(forFifty).isEqualTo(forOne);
    }

    @Test
    void aPageOfChats_readsAsOftenWhenEachContinuesALongConversation() {
        for (int i = 0; i < 20; i++) {
            conversation(1, null);
        }
        List<String> shortOnes = readsOf(() -> catalog.list(owner, query()));
        String shared = session().id().value();
        for (int i = 0; i < 20; i++) {
            conversation(25, i % 2 == 0 ? shared : null);
        }
        List<String> longOnes = readsOf(() -> assertThat(catalog.list(owner, query()).results()).hasSize(20));

        // the list itself, then at most the three context reads: ancestors, sessions, the sessions' turns
        assertThat(shortOnes).containsExactly("list");
        assertThat(longOnes).hasSizeLessThanOrEqualTo(4).startsWith("list");
    }

    private VapiChatQuery query() {
        return new VapiChatQuery(owner.id(), null, null, null, null, null, null, false, 1, 20);
    }
}
