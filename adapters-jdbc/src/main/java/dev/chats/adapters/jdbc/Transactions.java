package dev.chats.adapters.jdbc;

import dev.chats.domain.port.OutageBreaker;
import dev.chats.domain.port.StoreUnavailableException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs a unit of work on one connection, committed as a whole or not at all, within bounded waits: every read of
 * the connection gives up after the network timeout (a database that stops answering without closing the
 * connection would otherwise hold the request for ever), and while the database is known away the
 * {@link OutageBreaker} refuses work at once. A transaction the database aborts to resolve a deadlock or a
 * serialization conflict is run again, a few times, so contention between writers never reaches the client.
 */
final class Transactions {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final int ATTEMPTS = 6;
    /** {@link Connection#setNetworkTimeout} needs an executor for aborting; the drivers used here run it inline. */
    private static final Executor INLINE = Runnable::run;

    private final DataSource dataSource;
    private final int networkTimeoutMillis;
    private final OutageBreaker breaker;
    private final int snapshotIsolation;

    /**
     * @param snapshotIsolation the JDBC isolation level at which every statement of a transaction reads one
     *                          snapshot, new rows included: REPEATABLE READ on PostgreSQL and MariaDB, H2's own
     *                          SNAPSHOT level (its REPEATABLE READ lets new rows appear)
     */
    Transactions(DataSource dataSource, Duration networkTimeout, OutageBreaker breaker, int snapshotIsolation) {
        this.dataSource = dataSource;
        this.snapshotIsolation = snapshotIsolation;
        this.networkTimeoutMillis = Math.toIntExact(networkTimeout.toMillis());
        this.breaker = breaker;
    }

    /** Runs {@code work} in a transaction; any exception rolls it back and propagates (SQL errors wrapped). */
    <T> T inTransaction(String what, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return onConnection(what, connection -> inOneTransaction(connection, work));
            } catch (JdbcAccessException e) {
                if (attempt == ATTEMPTS || !abortedByContention(e.getCause())) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    /** Runs a read of one statement on one connection without opening a transaction of its own. */
    <T> T read(String what, Work<T> work) {
        return onConnection(what, work);
    }

    /**
     * Runs a read of several statements that must see one state of the database (a chat row and its message rows):
     * a transaction at snapshot isolation, where every statement reads the snapshot of the first. At the default
     * READ COMMITTED a write committed between the statements would be seen half.
     */
    <T> T snapshot(String what, Work<T> work) {
        return onConnection(what, connection -> {
            int isolation = connection.getTransactionIsolation();
            connection.setTransactionIsolation(snapshotIsolation);
            try {
                return inOneTransaction(connection, work);
            } finally {
                connection.setTransactionIsolation(isolation);
            }
        });
    }

    private <T> T onConnection(String what, Work<T> work) {
        boolean probe = breaker.admit(what);
        try (Connection connection = dataSource.getConnection()) {
            connection.setNetworkTimeout(INLINE, networkTimeoutMillis);
            T result = work.run(connection);
            breaker.succeeded(probe);
            return result;
        } catch (SQLException e) {
            RuntimeException failure = failure(what, e);
            if (failure instanceof StoreUnavailableException) {
                breaker.failed(probe);
            } else {
                breaker.succeeded(probe);
            }
            throw failure;
        } catch (RuntimeException e) {
            breaker.released(probe);
            throw e;
        }
    }

    private static <T> T inOneTransaction(Connection connection, Work<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** A constraint refused the write (SQL state class 23): a unique key taken, a reference missing. */
    static boolean violatesIntegrity(Throwable cause) {
        return cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23");
    }

    /** Deadlock victims and serialization failures (SQL state 40001, PostgreSQL's 40P01): safe to run again. */
    private static boolean abortedByContention(Throwable cause) {
        return cause instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().equals("40001") || sql.getSQLState().equals("40P01"));
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while retrying a transaction", e);
        }
    }

    /** A lost or refused connection (SQL state class 08, or the pool timing out) is the store being away. */
    private static RuntimeException failure(String what, SQLException e) {
        boolean unavailable = e instanceof SQLTransientConnectionException
                || e instanceof SQLNonTransientConnectionException
                || (e.getSQLState() != null && e.getSQLState().startsWith("08"));
        if (unavailable) {
            return new StoreUnavailableException(what + " failed: the database is unreachable", e);
        }
        return new JdbcAccessException(what + " failed", e);
    }
}
