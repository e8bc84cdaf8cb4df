package dev.chats.adapters.jdbc;

import dev.chats.domain.port.OutageBreaker;
import dev.chats.domain.port.StoreUnavailableException;
import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs a unit of work through Micronaut's connection and transaction operations, committed as a whole or not at
 * all, within bounded waits: every read of the connection gives up after the network timeout (a database that stops
 * answering without closing the connection would otherwise hold the request for ever), and while the database is
 * known away the {@link OutageBreaker} refuses work at once. A transaction the database aborts to resolve a deadlock
 * or a serialization conflict is run again, a few times, so contention between writers never reaches the client.
 * Work started inside another unit of work joins its connection and transaction.
 */
final class Transactions {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final int ATTEMPTS = 6;
    /** {@link Connection#setNetworkTimeout} needs an executor for aborting; the drivers used here run it inline. */
    private static final Executor INLINE = Runnable::run;

    private final TransactionOperations<Connection> transactions;
    private final ConnectionOperations<Connection> connections;
    private final int networkTimeoutMillis;
    private final OutageBreaker breaker;
    private final int snapshotIsolation;
    private final String snapshotStatement;
    private final Runnable schemaReady;

    /**
     * @param snapshotIsolation the JDBC isolation level at which every statement of a transaction reads one
     *                          snapshot, new rows included: REPEATABLE READ on PostgreSQL and MariaDB, H2's own
     *                          SNAPSHOT level (its REPEATABLE READ lets new rows appear)
     * @param snapshotStatement the statement that gives one transaction that level when run first in it, or null to
     *                          set the level on the connection around the transaction
     * @param schemaReady       returns once the schema is migrated (it is migrated beside the start-up)
     */
    Transactions(TransactionOperations<Connection> transactions, ConnectionOperations<Connection> connections,
                 Duration networkTimeout, OutageBreaker breaker, int snapshotIsolation, String snapshotStatement,
                 Runnable schemaReady) {
        this.transactions = transactions;
        this.connections = connections;
        this.snapshotIsolation = snapshotIsolation;
        this.snapshotStatement = snapshotStatement;
        this.networkTimeoutMillis = Math.toIntExact(networkTimeout.toMillis());
        this.breaker = breaker;
        this.schemaReady = schemaReady;
    }

    /** Runs {@code work} in a transaction; any exception rolls it back and propagates (SQL errors wrapped). */
    <T> T inTransaction(String what, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return guarded(what, () -> transactions.execute(TransactionDefinition.DEFAULT,
                        status -> bounded(status.getConnection(), work)));
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
        return guarded(what, () -> connections.execute(ConnectionDefinition.DEFAULT,
                status -> unchecked(() -> bounded(status.getConnection(), work))));
    }

    /**
     * Runs a read of several statements that must see one state of the database (a chat row and its message rows):
     * a transaction at snapshot isolation, where every statement reads the snapshot of the first. At the default
     * READ COMMITTED a write committed between the statements would be seen half. The level is set on the connection
     * before the transaction begins on it: H2's SNAPSHOT level has no {@link TransactionDefinition.Isolation}. Where
     * the dialect has a statement for it (PostgreSQL), that statement opens the transaction instead, and the
     * connection's own level is left alone.
     */
    <T> T snapshot(String what, Work<T> work) {
        if (snapshotStatement != null) {
            return guarded(what, () -> transactions.execute(TransactionDefinition.DEFAULT,
                    transaction -> bounded(transaction.getConnection(), connection -> {
                        try (Statement level = connection.createStatement()) {
                            level.execute(snapshotStatement);
                        }
                        return work.run(connection);
                    })));
        }
        return guarded(what, () -> connections.execute(ConnectionDefinition.DEFAULT, status -> unchecked(() -> {
            Connection connection = status.getConnection();
            int isolation = connection.getTransactionIsolation();
            connection.setTransactionIsolation(snapshotIsolation);
            try {
                return transactions.execute(TransactionDefinition.DEFAULT,
                        transaction -> bounded(transaction.getConnection(), work));
            } finally {
                connection.setTransactionIsolation(isolation);
            }
        })));
    }

    private <T> T bounded(Connection connection, Work<T> work) throws SQLException {
        connection.setNetworkTimeout(INLINE, networkTimeoutMillis);
        return work.run(connection);
    }

    /** The breaker's admission and verdict around a unit of work, and its SQL failure told apart. */
    private <T> T guarded(String what, Supplier<T> unit) {
        schemaReady.run();
        boolean probe = breaker.admit(what);
        try {
            T result = unit.get();
            breaker.succeeded(probe);
            return result;
        } catch (Exception e) {
            SQLException sql = sqlFailure(e);
            if (sql == null) {
                breaker.released(probe);
                throw (RuntimeException) e;
            }
            RuntimeException failure = failure(what, sql);
            if (failure instanceof StoreUnavailableException) {
                breaker.failed(probe);
            } else {
                breaker.succeeded(probe);
            }
            throw failure;
        }
    }

    /**
     * The SQL error of a failed unit of work: thrown by the work itself (the transaction operations rethrow it as
     * is), or wrapped by the connection and transaction operations when no connection could be had or the commit
     * failed. Null for every other failure, which propagates unchanged (a domain exception may carry an SQL error
     * as its cause, and keeps its meaning).
     */
    private static SQLException sqlFailure(Exception failure) {
        if (failure instanceof SQLException sql) {
            return sql;
        }
        boolean wrapper = failure instanceof SqlFailure
                || failure instanceof io.micronaut.data.connection.exceptions.ConnectionException
                || failure instanceof io.micronaut.transaction.exceptions.TransactionException
                || failure instanceof io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException
                || failure instanceof io.micronaut.transaction.jdbc.exceptions.CannotGetJdbcConnectionException;
        return wrapper && failure.getCause() instanceof SQLException sql ? sql : null;
    }

    /** Lets the transaction operations carry a checked SQL error out of a callback that may not declare it. */
    private static <T> T unchecked(java.util.concurrent.Callable<T> work) {
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new SqlFailure(e);
        }
    }

    /** A checked failure carried through a callback; {@link #sqlFailure} finds the SQL error inside. */
    private static final class SqlFailure extends RuntimeException {
        SqlFailure(Exception cause) {
            super(cause);
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
