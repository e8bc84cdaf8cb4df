package dev.chats.adapters.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.chats.adapters.jdbc.search.SearchGrams;
import dev.chats.domain.chat.ChatQuery;
import dev.chats.domain.chat.ChatSortField;
import dev.chats.domain.chat.Flag;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;

/**
 * The SQL databases this adapter speaks, told apart by the JDBC URL or the connected product, and what differs
 * between them: the message upsert, LIKE escaping, H2's ordering hint, MariaDB's statement size limit and search
 * grams (the search machinery itself lives in {@code search}).
 */
public enum SqlDialect {

    H2("h2",
            "MERGE INTO chat_message (chat_id, message_id, position, parent_id, content_text, body)"
                    + " KEY (chat_id, message_id) VALUES (?, ?, ?, ?, ?, ?)") {

        /**
         * The leading columns of the {@code (user_id, …, updated_at DESC, id)} index that serves this query, each
         * fixed to one value by the query's conditions. Ordering by them first changes no result, but H2 uses an
         * index for ORDER BY only when the ORDER BY columns begin the index: without them it sorted all of a user's
         * rows for every page (278x slower at 100k chats than at 1k).
         */
        @Override
        String chatOrderLead(ChatQuery query) {
            if (query.owner().isEmpty() || query.order().field() == ChatSortField.TITLE) {
                return "";
            }
            if (query.order().field() == ChatSortField.UPDATED_AT
                    && query.archived() != Flag.ANY && query.pinned() != Flag.ANY) {
                return "user_id, archived, pinned, ";
            }
            if (query.order().field() == ChatSortField.UPDATED_AT && !query.folder().onlyRoot()
                    && query.folder().folderSet().map(folders -> folders.size() == 1).orElse(false)) {
                return "user_id, folder_id, ";
            }
            return "user_id, ";
        }
    },
    POSTGRESQL("postgresql",
            "INSERT INTO chat_message (chat_id, message_id, position, parent_id, content_text, body)"
                    + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (chat_id, message_id) DO UPDATE SET"
                    + " position = EXCLUDED.position, parent_id = EXCLUDED.parent_id,"
                    + " content_text = EXCLUDED.content_text, body = EXCLUDED.body"),
    MARIADB("mariadb",
            "INSERT INTO chat_message (chat_id, message_id, position, parent_id, content_text, body)"
                    + " VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
                    + " position = VALUES(position), parent_id = VALUES(parent_id),"
                    + " content_text = VALUES(content_text), body = VALUES(body)") {

        /** The server's {@code max_allowed_packet}: a longer statement is refused and its connection closed. */
        @Override
        StatementSizeLimit statementSizeLimit(Transactions transactions) {
            return StatementSizeLimit.of(transactions.read("read max_allowed_packet", connection -> {
                try (Statement statement = connection.createStatement();
                     ResultSet row = statement.executeQuery("SELECT @@max_allowed_packet")) {
                    row.next();
                    return row.getLong(1);
                }
            }));
        }
    };

    private final String migrationFolder;
    private final String upsertMessage;

    SqlDialect(String migrationFolder, String upsertMessage) {
        this.migrationFolder = migrationFolder;
        this.upsertMessage = upsertMessage;
    }

    /**
     * The dialect of the database behind {@code dataSource}: told by the pool's JDBC URL where its driver names one
     * database, else read from the driver's metadata, which takes a connection (at start-up, waiting for the pool's
     * first one: on a new H2 file, the creation of the database).
     */
    public static SqlDialect of(DataSource dataSource) {
        if (dataSource instanceof HikariDataSource pool) {
            Optional<SqlDialect> named = ofUrl(pool.getJdbcUrl());
            if (named.isPresent()) {
                return named.get();
            }
        }
        return connected(dataSource);
    }

    /**
     * The dialect read from the metadata of a new connection to {@code dataSource}.
     *
     * @throws JdbcAccessException if no connection can be had
     */
    static SqlDialect connected(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return ofProduct(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new JdbcAccessException("cannot connect to the database to tell its dialect", e);
        }
    }

    /** The dialect a JDBC URL's driver prefix names, if it names one this adapter speaks. */
    static Optional<SqlDialect> ofUrl(String jdbcUrl) {
        if (jdbcUrl == null) {
            return Optional.empty();
        }
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return Optional.of(H2);
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return Optional.of(POSTGRESQL);
        }
        if (jdbcUrl.startsWith("jdbc:mariadb:") || jdbcUrl.startsWith("jdbc:mysql:")) {
            return Optional.of(MARIADB);
        }
        return Optional.empty();
    }

    static SqlDialect ofProduct(String productName) {
        String product = productName.toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return H2;
        }
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        if (product.contains("mariadb") || product.contains("mysql")) {
            return MARIADB;
        }
        throw new IllegalStateException("unsupported database: " + productName
                + " (supported: H2, PostgreSQL, MariaDB/MySQL)");
    }

    /**
     * The escape character of LIKE patterns and the clause naming it. PostgreSQL and H2 take the standard
     * backslash without a clause, which keeps the pattern a plain parameter their indexes can use; MariaDB names
     * a character that means the same whatever its {@code sql_mode}.
     */
    char likeEscape() {
        return this == MARIADB ? '!' : '\\';
    }

    String likeEscapeClause() {
        return this == MARIADB ? " ESCAPE '!'" : "";
    }

    /** Flyway location of this dialect's migrations. */
    public String migrationLocation() {
        return "classpath:db/migration/" + migrationFolder;
    }

    /**
     * Whether rows carry {@link SearchGrams} for a full-text index: {@code chat_message_search.grams} beside each
     * message row and {@code chat.search_grams} (title and legacy messages). MariaDB has no trigram index;
     * PostgreSQL indexes the text itself (pg_trgm) and H2 scans.
     */
    boolean keepsSearchGrams() {
        return this == MARIADB;
    }

    /**
     * The JDBC isolation level at which all statements of a transaction read one snapshot, rows inserted meanwhile
     * included: REPEATABLE READ on PostgreSQL and InnoDB; H2 needs its own SNAPSHOT level (6), since its REPEATABLE
     * READ lets new rows appear.
     */
    int snapshotIsolation() {
        return this == H2 ? 6 : Connection.TRANSACTION_REPEATABLE_READ;
    }

    /**
     * A statement that, run first in a transaction, gives that transaction alone the snapshot level; null where the
     * level is set on the connection around the transaction. On PostgreSQL this saves the round trips of reading,
     * setting and restoring the connection's level (and the pool's own restore) on every read of a chat.
     */
    String snapshotStatement() {
        return this == POSTGRESQL ? "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ" : null;
    }

    /** Inserts a message row or replaces the one with the same (chat id, message id). */
    String upsertMessage() {
        return upsertMessage;
    }

    /**
     * Columns to order a chat list by before its sort column, changing no result but letting this database serve
     * the order from an index; none where the database needs no help (PostgreSQL, and MariaDB, which even sorts
     * when given them).
     */
    String chatOrderLead(ChatQuery query) {
        return "";
    }

    /** What one statement may carry to this database; no limit unless the dialect says otherwise. */
    StatementSizeLimit statementSizeLimit(Transactions transactions) {
        return StatementSizeLimit.NONE;
    }
}
