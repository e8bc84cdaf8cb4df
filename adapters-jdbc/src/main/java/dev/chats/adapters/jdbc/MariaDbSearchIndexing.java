package dev.chats.adapters.jdbc;

import dev.chats.adapters.jdbc.search.MariaDbSearchIndexer;
import dev.chats.adapters.jdbc.search.UnitsOfWork;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;

/**
 * Makes the {@link MariaDbSearchIndexer} bean on this adapter's {@link Transactions}: scheduled on MariaDB, idle on
 * the databases that keep no search grams. Created eagerly, so messages queued before a restart are indexed without
 * waiting for a first search.
 */
@Factory
@JdbcPersistence
final class MariaDbSearchIndexing {

    @Context
    @Bean(preDestroy = "stop")
    MariaDbSearchIndexer mariaDbSearchIndexer(JdbcDatabase database) {
        return indexer(database, database.dialect().keepsSearchGrams());
    }

    /** An indexer on the database's units of work; {@code scheduled} says whether it indexes on its own. */
    static MariaDbSearchIndexer indexer(JdbcDatabase database, boolean scheduled) {
        Transactions transactions = database.transactions();
        return new MariaDbSearchIndexer(new UnitsOfWork() {
            @Override
            public <T> T read(String what, Work<T> work) {
                return transactions.read(what, work::run);
            }

            @Override
            public <T> T inTransaction(String what, Work<T> work) {
                return transactions.inTransaction(what, work::run);
            }
        }, scheduled);
    }
}
