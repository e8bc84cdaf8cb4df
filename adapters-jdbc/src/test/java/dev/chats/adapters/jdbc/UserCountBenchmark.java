package dev.chats.adapters.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.chats.domain.chat.ChatOrder;
import dev.chats.domain.chat.ChatQuery;
import dev.chats.domain.chat.Flag;
import dev.chats.domain.chat.FolderScope;
import dev.chats.domain.chat.PageRequest;
import dev.chats.domain.user.UserId;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Does one user's page 1 and search cost the same in a database of {@code users} users × {@code chats} chats as in
 * a database holding that user alone? (Not a test: run by hand, see the README.) Fills two databases of its own,
 * times both queries in each alternately, prints the medians and ratios, and drops them.
 *
 * <p>Arguments: {@code url=jdbc:postgresql://127.0.0.1:5432/test user=postgres password= users=1000 chats=100
 * runs=200}; {@code url=jdbc:h2:mem:x} for H2.
 */
public final class UserCountBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("url", "jdbc:h2:mem:x", "user", "sa",
                "password", "", "users", "1000", "chats", "100", "runs", "200"));
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "");
        }
        int users = Integer.parseInt(options.get("users"));
        int chats = Integer.parseInt(options.get("chats"));
        int runs = Integer.parseInt(options.get("runs"));
        try (BenchDatabase alone = BenchDatabase.create(options.get("url"), options.get("user"),
                options.get("password"));
             BenchDatabase crowded = BenchDatabase.create(options.get("url"), options.get("user"),
                     options.get("password"))) {
            SqlDialect dialect = TestDatabase.migrated(alone.dataSource()).dialect();
            TestDatabase.migrated(crowded.dataSource());
            long started = System.nanoTime();
            SidebarBenchmark.fill(alone.dataSource(), "user-0", chats, 0, 1);
            for (int user = 0; user < users; user++) {
                SidebarBenchmark.fill(crowded.dataSource(), "user-" + user, chats, user, 1);
            }
            SidebarBenchmark.analyse(alone.dataSource(), dialect);
            SidebarBenchmark.analyse(crowded.dataSource(), dialect);
            System.out.printf("filled %,d chats alone and %,d users x %,d chats in %.1f s (%s)%n", chats, users,
                    chats, (System.nanoTime() - started) / 1e9, dialect);
            ChatQuerySql page = SidebarBenchmark.sidebarPage(dialect, "user-0");
            ChatQuerySql search = ChatQuerySql.select(dialect, false, "id, title, updated_at, created_at",
                    new ChatQuery(Optional.of(new UserId("user-0")), Flag.ANY, Flag.ANY, FolderScope.any(),
                            Optional.empty(), ChatOrder.RECENT_FIRST, new PageRequest(0, 60))
                            .withTextContains("chat 7"));
            for (var query : Map.of("title page 1", page, "search \"chat 7\"", search).entrySet()) {
                long[][] nanos = new long[2][runs];
                for (int run = -10; run < runs; run++) {
                    long one = timeOnce(alone.dataSource(), query.getValue());
                    long many = timeOnce(crowded.dataSource(), query.getValue());
                    if (run >= 0) {
                        nanos[0][run] = one;
                        nanos[1][run] = many;
                    }
                }
                Arrays.sort(nanos[0]);
                Arrays.sort(nanos[1]);
                double oneMedian = nanos[0][runs / 2] / 1e6;
                double manyMedian = nanos[1][runs / 2] / 1e6;
                System.out.printf("%s, median of %d: %.3f ms alone, %.3f ms among %,d users; ratio %.2f%n",
                        query.getKey(), runs, oneMedian, manyMedian, users, manyMedian / oneMedian);
                SidebarBenchmark.plan(crowded.dataSource(), query.getValue()).forEach(System.out::println);
            }
        }
    }

    private static long timeOnce(HikariDataSource dataSource, ChatQuerySql select) throws Exception {
        long started = System.nanoTime();
        int rows = BenchDatabase.rows(dataSource, select);
        if (rows == 0) {
            throw new IllegalStateException("the query found nothing: " + select.sql());
        }
        return System.nanoTime() - started;
    }
}
