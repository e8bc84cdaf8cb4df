package dev.chats.adapters.jdbc;

import dev.chats.domain.port.contract.VapiTurns;
import dev.chats.domain.user.UserId;
import dev.chats.domain.vapi.VapiChat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reads that put a Vapi conversation back together each run as many statements for a turn that continues fifty
 * others, in a session of thirty more, as for a turn that continues nothing: one recursive query for a chat's
 * ancestors, one for a session's turns (VapiReadsBoundedTest shows the application makes at most three such reads).
 * Counted on the connection, on every SQL store.
 */
class VapiReadStatementsTest {

    private final UserId owner = new UserId(UUID.randomUUID().toString());
    private long clock = 1_700_000_000_000L;

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void contextReadsTakeTheSameStatementsHoweverLongTheConversation(TestDatabase.Vendor vendor) {
        JdbcDatabase database = TestDatabase.migrated(TestDatabase.emptyDataSource(vendor),
                Map.of("chats.test.count-statements", true));
        JdbcVapiChatRepository chats = new JdbcVapiChatRepository(database);
        String session = UUID.randomUUID().toString();
        VapiChat single = conversation(chats, 1, UUID.randomUUID().toString());
        conversation(chats, 30, session);
        VapiChat last = conversation(chats, 50, session);

        StatementCounting.taken();
        assertThat(chats.withAncestors(owner, List.of(single.id()))).hasSize(1);
        int ancestorsOfOne = StatementCounting.taken();
        assertThat(chats.withAncestors(owner, List.of(last.id()))).hasSize(50);
        int ancestorsOfFifty = StatementCounting.taken();
        assertThat(chats.sessionTurns(owner, List.of(single.sessionId()))).hasSize(1);
        int turnsOfOne = StatementCounting.taken();
        assertThat(chats.sessionTurns(owner, List.of(session))).hasSize(2);
        int turnsOfThirty = StatementCounting.taken();

        assertThat(ancestorsOfOne).as("statements for a chat's ancestors").isBetween(1, 2);
        assertThat(ancestorsOfFifty).isEqualTo(ancestorsOfOne);
        assertThat(turnsOfOne).as("statements for a session's turns").isBetween(1, 2);
        assertThat(turnsOfThirty).isEqualTo(turnsOfOne);
    }

    private VapiChat conversation(JdbcVapiChatRepository chats, int turns, String sessionId) {
        return VapiTurns.conversation(chats::add, owner, turns, sessionId, () -> ++clock);
    }
}
