package dev.chats.adapters.jdbc;

import dev.chats.adapters.jdbc.search.MariaDbSearch;
import dev.chats.adapters.jdbc.search.SearchGrams;
import dev.chats.domain.port.OutageBreaker;
import dev.chats.domain.port.StoreUnavailableException;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.LongAdder;

/**
 * The configured SQL database ({@code datasources.default}), reached through micronaut-data's connection and
 * transaction operations; every unit of work waits until its schema is up to date ({@link SchemaMigrationRun},
 * {@link JdbcMigrations}). Created eagerly and first of the eager beans, so that the migration, which begins when
 * the pool exists (after a check that the database answers, {@link DatabaseReachable}), runs beside the building of
 * everything else.
 */
@Context
@Order(Ordered.HIGHEST_PRECEDENCE)
@JdbcPersistence
public final class JdbcDatabase {

    private final SqlDialect dialect;
    private final Transactions transactions;
    private final Rows rows;
    private final JsonColumns json;
    private final boolean searchGramsIndexed;
    private final StatementSizeLimit statementSizeLimit;
    private final LongAdder versionConflicts = new LongAdder();
    private final SchemaMigrationRun migration;

    public JdbcDatabase(DataSource dataSource, TransactionOperations<Connection> transactionOperations,
                        ConnectionOperations<Connection> connectionOperations, BeanProvider<JdbcOperations> rows,
                        JsonMapper mapper, JdbcSettings settings, SchemaMigrationRun migration) {
        this.dialect = SqlDialect.of(DelegatingDataSource.unwrapDataSource(dataSource));
        this.migration = migration;
        this.transactions = new Transactions(transactionOperations, connectionOperations, settings.networkTimeout(),
                new OutageBreaker(settings.outageFailFast()), dialect.snapshotIsolation(), dialect.snapshotStatement(),
                this::awaitSchema);
        this.rows = new Rows(rows::get);
        this.json = new JsonColumns(mapper);
        this.searchGramsIndexed = dialect.keepsSearchGrams() && fullTextIndexesSearchGrams(transactions);
        this.statementSizeLimit = dialect.statementSizeLimit(transactions);
    }

    /**
     * Whether the server's full-text settings index {@link SearchGrams} tokens: an administrator may have raised
     * {@code innodb_ft_min_token_size} above their length, and then search must not rely on the index.
     */
    private static boolean fullTextIndexesSearchGrams(Transactions transactions) {
        return transactions.read("read full-text settings", MariaDbSearch::indexesGrams);
    }

    public SqlDialect dialect() {
        return dialect;
    }

    /**
     * Returns once the schema is migrated; a unit of work that meets a failed migration answers as one that finds the
     * database away (the server stops meanwhile, {@link SchemaMigrationRun}).
     */
    private void awaitSchema() {
        try {
            migration.awaitMigrated();
        } catch (IllegalStateException e) {
            throw new StoreUnavailableException("the database schema could not be migrated", e);
        }
    }

    /** Whether the schema is still being migrated: units of work wait for it, readiness reports it at once. */
    public boolean migrating() {
        return migration.migrating();
    }

    /**
     * Checks that the database answers now, within the same bounds as any request (and at once while it is known
     * away); for the readiness check.
     *
     * @throws StoreUnavailableException if it does not
     */
    public void ping() {
        transactions.read("check the database", connection -> {
            if (!connection.isValid(2)) {
                throw new SQLTransientConnectionException("the connection did not answer a ping", "08000");
            }
            return null;
        });
    }

    /**
     * Chat updates refused because another writer committed first since the chat was read; each one is retried on a
     * fresh read by the application, so this counts contention, not failures. For the metrics.
     */
    public long versionConflicts() {
        return versionConflicts.sum();
    }

    void countVersionConflict() {
        versionConflicts.increment();
    }

    /** What one statement may carry to this database. */
    StatementSizeLimit statementSizeLimit() {
        return statementSizeLimit;
    }

    /** Whether text search may ask the full-text index over {@link SearchGrams} (MariaDB). */
    boolean searchGramsIndexed() {
        return searchGramsIndexed;
    }

    Transactions transactions() {
        return transactions;
    }

    /** micronaut-data's mapping of result rows to the row records ({@code readEntity}). */
    Rows rows() {
        return rows;
    }

    JsonColumns json() {
        return json;
    }
}
