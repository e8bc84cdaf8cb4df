package dev.chats.adapters.jdbc;

import dev.chats.domain.port.VapiChatRepository;
import dev.chats.domain.port.contract.VapiChatRepositoryContract;
import dev.chats.domain.user.UserId;
import dev.chats.domain.vapi.VapiChat;
import dev.chats.domain.vapi.VapiChatId;
import dev.chats.domain.vapi.VapiConversations;
import dev.chats.domain.vapi.VapiSession;
import dev.chats.domain.vapi.VapiSessionId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Vapi chat persistence contract through the JDBC adapter; each subclass names its vendor. Also pinned here:
 * rows written by versions before turn-only storage read back as they were and can be continued, and a turn's row
 * does not grow with the conversation.
 */
abstract class JdbcVapiChatsContract extends VapiChatRepositoryContract {

    protected abstract TestDatabase.Vendor vendor();

    private TestDatabase database;
    private VapiChatRepository chats;

    @BeforeEach
    void clean() {
        database = TestDatabase.of(vendor());
        database.database().transactions().inTransaction("clean", connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM vapi_chat_owner");
                return statement.executeUpdate("DELETE FROM vapi_chat");
            }
        });
        chats = new JdbcVapiChatRepository(database.database());
    }

    @Override
    protected VapiChatRepository vapiChats() {
        return chats;
    }

    private static Map<String, Object> message(String role, String content) {
        return Map.of("role", role, "content", content);
    }

    private void sql(String statement, Object... parameters) {
        database.database().transactions().inTransaction("write by hand", connection -> {
            try (PreparedStatement prepared = connection.prepareStatement(statement)) {
                SqlParameters.bind(prepared, List.of(parameters));
                return prepared.executeUpdate();
            }
        });
    }

    private long bodyLength(UserId owner, VapiChatId id) {
        return database.database().transactions().read("body length", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT LENGTH(body) FROM vapi_chat WHERE user_id = ? AND id = ?")) {
                query.setString(1, owner.value());
                query.setString(2, id.value());
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    @Test
    void givenRowsOfEarlierVersions_read_answersThemAsBeforeAndTurnsContinueThem() {
        UserId owner = new UserId(UUID.randomUUID().toString());
        String oldId = UUID.randomUUID().toString();
        // As versions before V13 wrote it: no turn_only, the whole conversation in body.messages.
        sql("INSERT INTO vapi_chat (user_id, id, assistant_id, session_id, previous_chat_id, created_at,"
                + " updated_at, cost, body) VALUES (?, ?, NULL, NULL, ?, 1000, 2000, 0.5, ?)", owner.value(), oldId,
                "an-older-one", "{\"assistant\":{\"model\":{\"provider\":\"openai\",\"model\":\"m\"}},"
                        + "\"assistantOverrides\":null,\"name\":\"old\",\"input\":\"b\",\"stream\":false,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"a\"},{\"role\":\"assistant\","
                        + "\"content\":\"re a\"},{\"role\":\"user\",\"content\":\"b\"}],"
                        + "\"output\":[{\"role\":\"assistant\",\"content\":\"re b\"}],\"costs\":[]}");
        String sessionId = UUID.randomUUID().toString();
        sql("INSERT INTO vapi_session (user_id, id, name, status, assistant_id, created_at, updated_at, version,"
                + " body) VALUES (?, ?, NULL, 'active', NULL, 1000, 2000, 3, ?)", owner.value(), sessionId,
                "{\"expirationSeconds\":86400,\"assistant\":null,\"assistantOverrides\":null,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"s1\"},{\"role\":\"assistant\","
                        + "\"content\":\"re s1\"}],\"metadata\":null}");
        VapiChat old = new VapiChat(new VapiChatId(oldId), owner, null,
                Map.of("model", Map.of("provider", "openai", "model", "m")), null, "old", null,
                new VapiChatId("an-older-one"), "b", false,
                List.of(message("user", "a"), message("assistant", "re a"), message("user", "b")),
                List.of(message("assistant", "re b")), List.of(), 0.5, 1000, 2000);
        VapiChat next = new VapiChat(new VapiChatId(UUID.randomUUID().toString()), owner, null, null, null, null,
                null, old.id(), "c", false, List.of(message("user", "c")), List.of(message("assistant", "re c")),
                List.of(), 0, 3000, 4000, true);
        VapiChat inSession = new VapiChat(new VapiChatId(UUID.randomUUID().toString()), owner, null, null, null,
                null, sessionId, null, "s2", false, List.of(message("user", "s2")),
                List.of(message("assistant", "re s2")), List.of(), 0, 3000, 4000, true);
        chats.add(next);
        chats.add(inSession);

        assertThat(chats.findById(owner, old.id())).contains(old);
        List<VapiChat> chain = chats.withAncestors(owner, List.of(next.id()));
        assertThat(chain).containsExactlyInAnyOrder(next, old);
        assertThat(new VapiConversations(chain, List.of(), List.of()).read(next).messages()).containsExactly(
                message("user", "a"), message("assistant", "re a"), message("user", "b"),
                message("assistant", "re b"), message("user", "c"));
        VapiSession session = new JdbcVapiSessionRepository(database.database())
                .findById(owner, new VapiSessionId(sessionId)).orElseThrow();
        assertThat(session.messages()).hasSize(2);
        assertThat(new VapiConversations(List.of(), List.of(session), chats.sessionTurns(owner, List.of(sessionId)))
                .sessionHistory(session)).containsExactly(message("user", "s1"), message("assistant", "re s1"),
                message("user", "s2"), message("assistant", "re s2"));
    }

    @Test
    void givenLongChainOfTurns_theLastTurnsRow_isNoLargerThanTheFirstsAndReadsTheWholeConversation() {
        UserId owner = new UserId(UUID.randomUUID().toString());
        List<VapiChat> turns = new ArrayList<>();
        VapiChatId previous = null;
        for (int i = 0; i < 50; i++) {
            String text = String.format("turn %03d", i);
            VapiChat turn = new VapiChat(new VapiChatId(UUID.randomUUID().toString()), owner, null, null, null,
                    null, null, previous, text, false, List.of(message("user", text)),
                    List.of(message("assistant", "re " + text)), List.of(), 0, 1000L + i, 1000L + i, true);
            chats.add(turn);
            turns.add(turn);
            previous = turn.id();
        }
        VapiChat first = turns.get(0);
        VapiChat last = turns.get(turns.size() - 1);
        List<VapiChat> chain = chats.withAncestors(owner, List.of(last.id()));

        assertThat(bodyLength(owner, last.id())).isEqualTo(bodyLength(owner, first.id()));
        assertThat(new VapiConversations(chain, List.of(), List.of()).read(last).messages()).hasSize(99);
    }
}
