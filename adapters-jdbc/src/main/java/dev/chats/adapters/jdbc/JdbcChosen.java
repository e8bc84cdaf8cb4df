package dev.chats.adapters.jdbc;

import io.micronaut.context.env.PropertyExpressionResolver;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.core.value.PropertyResolver;

import java.util.Optional;

/**
 * The placeholder {@code ${chats.jdbc-chosen}}: {@code true} when {@code chats.persistence} is {@code jdbc} (the
 * default), else {@code false}. The configuration switches micronaut-jdbc-hikari's datasource with it
 * ({@code datasources.default.enabled}), so a server on MongoDB creates no pool and opens no connection, whatever
 * {@code DATASOURCES_DEFAULT_URL} says; the module's own switch takes only a boolean.
 */
public final class JdbcChosen implements PropertyExpressionResolver {

    static final String EXPRESSION = "chats.jdbc-chosen";

    @Override
    public <T> Optional<T> resolve(PropertyResolver properties, ConversionService conversion, String expression,
                                   Class<T> requiredType) {
        if (!EXPRESSION.equals(expression)) {
            return Optional.empty();
        }
        boolean chosen = "jdbc".equals(properties.getProperty("chats.persistence", String.class).orElse("jdbc"));
        return conversion.convert(chosen, requiredType);
    }
}
