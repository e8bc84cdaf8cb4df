package dev.chats.adapters.jdbc;

import dev.chats.adapters.jdbc.search.MariaDbSearchGramsMigration;
import com.zaxxer.hikari.HikariDataSource;
import dev.chats.domain.folder.Folder;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.port.FolderNameConflictException;
import dev.chats.domain.user.UserId;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Upgrading to V6 on every SQL database: folders written before sibling names were keyed, siblings sharing a name
 * among them (earlier versions let two concurrent creates through), all keep their names and stay readable; the
 * unique key is built, and from then on a new sibling of a taken name is refused.
 */
class FolderNameKeysMigrationTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void foldersWrittenBeforeV6_getKeys_duplicatesKeepTheirNames_andNewTwinsAreRefused(TestDatabase.Vendor vendor)
            throws SQLException {
        try (HikariDataSource dataSource = TestDatabase.emptyDataSource(vendor)) {
            SqlDialect dialect = SqlDialect.of(dataSource);
            TestDatabase.replayingMigrations(Flyway.configure()).dataSource(dataSource)
                    .locations(dialect.migrationLocation())
                    .javaMigrations(dialect == SqlDialect.MARIADB
                            ? new JavaMigration[]{new MariaDbSearchGramsMigration()} : new JavaMigration[0])
                    .table("chats_schema_history").target("5").load().migrate();
            try (Connection connection = dataSource.getConnection()) {
                insertFolder(connection, "f1", "u1", null, "Projects", 1);
                insertFolder(connection, "f2", "u1", null, "projects ", 2);
                insertFolder(connection, "f3", "u1", "f1", "Drafts", 3);
                insertFolder(connection, "f4", "u2", null, "Projects", 4);
            }

            JdbcFolderRepository folders = new JdbcFolderRepository(TestDatabase.migrated(dataSource));

            assertThat(folders.findAllOwnedBy(new UserId("u1"))).extracting(Folder::name)
                    .containsExactly("Projects", "projects ", "Drafts");
            assertThat(folders.siblingNamed(new UserId("u1"), null, "PROJECTS", new FolderId("new"))).isTrue();
            assertThat(folders.siblingNamed(new UserId("u1"), new FolderId("f1"), "drafts", new FolderId("new")))
                    .isTrue();
            assertThatThrownBy(() -> folders.add(Folder.create(new FolderId("f5"), new UserId("u1"), null,
                    "Projects", null, null, 5))).isInstanceOf(FolderNameConflictException.class);
            folders.add(Folder.create(new FolderId("f6"), new UserId("u2"), null, "Drafts", null, null, 6));
        }
    }

    private static void insertFolder(Connection connection, String id, String user, String parent, String name,
                                     long createdAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO folder (id, user_id, parent_id,"
                + " name, is_expanded, meta, data, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, user);
            insert.setString(3, parent);
            insert.setString(4, name);
            insert.setBoolean(5, false);
            insert.setString(6, null);
            insert.setString(7, null);
            insert.setLong(8, createdAt);
            insert.setLong(9, createdAt);
            insert.executeUpdate();
        }
    }
}
