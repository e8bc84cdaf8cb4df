package dev.chats.adapters.jdbc;

import dev.chats.adapters.jdbc.search.MariaDbSearchIndexer;
import dev.chats.adapters.jdbc.search.SearchGrams;
import com.zaxxer.hikari.HikariDataSource;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.ChatOrder;
import dev.chats.domain.chat.ChatQuery;
import dev.chats.domain.chat.ChatSummary;
import dev.chats.domain.chat.Flag;
import dev.chats.domain.chat.FolderScope;
import dev.chats.domain.chat.PageRequest;
import dev.chats.domain.user.UserId;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MariaDB's stand-in for a trigram index: the V3 migration fills the search grams of rows written before it, and a
 * text search runs through the full-text indexes. The search results themselves are the contract's
 * ({@link MariaDbRepositoriesContractTest}).
 */
class MariaDbSearchIndexTest {

    private static final UserId OWNER = new UserId("owner-1");
    private static final UserId NEIGHBOUR = new UserId("owner-2");

    private HikariDataSource dataSource;

    @AfterEach
    void close() {
        if (dataSource != null) {
            dataSource.close();
        }
    }

    @Test
    void givenRowsWrittenBeforeV3_migrating_queuesTheirMessagesForTheIndexer_andSearchFindsThemThroughout()
            throws SQLException {
        dataSource = TestDatabase.emptyDataSource(TestDatabase.Vendor.MARIADB);
        migrateTo("2");
        // More message rows than one indexer batch, so several batches run.
        insertChat("many-messages", OWNER, "plain title", null);
        for (int i = 0; i < 1_203; i++) {
            insertMessage("many-messages", String.format("m%04d", i), i == 1_100 ? "the NEEDLE is here" : "filler " + i);
        }
        insertChat("titled", OWNER, "A Haystack in the title", "a legacy pebble");
        insertChat("neighbours", NEIGHBOUR, "haystack", null);
        insertMessage("neighbours", "m1", "their needle");

        JdbcDatabase database = TestDatabase.migrated(dataSource);

        assertThat(count("SELECT COUNT(*) FROM chat_message_search_pending")).isEqualTo(1_204);
        assertThat(count("SELECT COUNT(*) FROM chat WHERE search_grams IS NULL")).isZero();
        assertThat(count("SELECT COUNT(*) FROM information_schema.statistics WHERE table_schema = DATABASE()"
                + " AND index_type = 'FULLTEXT'")).isEqualTo(2);
        assertThat(database.searchGramsIndexed()).isTrue();
        JdbcChatRepository chats = new JdbcChatRepository(database);
        assertFoundAfterMigration(chats);

        assertThat(MariaDbSearchIndexing.indexer(database, false).indexWrittenBefore(System.currentTimeMillis()))
                .isEqualTo(1_204);

        assertThat(count("SELECT COUNT(*) FROM chat_message_search")).isEqualTo(1_204);
        assertThat(count("SELECT COUNT(*) FROM chat_message_search_pending")).isZero();
        assertFoundAfterMigration(chats);
    }

    private static void assertFoundAfterMigration(JdbcChatRepository chats) {
        assertThat(searched(chats, "eedle is")).containsExactly("many-messages");
        assertThat(searched(chats, "ystac")).containsExactly("titled");
        assertThat(searched(chats, "pebbl")).containsExactly("titled");
        assertThat(searched(chats, "filler 1202")).containsExactly("many-messages");
        assertThat(searched(chats, "their")).isEmpty();
    }

    @Test
    void givenAV3InterruptedAfterItsFirstSteps_theNextStartFinishesIt() throws SQLException {
        dataSource = TestDatabase.emptyDataSource(TestDatabase.Vendor.MARIADB);
        migrateTo("2");
        insertChat("chat", OWNER, "first title", null);
        insertMessage("chat", "m1", "a needle");
        insertMessage("chat", "m2", "more hay");
        // As if V3 had made its table and column and filled one row before the server stopped.
        execute("CREATE TABLE chat_message_search (chat_id VARCHAR(64) NOT NULL, message_id VARCHAR(255) NOT NULL,"
                + " grams LONGTEXT NOT NULL, PRIMARY KEY (chat_id, message_id))");
        execute("ALTER TABLE chat ADD COLUMN search_grams LONGTEXT");
        execute("INSERT INTO chat_message_search VALUES ('chat', 'm1', '" + SearchGrams.of(OWNER.value(), "a needle")
                + "')");

        JdbcDatabase database = TestDatabase.migrated(dataSource);

        assertThat(count("SELECT COUNT(*) FROM chat_message_search_pending")).isEqualTo(1);
        MariaDbSearchIndexing.indexer(database, false).indexWrittenBefore(System.currentTimeMillis());
        assertThat(count("SELECT COUNT(*) FROM chat_message_search")).isEqualTo(2);
        JdbcChatRepository chats = new JdbcChatRepository(database);
        assertThat(searched(chats, "needl")).containsExactly("chat");
        assertThat(searched(chats, "ore ha")).containsExactly("chat");
        assertThat(searched(chats, "rst tit")).containsExactly("chat");
    }

