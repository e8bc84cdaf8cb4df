package dev.chats.adapters.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatDocument;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.ChatQuery;
import dev.chats.domain.chat.PageRequest;
import dev.chats.domain.user.UserId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Chats written as a group ({@link JdbcChatRepository#addAll}, what a copy of a deployment uses; on PostgreSQL the
 * message rows go in one COPY) read back as sent, texts that COPY's format must escape included, with their tag
 * mirror and searchable content; and a group with one chat that cannot be stored stores none.
 */
class ChatGroupWriteTest {

    /** Every character COPY's text format treats specially, and text that looks like its null marker. */
    private static final String AWKWARD = "tab\there, newline\nthere, return\r, back\\slash, \\N, \\t, é 𝄞 漢字";

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void aGroupOfChatsReadsBackAsSent(TestDatabase.Vendor vendor) throws Exception {
        try (HikariDataSource dataSource = TestDatabase.emptyDataSource(vendor)) {
            JdbcChatRepository chats = new JdbcChatRepository(TestDatabase.migrated(dataSource));
            UserId owner = new UserId("u-" + UUID.randomUUID());
            List<Chat> group = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                group.add(chat(owner, i));
            }

            chats.addAll(group);

            for (Chat chat : group) {
                Chat back = chats.findById(chat.id()).orElseThrow();
                assertThat(back.document()).isEqualTo(chat.document());
                assertThat(back.tagIds()).isEqualTo(chat.tagIds());
                assertThat(back.version()).isEqualTo(chat.version());
            }
            assertThat(tagRows(dataSource, owner)).isEqualTo(6);
            assertThat(chats.findChats(ChatQuery.allOf(owner, new PageRequest(0, 10))
                    .withTextContains("newline\nthere, return")).stream().map(Chat::id).toList())
                    .containsExactlyInAnyOrderElementsOf(group.stream().map(Chat::id).toList());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void aGroupWithAChatAlreadyStoredStoresNone(TestDatabase.Vendor vendor) {
        try (HikariDataSource dataSource = TestDatabase.emptyDataSource(vendor)) {
            JdbcChatRepository chats = new JdbcChatRepository(TestDatabase.migrated(dataSource));
            UserId owner = new UserId("u-" + UUID.randomUUID());
            Chat stored = chat(owner, 1);
            chats.add(stored);
            Chat first = chat(owner, 0);

            assertThatThrownBy(() -> chats.addAll(List.of(first, stored))).isInstanceOf(RuntimeException.class);

            assertThat(chats.findById(first.id())).isEmpty();
            assertThat(chats.findById(stored.id()).orElseThrow().document()).isEqualTo(stored.document());
        }
    }

    private static Chat chat(UserId owner, int number) {
        Map<String, Object> messages = new LinkedHashMap<>();
        String parent = null;
        for (int i = 0; i < 5; i++) {
            String id = "m" + i;
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("id", id);
            message.put("parentId", i == 4 ? "p".repeat(300) : parent);
            message.put("role", i % 2 == 0 ? "user" : "assistant");
            message.put("content", i == 2 ? List.of(Map.of("type", "text", "text", AWKWARD)) : AWKWARD + " " + i);
            messages.put(id, message);
            parent = id;
        }
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("currentId", "m4");
        history.put("messages", messages);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("title", "Group " + number + " " + AWKWARD);
        document.put("history", history);
        document.put("tags", List.of("alpha", "beta"));
        return Chat.restore(new ChatId("c-" + UUID.randomUUID()), owner, ChatDocument.fromClient(document),
                1_700_000_000L + number, 1_700_000_100L + number, null, false, false,
                Map.of("tags", List.of("alpha", "beta")), null, 3);
    }

    private static long tagRows(HikariDataSource dataSource, UserId owner) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM chat_tag WHERE user_id = ?")) {
            count.setString(1, owner.value());
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
