package dev.chats.adapters.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read of several statements ({@link Transactions#snapshot}: a chat row, then its message rows) sees one state of
 * the database on every dialect: a write committed between its statements stays out of it, and the next read sees
 * it. On PostgreSQL the level comes from the transaction's first statement, so the connection returns to the pool
 * at its own level.
 */
class SnapshotReadTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Vendor.class)
    void aWriteCommittedBetweenTheStatementsOfASnapshotReadIsNotSeenByIt(TestDatabase.Vendor vendor)
            throws Exception {
        try (HikariDataSource dataSource = TestDatabase.emptyDataSource(vendor)) {
            JdbcDatabase database = TestDatabase.migrated(dataSource);
            String owner = "u-" + UUID.randomUUID();
            insertUser(dataSource, owner);
            int level;
            try (Connection pooled = dataSource.getConnection()) {
                level = pooled.getTransactionIsolation();
            }

            long[] seen = database.transactions().snapshot("read twice", connection -> {
                long first = users(connection, owner);
                insertUser(dataSource, owner + "-later");
                return new long[]{first, users(connection, owner)};
            });

            assertThat(seen[1]).as("the second statement reads the first one's snapshot").isEqualTo(seen[0]);
            long after = database.transactions().snapshot("read again", connection -> users(connection, owner));
            assertThat(after).isEqualTo(seen[0] + 1);
            try (Connection pooled = dataSource.getConnection()) {
                assertThat(pooled.getTransactionIsolation()).as("the pool's connections keep their own level")
                        .isEqualTo(level);
            }
        }
    }

    private static long users(Connection connection, String prefix) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM app_user WHERE id LIKE ?")) {
            count.setString(1, prefix + "%");
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** Written and committed on a connection of its own, as another request would. */
    private static void insertUser(HikariDataSource dataSource, String id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO app_user (id, name, email, role,"
                     + " password_hash, profile_image_url, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, "Snapshot");
            insert.setString(3, id + "@example.com");
            insert.setString(4, "user");
            insert.setString(5, "x");
            insert.setString(6, "/user.png");
            insert.setLong(7, 1_700_000_000L);
            insert.setLong(8, 1_700_000_000L);
            insert.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }
}
