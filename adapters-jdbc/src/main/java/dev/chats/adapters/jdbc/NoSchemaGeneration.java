package dev.chats.adapters.jdbc;

import io.micronaut.context.BeanLocator;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.env.Environment;
import io.micronaut.data.jdbc.config.SchemaGenerator;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;

/**
 * Stands in for micronaut-data's schema generator ({@code datasources.*.schema-generate}), which would create
 * tables from the mapped row records: here the schema is the migrations' ({@link SchemaMigrationRun}) alone, and
 * the setting is ignored with a warning. The generator is an eager bean that built micronaut-data's entity registry
 * and its listeners at every start to find that nothing was asked of it: about 3 % of the main thread's time to the
 * first answer.
 */
@Context
@Singleton
@JdbcPersistence
@Replaces(SchemaGenerator.class)
final class NoSchemaGeneration extends SchemaGenerator {

    static final String SETTING = "datasources.default.schema-generate";

    private static final Logger LOG = LoggerFactory.getLogger(NoSchemaGeneration.class);

    NoSchemaGeneration(Environment environment) {
        super(List.of(), null, List.of(), environment);
        environment.getProperty(SETTING, String.class)
                .filter(value -> !"none".equals(value.trim().toLowerCase(Locale.ROOT)))
                .ifPresent(value -> LOG.warn("{}={} is ignored: the schema is created and updated by the server's "
                        + "migrations", SETTING, value));
    }

    @Override
    public void createOrValidateSchema(BeanLocator beanLocator) {
        // Nothing to create or validate: the migrations own the schema.
    }
}
