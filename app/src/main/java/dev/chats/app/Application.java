package dev.chats.app;

import dev.chats.adapters.jdbc.SchemaMigrationRun;
import dev.chats.app.move.MoveCommand;
import dev.chats.app.operations.GracefulShutdown;
import dev.chats.app.operations.TerminationSignals;
import io.micronaut.context.ApplicationContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Entry point: starts the chat server with the persistence adapter chosen by {@code chats.persistence}, or runs
 * one of the {@link MoveCommand} commands ({@code copy}, {@code backup}, {@code restore}).
 */
public final class Application {

    private static final String NETTY_JFR = "io.netty.jfr.enabled";

    private Application() {
    }

    public static void main(String[] args) {
        if (MoveCommand.handles(args)) {
            // Before any logger exists: the command's stdout is its summary, so logs go to stderr, warnings only.
            System.setProperty("logback.configurationFile", "logback-move.xml");
            System.exit(MoveCommand.main(args));
        }
        beforeFramework();
        serve(args, Map.of(), System::exit);
    }

    /**
     * Starts the server, whose port opens while the SQL schema is still being migrated ({@link SchemaMigrationRun}
     * on a thread of its own): readiness answers DOWN and every unit of work waits until the migration ends, so no
     * request is answered on an incomplete schema, and the server is reachable (its readiness polled, the HTTP path
     * warmed) the moment it does. A migration that fails stops the server, once the requests that waited for it
     * have been refused, and tells {@code exit} 1, as a failed start does. {@code settings} come last, over the
     * server's own.
     *
     * @return the context: running, or closed after a failed migration
     */
    static ApplicationContext serve(String[] args, Map<String, Object> settings, IntConsumer exit) {
        // The banner is written straight to the console: with JSON logs it would be the one line that is not JSON.
        boolean jsonLogs = "json".equals(System.getenv("CHATS_LOG_FORMAT"));
        ApplicationContext context = ServerFramework.of(args).banner(!jsonLogs)
                .properties(Map.of(TerminationSignals.PROPERTY, "true", SchemaMigrationRun.AWAITED_BY_APPLICATION,
                        "true"))
                .properties(settings)
                .start();
        try {
            context.findBean(SchemaMigrationRun.class).ifPresent(SchemaMigrationRun::awaitMigrated);
        } catch (IllegalStateException e) {
            // Micronaut's own words for a start that failed, so whatever watches the log for them still finds them.
            // The logger is asked for here, not held in a static field: a move command sets its logging up in main(),
            // which must come before the first logger exists.
            Logger log = LoggerFactory.getLogger(Application.class);
            log.error("Error starting Micronaut server: {}", e.getMessage(), e);
            // The requests that waited for the schema have been refused (503): they are answered before the stop.
            context.findBean(GracefulShutdown.class).ifPresent(GracefulShutdown::drain);
            context.close();
            exit.accept(1);
        }
        return context;
    }

    /** What the JVM is given before the framework starts; the class-data archive's training run does the same. */
    static void beforeFramework() {
        // First: Micronaut reads its service table once, when its service loader is first used.
        ServiceIndex.install();
        StartupWarmUp.start();
        // Netty's buffer allocator registers its flight-recorder events at the first allocation, which sets up the
        // JDK's whole event metadata (tens of ms at the first request); -Dio.netty.jfr.enabled=true brings them back.
        if (System.getProperty(NETTY_JFR) == null) {
            System.setProperty(NETTY_JFR, "false");
        }
    }
}
