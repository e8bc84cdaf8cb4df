package dev.chats.adapters.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.chats.domain.chat.ChatOrder;
import dev.chats.domain.chat.ChatQuery;
import dev.chats.domain.chat.Flag;
import dev.chats.domain.chat.FolderScope;
import dev.chats.domain.chat.PageRequest;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.user.UserId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat lists a user pages through are read in the order of an index, so a page costs the same however many
 * chats the user has: the database's own plan, on each vendor, for a user with many chats among other users'.
 * (How fast, measured: {@link SidebarBenchmark}.)
 */
class ChatListPlanTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void pages_of_one_users_chats_are_read_in_index_order(TestDatabase.Vendor vendor) throws Exception {
        try (HikariDataSource dataSource = TestDatabase.emptyDataSource(vendor)) {
            SqlDialect dialect = TestDatabase.migrated(dataSource).dialect();
            SidebarBenchmark.fill(dataSource, "many", 6_000, 0, 1);
            for (int other = 0; other < 10; other++) {
                SidebarBenchmark.fill(dataSource, "other-" + other, 400, 1 + other, 1);
            }
            SidebarBenchmark.analyse(dataSource, dialect);

            UserId owner = new UserId("many");
            PageRequest page = new PageRequest(0, 60);
            List<ChatQuery> lists = List.of(
                    // the sidebar: not archived, not pinned, outside folders
                    new ChatQuery(Optional.of(owner), Flag.ONLY_FALSE, Flag.ONLY_FALSE, FolderScope.rootOnly(),
                            Optional.empty(), ChatOrder.RECENT_FIRST, page),
                    // pinned chats, archived chats
                    new ChatQuery(Optional.of(owner), Flag.ONLY_FALSE, Flag.ONLY_TRUE, FolderScope.any(),
                            Optional.empty(), ChatOrder.RECENT_FIRST, page),
                    new ChatQuery(Optional.of(owner), Flag.ONLY_TRUE, Flag.ONLY_FALSE, FolderScope.any(),
                            Optional.empty(), ChatOrder.RECENT_FIRST, page),
                    // every chat of the user (export, stats), and one folder's chats
                    ChatQuery.allOf(owner, page),
                    new ChatQuery(Optional.of(owner), Flag.ANY, Flag.ANY, FolderScope.in(Set.of(new FolderId("f"))),
                            Optional.empty(), ChatOrder.RECENT_FIRST, page));
            for (ChatQuery list : lists) {
                List<String> plan = SidebarBenchmark.plan(dataSource,
                        ChatQuerySql.select(dialect, false, "id, title, updated_at, created_at", list));
                String described = String.join("\n", plan);
                switch (dialect) {
                    case H2 -> assertThat(described).as("H2 plan of %s", list).contains("index sorted");
                    case POSTGRESQL -> assertThat(described).as("PostgreSQL plan of %s", list)
                            .contains("Index Scan").doesNotContain("Sort").doesNotContain("Seq Scan");
                    case MARIADB -> assertThat(described).as("MariaDB plan of %s", list)
                            .doesNotContain("filesort").doesNotContain("type=ALL");
                }
            }
        }
    }
}
