package dev.chats.adapters.jdbc.search;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Writes the {@link SearchGrams} of MariaDB messages that have been quiet for {@link #QUIET}: a streamed answer is
 * written many times in a few seconds, and each rewrite of a full-text indexed row leaves InnoDB an index entry
 * per token until the table is optimised. Waiting for the writes to stop indexes each message about once.
 *
 * <p>Every instance runs one; two picking the same message write the same grams, so no coordination is needed.
 * Until a message is indexed, search scans it (see {@link MariaDbSearch#textCondition}), so nothing depends on this
 * running on time, and a message left queued at shutdown is indexed after the next start.
 *
 * <p>A bean made by the adapter (on MariaDB it runs; on the other databases it stays idle), which hands it its units
 * of work.
 */
public final class MariaDbSearchIndexer {

    /** How long a message must go unwritten before its grams are written. */
    static final Duration QUIET = Duration.ofSeconds(2);
    private static final Duration PERIOD = Duration.ofSeconds(1);
    private static final int BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(MariaDbSearchIndexer.class);

    private final UnitsOfWork transactions;
    private final ScheduledExecutorService schedule;
    private volatile boolean failing;
    private volatile long backlog;

    /**
     * @param scheduled whether it indexes on its own, every second; without, only {@link #indexWrittenBefore} and
     *                  {@link #flush} index
     */
    public MariaDbSearchIndexer(UnitsOfWork transactions, boolean scheduled) {
        this.transactions = transactions;
        if (scheduled) {
            this.schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "mariadb-search-indexer");
                thread.setDaemon(true);
                return thread;
            });
            schedule.scheduleWithFixedDelay(this::indexQuietMessages, PERIOD.toMillis(), PERIOD.toMillis(),
                    TimeUnit.MILLISECONDS);
        } else {
            this.schedule = null;
        }
    }

    private void indexQuietMessages() {
        try {
            indexWrittenBefore(System.currentTimeMillis() - QUIET.toMillis());
            backlog = transactions.read("count queued messages", MariaDbSearchIndexer::countQueued);
            if (failing) {
                LOG.info("search indexing works again");
                failing = false;
            }
        } catch (RuntimeException e) {
            // Logged once per outage: the next run retries, and search scans the queued messages meanwhile.
            if (!failing) {
                LOG.warn("search indexing failed, retrying every {} s: {}", PERIOD.toSeconds(), e.getMessage());
                failing = true;
            }
        }
    }

    private static long countQueued(Connection connection) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT COUNT(*) FROM chat_message_search_pending");
             ResultSet row = count.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Whether this instance indexes at all: only on MariaDB. */
    public boolean active() {
        return schedule != null;
    }

    /**
     * Messages waiting for their search grams as of the last pass (about a second ago), those still being written
     * included; a backlog that keeps growing means the indexer cannot keep up. For the metrics.
     */
    public long backlog() {
        return backlog;
    }

    private record Queued(String chatId, String messageId, long writtenAt, String owner, String content) {
    }

    /**
     * Indexes every queued message last written before {@code writtenBefore} (epoch millis), now, on the caller's
     * thread; how many it did. For tests and benchmarks, which cannot wait for the schedule.
     */
    public int indexWrittenBefore(long writtenBefore) {
        return indexWrittenBefore(writtenBefore, Long.MAX_VALUE);
    }

    /**
     * On a graceful shutdown, after the last request has been answered: stops the schedule, lets a running pass
     * finish, then indexes every queued message, quiet or not (no more writes come from this instance), as long as
     * {@code within} allows. What is left stays queued in the database and is indexed after the next start.
     *
     * @return how many messages it indexed
     */
    public int flush(Duration within) {
        if (schedule == null) {
            return 0;
        }
        long deadline = System.nanoTime() + within.toNanos();
        schedule.shutdown();
        try {
            if (!schedule.awaitTermination(within.toMillis(), TimeUnit.MILLISECONDS)) {
                return 0;
            }
            return indexWrittenBefore(System.currentTimeMillis() + 1, deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (RuntimeException e) {
            LOG.warn("search indexing at shutdown failed; the queued messages are indexed after the next start: {}",
                    e.getMessage());
            return 0;
        }
    }

    private int indexWrittenBefore(long writtenBefore, long deadlineNanos) {
        int indexed = 0;
        while (System.nanoTime() < deadlineNanos) {
            int batch = transactions.inTransaction("index searched messages",
                    connection -> indexBatch(connection, writtenBefore));
            indexed += batch;
            if (batch < BATCH) {
                return indexed;
            }
        }
        return indexed;
    }

    private static int indexBatch(Connection connection, long writtenBefore) throws SQLException {
        List<Queued> queued = new ArrayList<>(BATCH);
        try (PreparedStatement select = connection.prepareStatement("SELECT p.chat_id, p.message_id, p.written_at,"
                + " c.user_id, m.content_text FROM chat_message_search_pending p"
                + " JOIN chat_message m ON m.chat_id = p.chat_id AND m.message_id = p.message_id"
                + " JOIN chat c ON c.id = p.chat_id WHERE p.written_at < ? ORDER BY p.written_at LIMIT " + BATCH)) {
            select.setLong(1, writtenBefore);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    queued.add(new Queued(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getString(4),
                            rows.getString(5)));
                }
            }
        }
        if (queued.isEmpty()) {
            return 0;
        }
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO chat_message_search (chat_id,"
                + " message_id, grams) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE grams = VALUES(grams)");
             PreparedStatement dequeue = connection.prepareStatement("DELETE FROM chat_message_search_pending"
                     + " WHERE chat_id = ? AND message_id = ? AND written_at = ?")) {
            for (Queued message : queued) {
                upsert.setString(1, message.chatId());
                upsert.setString(2, message.messageId());
                upsert.setString(3, SearchGrams.of(message.owner(), message.content()));
                upsert.addBatch();
                // Only if not written again meanwhile: a newer write stays queued for the next round.
                dequeue.setString(1, message.chatId());
                dequeue.setString(2, message.messageId());
                dequeue.setLong(3, message.writtenAt());
                dequeue.addBatch();
            }
            upsert.executeBatch();
            dequeue.executeBatch();
        }
        return queued.size();
    }

    /** Stops the schedule at once, a running pass included; what is queued stays queued. */
    public void stop() {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }
}
