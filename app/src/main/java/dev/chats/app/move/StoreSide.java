package dev.chats.app.move;

import dev.chats.domain.port.ConnectionUrls;
import dev.chats.adapters.jdbc.JdbcSchemaCheck;
import dev.chats.adapters.mongo.MongoLayout;
import dev.chats.application.transfer.TransferRefusedException;
import dev.chats.domain.transfer.DeploymentRecords;
import dev.chats.domain.port.StoreUnavailableException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.exceptions.ConfigurationException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One store of a copy, opened as the server opens it — an application context whose persistence adapter is chosen
 * by {@code chats.persistence} — but without the HTTP server, and with nothing that writes on its own (no token
 * purge, local events). A SQL database is checked before the context opens it, so a database that is unreachable,
 * refuses the credentials or has a schema of another version is refused in one line, and a source is never
 * migrated.
 */
final class StoreSide implements AutoCloseable {

    /** Settings the command's contexts always get: nothing of these reaches a store. */
    private static final Map<String, Object> QUIET = Map.of(
            "chats.events.broker", "local",
            // A placeholder: the command signs no token, and an unset secret would be generated into the data dir.
            "chats.jwt.secret", "copy-command-placeholder-secret-signs-nothing",
            "datasources.default.maximum-pool-size", 4,
            // One record may be a chat of tens of MB; its insert may take longer than a request may wait.
            "datasources.default.network-timeout", "300s",
            "mongodb.socket-timeout-millis", 300_000);

    private final ApplicationContext context;
    private final String description;

    private StoreSide(ApplicationContext context, String description) {
        this.context = context;
        this.description = description;
    }

    /**
     * The store of the server's own configuration (environment, system properties, application.yml), or of
     * {@code settings} when given.
     */
    static StoreSide configured(Role role, Map<String, Object> settings) {
        return open(ApplicationContext.builder(), settings != null ? settings : configuredSettings(), role);
    }

    /** A store given on the command line; the environment's store settings do not reach it. */
    static StoreSide given(Map<String, Object> settings, Role role) {
        return open(ApplicationContext.builder().environmentPropertySource(false), settings, role);
    }

    /** Whether the store is read from or written to: only a target may be empty or be migrated. */
    enum Role { SOURCE, TARGET }

    DeploymentRecords records() {
        return context.getBean(DeploymentRecords.class);
    }

    String description() {
        return description;
    }

    @Override
    public void close() {
        context.close();
    }

    private static StoreSide open(ApplicationContextBuilder builder, Map<String, Object> settings, Role role) {
        settings = new LinkedHashMap<>(settings);
        settings.putIfAbsent("chats.persistence", "jdbc");
        String description = describe(settings);
        if (!"mongo".equals(settings.get("chats.persistence"))) {
            // The check must connect as the context will: H2 creates a new database for whoever connects first.
            settings.putIfAbsent("datasources.default.username", "");
            settings.putIfAbsent("datasources.default.password", "");
            checkSchema(settings, role, description);
        } else {
            checkLayout(settings, role, description);
        }
        Map<String, Object> properties = new LinkedHashMap<>(QUIET);
        settings.forEach((key, value) -> {
            if (value != null) {
                properties.put(key, value);
            }
        });
        try {
            // Above every other source, JVM system properties included: this store is the one these settings name.
            ApplicationContext context = builder.environments(MoveCommand.ENVIRONMENT).deduceEnvironment(false)
                    .propertySources(PropertySource.of("chats-move", properties, Integer.MAX_VALUE)).start();
            return new StoreSide(context, description);
        } catch (RuntimeException e) {
            throw new TransferRefusedException("cannot open the " + role.name().toLowerCase() + " (" + description
                    + "): " + reason(e), e);
        }
    }

