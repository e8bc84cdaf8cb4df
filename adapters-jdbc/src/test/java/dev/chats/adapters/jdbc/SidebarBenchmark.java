package dev.chats.adapters.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
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
import java.util.UUID;

import javax.sql.DataSource;

/**
 * Sidebar benchmark on a SQL database (not a test: run by hand, see the README): is the first title page of a user
 * with {@code many} chats as fast as that of a user with {@code few}, in a database holding {@code others} more
 * chats of other users? Fills a database of its own with chat rows (bodies empty: the title list never reads them),
 * times page 1 of the sidebar query the repository runs for both users, prints both medians, their ratio and the
 * plans, and drops the database.
 *
 * <p>Arguments: {@code url=jdbc:postgresql://127.0.0.1:5432/test user=postgres password= few=1000 many=100000
 * others=100000 runs=50}, and {@code keep} to keep the filled database for EXPLAIN by hand; an H2 URL
 * ({@code jdbc:h2:mem:…}) uses an in-memory database.
 */
public final class SidebarBenchmark {

    private static final int PAGE = 60;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("url", "jdbc:h2:mem:sidebar", "user", "sa",
                "password", "", "few", "1000", "many", "100000", "others", "100000", "runs", "50"));
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "");
        }
        try (BenchDatabase database = BenchDatabase.create(options.get("url"), options.get("user"),
                options.get("password"), options.containsKey("keep"))) {
            run(database.dataSource(), Integer.parseInt(options.get("few")), Integer.parseInt(options.get("many")),
                    Integer.parseInt(options.get("others")), Integer.parseInt(options.get("runs")));
        }
    }

    private static void run(HikariDataSource dataSource, int few, int many, int others, int runs)
            throws Exception {
        JdbcDatabase jdbc = TestDatabase.migrated(dataSource);
        long started = System.nanoTime();
        // Interleaved times, so neither user's chats are all newer than the other's or than the rest.
        fill(dataSource, "few", few, 0, many / Math.max(1, few));
        fill(dataSource, "many", many, 1, 1);
        for (int other = 0; other < 100; other++) {
            fill(dataSource, "other-" + other, others / 100, 2 + other, 1);
        }
        analyse(dataSource, jdbc.dialect());
        System.out.printf("filled %,d + %,d + %,d chats in %.1f s (%s)%n", few, many, others,
                (System.nanoTime() - started) / 1e9, jdbc.dialect());
        double[] medians = timeInterleaved(dataSource, jdbc.dialect(), runs);
        System.out.printf("title page 1, median of %d: %.3f ms with %,d chats, %.3f ms with %,d chats;"
                + " ratio %.2f%n", runs, medians[0], few, medians[1], many, medians[1] / medians[0]);
        double[] throughRepository = timeRepositoryInterleaved(new JdbcChatRepository(jdbc), runs);
        System.out.printf("through the repository (connection and transaction handling included), median of %d:"
                + " %.3f ms with %,d chats, %.3f ms with %,d chats; ratio %.2f%n", runs, throughRepository[0], few,
                throughRepository[1], many, throughRepository[1] / throughRepository[0]);
        printPlan(dataSource, jdbc.dialect(), "few");
        printPlan(dataSource, jdbc.dialect(), "many");
    }

    static ChatQuerySql sidebarPage(SqlDialect dialect, String owner) {
        return ChatQuerySql.select(dialect, false, "id, title, updated_at, created_at", sidebarQuery(owner));
    }

    private static ChatQuery sidebarQuery(String owner) {
        return new ChatQuery(Optional.of(new UserId(owner)), Flag.ONLY_FALSE, Flag.ONLY_FALSE,
                FolderScope.rootOnly(), Optional.empty(), ChatOrder.RECENT_FIRST, new PageRequest(0, PAGE));
    }

    /** As {@link #timeInterleaved}, through {@link JdbcChatRepository#findSummaries}: what a request pays. */
    private static double[] timeRepositoryInterleaved(JdbcChatRepository chats, int runs) throws Exception {
        return interleavedMedians(runs, owner -> {
            long started = System.nanoTime();
            int rows = chats.findSummaries(sidebarQuery(owner)).size();
            long elapsed = System.nanoTime() - started;
            if (rows != PAGE) {
                throw new IllegalStateException(owner + ": page 1 held " + rows + " chats, not " + PAGE);
            }
            return elapsed;
        });
    }

    static void fill(DataSource dataSource, String owner, int count, int offset, int step)
            throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO chat (id, user_id, title, body,"
                     + " created_at, updated_at, archived, pinned, meta, version) VALUES (?, ?, ?, '{}', ?, ?, ?, ?,"
                     + " '{}', 1)")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                long time = 1_600_000_000L + (long) i * step * 3 + offset;
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, owner);
                insert.setString(3, owner + " chat " + i);
                insert.setLong(4, time);
                insert.setLong(5, time);
                insert.setBoolean(6, i % 10 == 9);
                insert.setBoolean(7, i % 50 == 7);
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    static void analyse(DataSource dataSource, SqlDialect dialect) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(dialect == SqlDialect.MARIADB ? "ANALYZE TABLE chat" : "ANALYZE");
        }
    }

    /** Medians of page 1 for "few" and "many", timed alternately so that the machine's noise falls on both. */
    private static double[] timeInterleaved(HikariDataSource dataSource, SqlDialect dialect, int runs)
            throws Exception {
        return interleavedMedians(runs, owner -> timeOnce(dataSource, sidebarPage(dialect, owner), owner));
    }

    /** The time of one page 1 of an owner, in nanoseconds. */
    @FunctionalInterface
    private interface Timed {
        long nanos(String owner) throws Exception;
    }

    private static double[] interleavedMedians(int runs, Timed timed) throws Exception {
        String[] owners = {"few", "many"};
        long[][] nanos = new long[2][runs];
        for (int run = -10; run < runs; run++) {
            for (int o = 0; o < 2; o++) {
                long elapsed = timed.nanos(owners[o]);
                if (run >= 0) {
                    nanos[o][run] = elapsed;
                }
            }
        }
        double[] medians = new double[2];
        for (int o = 0; o < 2; o++) {
            Arrays.sort(nanos[o]);
            medians[o] = nanos[o][runs / 2] / 1e6;
        }
        return medians;
    }

    private static long timeOnce(HikariDataSource dataSource, ChatQuerySql select, String owner) throws Exception {
        long started = System.nanoTime();
        int rows = BenchDatabase.rows(dataSource, select);
        if (rows != PAGE) {
            throw new IllegalStateException(owner + ": page 1 held " + rows + " chats, not " + PAGE);
        }
        return System.nanoTime() - started;
    }

    private static void printPlan(HikariDataSource dataSource, SqlDialect dialect, String owner) throws Exception {
        plan(dataSource, sidebarPage(dialect, owner)).forEach(System.out::println);
    }

    /** The database's plan of a query, a line per row of its EXPLAIN. */
    static List<String> plan(DataSource dataSource, ChatQuerySql select) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("EXPLAIN " + select.sql())) {
            select.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    StringBuilder line = new StringBuilder();
                    for (int i = 1; i <= columns; i++) {
                        line.append(columns > 1 ? rows.getMetaData().getColumnLabel(i) + "=" : "")
                                .append(rows.getString(i)).append(' ');
                    }
                    lines.add(line.toString());
                }
            }
        }
        return lines;
    }
}
