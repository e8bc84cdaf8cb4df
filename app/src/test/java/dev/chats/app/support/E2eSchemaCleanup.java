package dev.chats.app.support;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Drops the schema an end-to-end context created on the shared PostgreSQL server when the context stops. */
@Context
@Requires(property = "chats.test.drop-schema-on-stop", value = "true")
final class E2eSchemaCleanup {

    private final DataSource dataSource;
    private final String schema;

    E2eSchemaCleanup(DataSource dataSource, @Value("${datasources.default.schema}") String schema) {
        this.dataSource = dataSource;
        this.schema = schema;
    }

    @PreDestroy
    void dropSchema() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA \"" + schema.replace("\"", "") + "\" CASCADE");
        }
    }
}
