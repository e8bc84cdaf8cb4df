package dev.chats.app.e2e;

import io.micronaut.context.BeanContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.h2.api.Trigger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole chat sent again through {@code POST /api/v1/chats/{id}} with one message changed writes that message's
 * row alone, however long the chat and whatever JSON its messages hold (fractions, large numbers, nested objects,
 * nulls, the legacy linear list): every other message parsed from the request must equal the stored one. Counted in
 * the database, not timed: on H2 by a row trigger on {@code chat_message}, on PostgreSQL by the rows' {@code xmin}
 * (the transaction that last wrote each row). Skipped on MongoDB, which has neither.
 */
@MicronautTest
class WholeChatPostRowsWrittenTest {

    private static final int MESSAGES = 1_250;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    @Inject
    BeanContext beans;

    @Test
    void postingALongChatWithOneMessageChanged_writesOnlyThatMessagesRow() throws Exception {
        Optional<DataSource> sql = beans.findBean(DataSource.class);
        Assumptions.assumeTrue(sql.isPresent(), "no SQL store behind this server");
        Api api = new Api(client, json);
        TestUsers.Account owner = TestUsers.signUp(client, "Long");
        Map<String, Object> document = conversation();
        Api.Reply created = api.post(owner.token(), "/api/v1/chats/new", api.write(Map.of("chat", document)));
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        String id = (String) created.get("id");
        RowWrites writes = RowWrites.of(sql.get(), id);

        messageBody(document, "m617").put("content", "changed by a whole POST");
        Api.Reply posted = api.post(owner.token(), "/api/v1/chats/" + id, api.write(Map.of("chat", document)));

        assertThat(posted.status()).as(posted.raw()).isEqualTo(200);
        assertThat(writes.rewrittenMessageIds()).containsExactly("m617");
        assertThat(api.get(owner.token(), "/api/v1/chats/" + id).get("chat")).isEqualTo(document);
    }

    /** A linear conversation whose messages hold every kind of JSON value, with Open WebUI's linear list beside. */
    private static Map<String, Object> conversation() {
        Map<String, Object> messages = new LinkedHashMap<>();
        List<Object> linear = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            String key = "m" + i;
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("id", key);
            message.put("parentId", i == 0 ? null : "m" + (i - 1));
            message.put("childrenIds", i + 1 < MESSAGES ? List.of("m" + (i + 1)) : List.of());
            message.put("role", i % 2 == 0 ? "user" : "assistant");
            message.put("content", "message number " + i + " — naïve café 東京 😀 \"quoted\" \\ back");
            message.put("timestamp", 1_700_000_000 + i);
            message.put("usage", Map.of("tokens", 12 + i, "cost", 0.00012 * i, "ratio", 2.0, "tiny", 1.0E-7,
                    "big", Long.MAX_VALUE - i));
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("done", i % 3 == 0);
            info.put("error", null);
            info.put("empty", Map.of());
            info.put("sources", List.of(Map.of("name", "doc " + i, "score", 0.5 + i / 10_000.0)));
            message.put("info", info);
            messages.put(key, message);
            linear.add(new LinkedHashMap<>(message));
        }
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("messages", messages);
        history.put("currentId", "m" + (MESSAGES - 1));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("title", "Long");
        document.put("models", List.of("m"));
        document.put("params", Map.of("temperature", 0.7));
        document.put("history", history);
        document.put("messages", linear);
        return document;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> messageBody(Map<String, Object> document, String id) {
        Map<String, Object> history = (Map<String, Object>) document.get("history");
        return (Map<String, Object>) ((Map<String, Object>) history.get("messages")).get(id);
    }

    /** Which message rows of one chat are written from now on, as the database itself records it. */
    private interface RowWrites {

        Set<String> rewrittenMessageIds() throws SQLException;

        static RowWrites of(DataSource sql, String chatId) throws SQLException {
            try (Connection connection = sql.getConnection()) {
                String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
                if (product.contains("postgres")) {
                    return byTransaction(sql, chatId);
                }
                Assumptions.assumeTrue(product.contains("h2"), "rows written are counted on H2 and PostgreSQL");
                return byTrigger(sql, chatId);
            }
        }

        private static RowWrites byTransaction(DataSource sql, String chatId) throws SQLException {
            Map<String, Long> before = writers(sql, chatId);
            return () -> {
                Map<String, Long> after = writers(sql, chatId);
                assertThat(after).hasSize(MESSAGES);
                Set<String> rewritten = ConcurrentHashMap.newKeySet();
                after.forEach((message, writer) -> {
                    if (!writer.equals(before.get(message))) {
                        rewritten.add(message);
                    }
                });
                return rewritten;
            };
        }

        private static Map<String, Long> writers(DataSource sql, String chatId) throws SQLException {
            Map<String, Long> writers = new HashMap<>();
            try (Connection connection = sql.getConnection();
                 PreparedStatement select = connection.prepareStatement(
                         "SELECT message_id, xmin::text::bigint FROM chat_message WHERE chat_id = ?")) {
                select.setString(1, chatId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        writers.put(rows.getString(1), rows.getLong(2));
                    }
                }
            }
            return writers;
        }

        private static RowWrites byTrigger(DataSource sql, String chatId) throws SQLException {
            String name = "count_" + Long.toHexString(System.nanoTime());
            Counter.WRITTEN.clear();
            try (Connection connection = sql.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TRIGGER " + name + " AFTER INSERT, UPDATE ON chat_message FOR EACH ROW"
                        + " CALL \"" + Counter.class.getName() + "\"");
            }
            return () -> {
                try (Connection connection = sql.getConnection();
                     Statement statement = connection.createStatement()) {
                    statement.execute("DROP TRIGGER " + name);
                }
                return Set.copyOf(Counter.WRITTEN.getOrDefault(chatId, Set.of()));
            };
        }
    }

    /** H2 row trigger: records the (chat id, message id) of every message row inserted or updated. */
    public static final class Counter implements Trigger {

        static final Map<String, Set<String>> WRITTEN = new ConcurrentHashMap<>();

        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) {
            WRITTEN.computeIfAbsent(String.valueOf(newRow[0]), chat -> ConcurrentHashMap.newKeySet())
                    .add(String.valueOf(newRow[1]));
        }
    }
}
