package dev.chats.adapters.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * A database of a benchmark's own on the server a URL names: a schema (PostgreSQL) or database (MariaDB) created
 * for it and dropped on close unless kept, or an in-memory H2 database (without H2's query cache, which would
 * answer a repeated query from its last result while no table changed).
 */
final class BenchDatabase implements AutoCloseable {

    private final String serverUrl;
    private final String user;
    private final String password;
    private final String name;
    private final boolean keep;
    private final HikariDataSource dataSource;

    private BenchDatabase(String serverUrl, String user, String password, String name, boolean keep,
                          String ownUrl) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
        this.name = name;
        this.keep = keep;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(ownUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        this.dataSource = new HikariDataSource(config);
    }

    static BenchDatabase create(String serverUrl, String user, String password) throws SQLException {
        return create(serverUrl, user, password, false);
    }

    static BenchDatabase create(String serverUrl, String user, String password, boolean keep) throws SQLException {
        String name = "chats_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (serverUrl.startsWith("jdbc:h2:")) {
            return new BenchDatabase(serverUrl, user, password, name, true, "jdbc:h2:mem:" + name
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
                    + ";QUERY_CACHE_SIZE=0");
        }
        boolean postgres = serverUrl.startsWith("jdbc:postgresql:");
        execute(serverUrl, user, password, postgres ? "CREATE SCHEMA " + name
                : "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        if (keep) {
            System.out.println("keeping " + name);
        }
        return new BenchDatabase(serverUrl, user, password, name, keep, postgres
                ? serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + name
                : serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + name);
    }

    HikariDataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() throws SQLException {
        dataSource.close();
        if (!keep) {
            execute(serverUrl, user, password, serverUrl.startsWith("jdbc:postgresql:")
                    ? "DROP SCHEMA " + name + " CASCADE" : "DROP DATABASE " + name);
        }
    }

    /** Runs a query of the repository's and counts the rows it answers (what a benchmark times). */
    static int rows(DataSource dataSource, ChatQuerySql select) throws SQLException {
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
        return rows;
    }

    private static void execute(String url, String user, String password, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
