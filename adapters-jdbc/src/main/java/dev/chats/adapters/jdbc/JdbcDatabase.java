package dev.chats.adapters.jdbc;

import io.micronaut.context.annotation.Context;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import com.zaxxer.hikari.HikariDataSource;
import dev.chats.domain.port.StoreUnavailableException;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;

/**
 * The configured SQL database, its schema brought up to date before any repository touches it. Created eagerly,
 * so a server with an unreachable database or a failed migration does not start.
 */
@Context
@JdbcPersistence
public final class JdbcDatabase {

    private final SqlDialect dialect;
    private final Transactions transactions;
    private final JsonColumns json;

    private static final Logger LOG = LoggerFactory.getLogger(JdbcDatabase.class);

    @Inject
    public JdbcDatabase(DataSource dataSource, JsonMapper mapper) {
        try {
            this.dialect = SqlDialect.of(dataSource);
        } catch (JdbcAccessException e) {
            String where = dataSource instanceof HikariDataSource pool
                    ? JdbcDataSourceFactory.masked(pool.getJdbcUrl()) : "the configured datasource";
            String reason = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
            LOG.error("Cannot connect to the database at {}: {}", where, reason);
            throw new StoreUnavailableException("cannot connect to the database at " + where, e);
        }
        migrate(dataSource, dialect);
        this.transactions = new Transactions(dataSource);
        this.json = new JsonColumns(mapper);
    }

    private static void migrate(DataSource dataSource, SqlDialect dialect) {
        String schema = dataSource instanceof HikariDataSource pool ? pool.getSchema() : null;
        org.flywaydb.core.api.configuration.FluentConfiguration flyway = Flyway.configure();
        if (schema != null && !schema.isEmpty()) {
            flyway.schemas(schema).createSchemas(true);
        }
        flyway.dataSource(dataSource)
                .locations(dialect.migrationLocation())
                .table("chats_schema_history")
                .load()
                .migrate();
    }

    public SqlDialect dialect() {
        return dialect;
    }

    Transactions transactions() {
        return transactions;
    }

    JsonColumns json() {
        return json;
    }
}
