package dev.chats.adapters.jdbc;

import dev.chats.domain.port.ConnectionUrls;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;

import java.util.Arrays;

/**
 * Tells, without changing anything, whether a SQL database can be reached with the given credentials and where
 * its schema stands against the migrations of this build: empty, current, older or newer. A copy asks before it
 * opens a store, so a target it must not write to is refused with one line and a source is never migrated.
 */
public final class JdbcSchemaCheck {

    /** Where a database's schema stands. */
    public enum State { EMPTY, CURRENT, OLDER, NEWER }

    /** The state, with the latest version applied and the latest this build knows. */
    public record Result(State state, String applied, String latest) {
    }

    /** The database could not be reached or read; the message is one line. */
    public static final class Unreachable extends RuntimeException {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private JdbcSchemaCheck() {
    }

    /**
     * @param schema the schema the tables live in ({@code datasources.default.schema}), or null
     * @throws Unreachable if connecting fails (no server, wrong credentials, unknown database)
     */
    public static Result inspect(String url, String user, String password, String schema) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("chats-schema-check");
        config.setJdbcUrl(url);
        config.setUsername(user == null || user.isEmpty() ? null : user);
        config.setPassword(password);
        config.setMaximumPoolSize(3);
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(-1);
        if (schema != null && !schema.isEmpty()) {
            config.setSchema(schema);
        }
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            SqlDialect dialect;
            try {
                dialect = SqlDialect.connected(dataSource);
            } catch (RuntimeException e) {
                Throwable cause = e;
                while (cause.getCause() != null && cause.getCause() != cause) {
                    cause = cause.getCause();
                }
                throw new Unreachable("cannot connect to " + ConnectionUrls.masked(url) + ": "
                        + firstLine(cause), e);
            }
            MigrationInfoService info;
            try {
                info = SchemaMigrations.of(dataSource, dialect, schema).info();
            } catch (org.flywaydb.core.api.FlywayException e) {
                throw new Unreachable("cannot read the schema history of " + ConnectionUrls.masked(url)
                        + ": " + firstLine(e), e);
            }
            MigrationInfo[] all = info.all();
            String latest = Arrays.stream(all).filter(m -> m.getState() != MigrationState.FUTURE_SUCCESS
                            && m.getState() != MigrationState.FUTURE_FAILED && m.getVersion() != null)
                    .map(m -> m.getVersion().getVersion()).reduce((a, b) -> b).orElse("0");
            MigrationInfo current = info.current();
            String applied = current == null || current.getVersion() == null ? "none"
                    : current.getVersion().getVersion();
            State state;
            if (info.applied().length == 0) {
                state = State.EMPTY;
            } else if (Arrays.stream(all).anyMatch(m -> m.getState() == MigrationState.FUTURE_SUCCESS
                    || m.getState() == MigrationState.FUTURE_FAILED)) {
                state = State.NEWER;
            } else if (info.pending().length > 0) {
                state = State.OLDER;
            } else {
                state = State.CURRENT;
            }
            return new Result(state, applied, latest);
        }
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
