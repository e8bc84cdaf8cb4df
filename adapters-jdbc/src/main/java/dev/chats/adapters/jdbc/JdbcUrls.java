package dev.chats.adapters.jdbc;

import java.util.Locale;

/** What the adapter does to a configured JDBC URL: makes an H2 file durable. */
final class JdbcUrls {

    private JdbcUrls() {
    }

    /**
     * An H2 file database commits its log to disk up to {@code WRITE_DELAY} (500 ms) after a transaction returns,
     * so a crash would lose writes already answered 2xx. Unless the URL chooses a write delay itself, every commit
     * is written before it returns ({@code WRITE_DELAY=0}). In-memory databases and other vendors are left as they
     * are.
     */
    static String durable(String url) {
        boolean h2File = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
        if (!h2File || url.toUpperCase(Locale.ROOT).contains(";WRITE_DELAY=")) {
            return url;
        }
        return url + ";WRITE_DELAY=0";
    }
}
