package dev.chats.adapters.jdbc.search;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * How the search machinery reaches the database: the adapter's units of work (bounded waits, the outage breaker,
 * deadlock retries), handed in by the adapter so that this package depends on nothing of it.
 */
public interface UnitsOfWork {

    /** Statements run on the connection of the unit of work. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs a read without a transaction of its own. */
    <T> T read(String what, Work<T> work);

    /** Runs {@code work} in one transaction. */
    <T> T inTransaction(String what, Work<T> work);
}
