package dev.chats.adapters.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole-chat save that changes one message writes that message's row alone, however long the chat: checked on
 * PostgreSQL by the rows' {@code xmin} (the transaction that last wrote each row), not by timing.
 */
class PostgresMessageRowsWrittenTest {

    private static final int MESSAGES = 1_250;

    @Test
    void saving_a_long_chat_with_one_message_changed_rewrites_only_that_messages_row() throws Exception {
        try (HikariDataSource dataSource = TestDatabase.emptyDataSource(TestDatabase.Vendor.POSTGRESQL)) {
            JdbcChatRepository chats = new JdbcChatRepository(TestDatabase.migrated(dataSource));
            ChatId id = new ChatId(UUID.randomUUID().toString());
            chats.add(Chat.start(id, new UserId("u"), conversation(Map.of()), null, 1_700_000_000L));
            Map<String, Long> before = rowWriters(dataSource, id);

            Chat read = chats.findById(id).orElseThrow();
            read.mergeDocument(conversation(Map.of("m617", "edited")), 1_700_000_100L);
            chats.update(read);

            Map<String, Long> after = rowWriters(dataSource, id);
            assertThat(after).hasSize(MESSAGES);
            Map<String, Long> rewritten = new HashMap<>(after);
            rewritten.entrySet().removeIf(row -> row.getValue().equals(before.get(row.getKey())));
            assertThat(rewritten).containsOnlyKeys("m617");
            assertThat(chats.findById(id).orElseThrow().document()).isEqualTo(
                    conversation(Map.of("m617", "edited")));
        }
    }

    /** A chain of messages, each with a sentence of its own unless {@code edits} gives it another. */
    private static Map<String, Object> conversation(Map<String, String> edits) {
        Map<String, Object> messages = new LinkedHashMap<>();
        for (int i = 0; i < MESSAGES; i++) {
            String key = "m" + i;
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("id", key);
            message.put("parentId", i == 0 ? null : "m" + (i - 1));
            message.put("childrenIds", i + 1 < MESSAGES ? List.of("m" + (i + 1)) : List.of());
            message.put("role", i % 2 == 0 ? "user" : "assistant");
            message.put("content", edits.getOrDefault(key, "message number " + i + " of a long conversation"));
            messages.put(key, message);
        }
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("messages", messages);
        history.put("currentId", "m" + (MESSAGES - 1));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("title", "Long");
        document.put("history", history);
        return document;
    }

    private static Map<String, Long> rowWriters(HikariDataSource dataSource, ChatId chat) throws Exception {
        Map<String, Long> writers = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT message_id, xmin::text::bigint FROM chat_message WHERE chat_id = ?")) {
            select.setString(1, chat.value());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    writers.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return writers;
    }
}
