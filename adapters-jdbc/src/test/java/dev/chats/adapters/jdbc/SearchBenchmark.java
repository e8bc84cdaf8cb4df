package dev.chats.adapters.jdbc;

import dev.chats.adapters.jdbc.search.SearchGrams;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.ChatOrder;
import dev.chats.domain.chat.ChatQuery;
import dev.chats.domain.chat.Flag;
import dev.chats.domain.chat.FolderScope;
import dev.chats.domain.chat.PageRequest;
import dev.chats.domain.user.UserId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Text-search benchmark on a SQL database (not a test: run by hand, see the README). Fills a database of its own
 * with {@code chats} chats of {@code messages} messages each, spread over {@code users} users, then times each
 * search phrase through the query the repository runs, with and without the {@link SearchGrams} full-text index
 * where the dialect keeps one, and prints the plan. The database is dropped at the end.
 *
 * <p>Arguments: {@code url=jdbc:mariadb://127.0.0.1:3306/test user=root password= chats=20000 messages=10
 * users=100 runs=20}, and {@code keep=NAME} to fill a database of that name once and reuse it.
 */
public final class SearchBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("url", "jdbc:mariadb://127.0.0.1:3306/test",
                "user", "root", "password", "", "chats", "20000", "messages", "10", "users", "100", "runs", "20"));
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "");
        }
        String url = options.get("url");
        String user = options.get("user");
        String password = options.get("password");
        // keep=NAME fills a database of that name once and keeps it for later runs (and for EXPLAIN by hand).
        String kept = options.get("keep");
        String database = kept != null ? kept
                : "chats_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        boolean postgres = url.startsWith("jdbc:postgresql:");
        boolean fill = true;
        try {
            execute(url, user, password, postgres ? "CREATE SCHEMA " + database
                    : "CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (java.sql.SQLException exists) {
            if (kept == null) {
                throw exists;
            }
            fill = false;
        }
        try {
            String own = postgres ? url + (url.contains("?") ? "&" : "?") + "currentSchema=" + database
                    : url.substring(0, url.lastIndexOf('/') + 1) + database;
            run(own, user, password, fill ? Integer.parseInt(options.get("chats")) : 0,
                    Integer.parseInt(options.get("messages")), Integer.parseInt(options.get("users")),
                    Integer.parseInt(options.get("runs")));
        } finally {
            if (kept == null) {
                execute(url, user, password, postgres ? "DROP SCHEMA " + database + " CASCADE"
                        : "DROP DATABASE " + database);
            }
        }
    }

    private static void run(String url, String user, String password, int chatCount, int messageCount,
                            int userCount, int runs) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            JdbcDatabase jdbc = TestDatabase.migrated(dataSource);
            JdbcChatRepository chats = new JdbcChatRepository(jdbc);
            Vocabulary words = new Vocabulary(new Random(7), 20_000);
            long started = System.nanoTime();
            fill(chats, words, chatCount, messageCount, userCount);
            System.out.printf("filled %,d chats / %,d messages over %d users in %.1f s (%s)%n", chatCount,
                    (long) chatCount * messageCount, userCount, (System.nanoTime() - started) / 1e9, jdbc.dialect());
            started = System.nanoTime();
            int indexed = MariaDbSearchIndexing.indexer(jdbc, false).indexWrittenBefore(Long.MAX_VALUE);
            System.out.printf("indexed %,d queued messages in %.1f s%n", indexed, (System.nanoTime() - started) / 1e9);
            analyse(dataSource, jdbc.dialect());

            UserId searcher = userOf(0);
            List<String> phrases = List.of(words.rare(), words.rare().substring(1, 6), words.common(),
                    words.common() + " " + words.common(), "zq", "no such phrase anywhere");
            for (String phrase : phrases) {
                ChatQuery query = new ChatQuery(Optional.of(searcher), Flag.ANY, Flag.ANY, FolderScope.any(),
                        Optional.empty(), ChatOrder.RECENT_FIRST, new PageRequest(0, 60)).withTextContains(phrase);
                for (boolean grams : jdbc.dialect().keepsSearchGrams() ? new boolean[]{false, true}
                        : new boolean[]{false}) {
                    ChatQuerySql select = ChatQuerySql.select(jdbc.dialect(), grams, "id", query);
                    time(dataSource, select, phrase, grams, runs);
                }
            }
            ChatQuerySql plan = ChatQuerySql.select(jdbc.dialect(), jdbc.searchGramsIndexed(), "id",
                    new ChatQuery(Optional.of(searcher), Flag.ANY, Flag.ANY, FolderScope.any(), Optional.empty(),
                            ChatOrder.RECENT_FIRST, new PageRequest(0, 60)).withTextContains(words.rare()));
            printPlan(dataSource, plan);
        }
    }

    private static UserId userOf(int index) {
        return new UserId("bench-user-" + index);
    }

    private static void fill(JdbcChatRepository chats, Vocabulary words, int chatCount, int messageCount,
                             int userCount) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int worker = 0; worker < 8; worker++) {
                int first = worker;
                done.add(pool.submit(() -> {
                    Random random = new Random(first);
                    for (int i = first; i < chatCount; i += 8) {
                        chats.add(Chat.start(new ChatId(UUID.randomUUID().toString()), userOf(i % userCount),
                                conversation(words, random, messageCount), null, 1_700_000_000L + i));
                    }
                    return null;
                }));
            }
            for (Future<?> worker : done) {
                worker.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static Map<String, Object> conversation(Vocabulary words, Random random, int messageCount) {
        Map<String, Object> messages = new LinkedHashMap<>();
        for (int i = 0; i < messageCount; i++) {
            String id = "m" + i;
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("id", id);
            message.put("parentId", i == 0 ? null : "m" + (i - 1));
            message.put("childrenIds", i + 1 < messageCount ? List.of("m" + (i + 1)) : List.of());
            message.put("role", i % 2 == 0 ? "user" : "assistant");
            message.put("content", words.sentence(random, 40 + random.nextInt(120)));
            messages.put(id, message);
        }
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("messages", messages);
        history.put("currentId", "m" + (messageCount - 1));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("title", words.sentence(random, 4));
        document.put("history", history);
        return document;
    }

    private static void analyse(HikariDataSource dataSource, SqlDialect dialect) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(dialect == SqlDialect.MARIADB ? "ANALYZE TABLE chat, chat_message"
                    : "ANALYZE chat; ANALYZE chat_message");
        }
    }

    private static void time(HikariDataSource dataSource, ChatQuerySql select, String phrase, boolean grams,
                             int runs) throws Exception {
        long[] nanos = new long[runs];
        int found = 0;
        for (int run = -2; run < runs; run++) {
            long started = System.nanoTime();
            int rows = 0;
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = connection.prepareStatement(select.sql())) {
                select.bind(statement);
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        rows++;
                    }
                }
            }
            if (run >= 0) {
                nanos[run] = System.nanoTime() - started;
                found = rows;
            }
        }
        Arrays.sort(nanos);
        System.out.printf("%-32s %-9s found %3d  median %8.2f ms  max %8.2f ms%n", '"' + phrase + '"',
                grams ? "grams" : "like", found, nanos[runs / 2] / 1e6, nanos[runs - 1] / 1e6);
    }

    private static void printPlan(HikariDataSource dataSource, ChatQuerySql select) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("EXPLAIN " + select.sql())) {
            select.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    StringBuilder line = new StringBuilder();
                    for (int i = 1; i <= columns; i++) {
                        line.append(rows.getMetaData().getColumnLabel(i)).append('=').append(rows.getString(i))
                                .append(' ');
                    }
                    System.out.println(line);
                }
            }
        }
    }

    private static void execute(String url, String user, String password, String sql) throws Exception {
        try (Connection connection = java.sql.DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Made-up words with a Zipf-like frequency: a few very common, most rare. */
    private static final class Vocabulary {
        private final String[] words;

        Vocabulary(Random random, int size) {
            words = new String[size];
            for (int i = 0; i < size; i++) {
                StringBuilder word = new StringBuilder();
                int length = 3 + random.nextInt(8);
                for (int c = 0; c < length; c++) {
                    word.append((char) ('a' + random.nextInt(26)));
                }
                words[i] = word.toString();
            }
        }

        String sentence(Random random, int length) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < length; i++) {
                // Zipf-like: index = size^u - 1 for u uniform in [0, 1).
                int index = (int) Math.pow(words.length, random.nextDouble()) - 1;
                text.append(i == 0 ? "" : " ").append(words[index]);
            }
            return text.toString();
        }

        String common() {
            return words[2];
        }

        /** A word used a few hundred times in 200,000 messages, at least five letters long. */
        String rare() {
            for (int i = 3_000; i < words.length; i++) {
                if (words[i].length() >= 6) {
                    return words[i];
                }
            }
            throw new IllegalStateException("no long word");
        }
    }
}