    @Test
    void givenAMessageWrittenAgainAndAgain_itsGramsAreWrittenOnceItIsQuiet_andSearchFindsItThroughout()
            throws SQLException {
        dataSource = TestDatabase.emptyDataSource(TestDatabase.Vendor.MARIADB);
        JdbcDatabase database = TestDatabase.migrated(dataSource);
        JdbcChatRepository chats = new JdbcChatRepository(database);
        MariaDbSearchIndexer indexer = MariaDbSearchIndexing.indexer(database, false);
        Map<String, Object> message = Map.of("id", "m1", "role", "assistant", "content", "");
        Map<String, Object> document = Map.of("title", "streamed",
                "history", Map.of("currentId", "m1", "messages", Map.of("m1", message)));
        Chat chat = chats.add(Chat.start(new ChatId("streamed"), OWNER, document, null, 1_000));
        StringBuilder answer = new StringBuilder();
        for (String word : List.of("The", " answer", " grows", " word", " by", " word")) {
            answer.append(word);
            chat.upsertMessageContent("m1", answer.toString(), null, 2_000);
            chat = chats.update(chat);
            assertThat(searched(chats, answer.toString())).containsExactly("streamed");
        }

        assertThat(count("SELECT COUNT(*) FROM chat_message_search")).isZero();
        assertThat(count("SELECT COUNT(*) FROM chat_message_search_pending")).isEqualTo(1);
        assertThat(indexer.indexWrittenBefore(System.currentTimeMillis() - 60_000)).isZero();
        assertThat(indexer.indexWrittenBefore(System.currentTimeMillis() + 1)).isEqualTo(1);

        assertThat(count("SELECT COUNT(*) FROM chat_message_search_pending")).isZero();
        assertThat(count("SELECT COUNT(*) FROM chat_message_search")).isEqualTo(1);
        assertThat(searched(chats, "answer gr")).containsExactly("streamed");
        assertThat(searched(chats, "word by word")).containsExactly("streamed");

        chat.upsertMessageContent("m1", "Rewritten entirely", null, 3_000);
        chats.update(chat);
        assertThat(searched(chats, "answer gr")).isEmpty();
        assertThat(searched(chats, "ewritten ent")).containsExactly("streamed");
        indexer.indexWrittenBefore(System.currentTimeMillis() + 1);
        assertThat(searched(chats, "answer gr")).isEmpty();
        assertThat(searched(chats, "ewritten ent")).containsExactly("streamed");
        assertThat(count("SELECT COUNT(*) FROM chat_message_search_pending")).isZero();

        chats.delete(chat.id());
        assertThat(count("SELECT COUNT(*) FROM chat_message_search")).isZero();
    }

    @Test
    void onShutdown_flush_indexesEveryQueuedMessage_quietOrNot_andStopsTheSchedule() throws SQLException {
        dataSource = TestDatabase.emptyDataSource(TestDatabase.Vendor.MARIADB);
        JdbcDatabase database = TestDatabase.migrated(dataSource);
        JdbcChatRepository chats = new JdbcChatRepository(database);
        MariaDbSearchIndexer indexer = MariaDbSearchIndexing.indexer(database, true);
        Map<String, Object> document = Map.of("title", "just written", "history", Map.of("currentId", "m1",
                "messages", Map.of("m1", Map.of("id", "m1", "role", "user", "content", "a fresh needle"))));
        chats.add(Chat.start(new ChatId("fresh"), OWNER, document, null, 1_000));
        assertThat(count("SELECT COUNT(*) FROM chat_message_search_pending")).isEqualTo(1);

        // Written a moment ago: the schedule would wait for it to go quiet; a shutdown does not.
        assertThat(indexer.flush(Duration.ofSeconds(10))).isEqualTo(1);

        assertThat(count("SELECT COUNT(*) FROM chat_message_search_pending")).isZero();
        assertThat(count("SELECT COUNT(*) FROM chat_message_search")).isEqualTo(1);
        assertThat(indexer.flush(Duration.ofSeconds(10))).as("a second flush finds nothing").isZero();
    }

    @Test
    void textSearch_readsMessagesThroughTheFullTextIndex() throws SQLException {
        dataSource = TestDatabase.emptyDataSource(TestDatabase.Vendor.MARIADB);
        JdbcDatabase database = TestDatabase.migrated(dataSource);
        ChatQuerySql select = ChatQuerySql.select(database.dialect(), database.searchGramsIndexed(), "id",
                query("needle"));

        List<String> plan = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement explain = connection.prepareStatement("EXPLAIN " + select.sql())) {
            select.bind(explain);
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    plan.add(rows.getString("table") + " " + rows.getString("type") + " " + rows.getString("key"));
                }
            }
        }

        assertThat(plan).contains("s fulltext ix_chat_message_search_grams");
    }

    private static ChatQuery query(String text) {
        return new ChatQuery(Optional.of(OWNER), Flag.ANY, Flag.ANY, FolderScope.any(), Optional.empty(),
                ChatOrder.RECENT_FIRST, new PageRequest(0, 100)).withTextContains(text);
    }

    private static List<String> searched(JdbcChatRepository chats, String text) {
        return chats.findSummaries(query(text)).stream().map(ChatSummary::id).map(ChatId::value).toList();
    }

    private void migrateTo(String version) {
        Flyway.configure().dataSource(dataSource).locations(SqlDialect.MARIADB.migrationLocation())
                .table("chats_schema_history").target(version).load().migrate();
    }

    private void insertChat(String id, UserId owner, String title, String legacyText) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO chat (id, user_id, title, body,"
                     + " created_at, updated_at, archived, pinned, meta, version, legacy_text)"
                     + " VALUES (?, ?, ?, '{}', 1, 1, FALSE, FALSE, '{}', 1, ?)")) {
            insert.setString(1, id);
            insert.setString(2, owner.value());
            insert.setString(3, title);
            insert.setString(4, legacyText);
            insert.executeUpdate();
        }
    }

    private void insertMessage(String chatId, String messageId, String content) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO chat_message (chat_id, message_id,"
                     + " position, parent_id, content_text, body) VALUES (?, ?, 0, NULL, ?, '{}')")) {
            insert.setString(1, chatId);
            insert.setString(2, messageId);
            insert.setString(3, content);
            insert.executeUpdate();
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
