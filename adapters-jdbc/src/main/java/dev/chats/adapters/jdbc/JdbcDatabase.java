package dev.chats.adapters.jdbc;

import io.micronaut.context.annotation.Context;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;

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

    @Inject
    public JdbcDatabase(DataSource dataSource, JsonMapper mapper) {
        this.dialect = SqlDialect.of(dataSource);
        migrate(dataSource, dialect);
        this.transactions = new Transactions(dataSource);
        this.json = new JsonColumns(mapper);
    }

    private static void migrate(DataSource dataSource, SqlDialect dialect) {
        Flyway.configure()
                .dataSource(dataSource)
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