    private static void checkSchema(Map<String, Object> settings, Role role, String description) {
        String side = side(role);
        JdbcSchemaCheck.Result schema;
        try {
            schema = JdbcSchemaCheck.inspect(text(settings, "datasources.default.url"),
                    text(settings, "datasources.default.username"), text(settings, "datasources.default.password"),
                    text(settings, "datasources.default.schema"));
        } catch (JdbcSchemaCheck.Unreachable e) {
            throw new TransferRefusedException("the " + side + " is unreachable: " + e.getMessage(), e);
        }
        refuseUnusable(Standing.valueOf(schema.state().name()), "schema version " + schema.applied()
                + ", this build's is " + schema.latest(), "schema", role, description);
    }

    private static void checkLayout(Map<String, Object> settings, Role role, String description) {
        MongoLayout.Result layout;
        try {
            layout = MongoLayout.inspect(text(settings, "mongodb.uri"), text(settings, "mongodb.database"));
        } catch (MongoLayout.Unreachable e) {
            throw new TransferRefusedException("the " + side(role) + " is unreachable: " + e.getMessage(), e);
        }
        refuseUnusable(Standing.valueOf(layout.state().name()), layout.versions(), "layout", role, description);
    }

    /** Where a store's schema (SQL) or collection layout (MongoDB) stands against this build's. */
    private enum Standing { EMPTY, CURRENT, OLDER, NEWER }

    private static void refuseUnusable(Standing standing, String versions, String what, Role role,
                                       String description) {
        String side = side(role);
        switch (standing) {
            case CURRENT -> {
            }
            case EMPTY -> {
                if (role == Role.SOURCE) {
                    throw new TransferRefusedException("the source " + description
                            + " holds no chats " + what + ": is it the configured server's database?");
                }
            }
            case OLDER -> throw new TransferRefusedException("the " + side + " " + description
                    + " has an older " + what + " (" + versions + "): start this build's server on it once to"
                    + " upgrade it"
                    + (role == Role.TARGET ? ", or copy into an empty database" : ""));
            case NEWER -> throw new TransferRefusedException("the " + side + " " + description
                    + " has a newer " + what + " (" + versions + "): use the build that wrote it");
        }
    }

    private static String side(Role role) {
        return role == Role.SOURCE ? "source" : "target";
    }

    /** The configured store's settings, read from the configuration without opening anything. */
    private static Map<String, Object> configuredSettings() {
        try (ApplicationContext reader = ApplicationContext.builder().environments(MoveCommand.ENVIRONMENT)
                .deduceEnvironment(false).build()) {
            Environment environment = reader.getEnvironment().start();
            Map<String, Object> settings = new LinkedHashMap<>();
            for (String key : new String[]{"chats.persistence", "datasources.default.url",
                    "datasources.default.username", "datasources.default.password", "datasources.default.schema",
                    "mongodb.uri", "mongodb.database"}) {
                environment.getProperty(key, String.class).ifPresent(value -> settings.put(key, value));
            }
            settings.putIfAbsent("chats.persistence", "jdbc");
            return settings;
        }
    }

    private static String describe(Map<String, Object> settings) {
        if ("mongo".equals(settings.get("chats.persistence"))) {
            return "MongoDB " + ConnectionUrls.masked(String.valueOf(settings.getOrDefault("mongodb.uri", "mongodb://127.0.0.1")))
                    + " database " + settings.getOrDefault("mongodb.database", "chats");
        }
        Object schema = settings.get("datasources.default.schema");
        return ConnectionUrls.masked(String.valueOf(settings.get("datasources.default.url")))
                + (schema == null || String.valueOf(schema).isEmpty() ? "" : " schema " + schema);
    }

    private static String text(Map<String, Object> settings, String key) {
        Object value = settings.get(key);
        return value == null ? null : String.valueOf(value);
    }

    /** The innermost message that says what went wrong, in one line. */
    private static String reason(Throwable e) {
        Throwable said = e;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StoreUnavailableException || cause instanceof ConfigurationException) {
                said = cause;
                break;
            }
            said = cause;
            if (cause.getCause() == cause) {
                break;
            }
        }
        String message = String.valueOf(said.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
