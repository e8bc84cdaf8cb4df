package dev.chats.app;

import dev.chats.adapters.jdbc.SchemaMigrationRun;
import dev.chats.app.move.MoveCommand;
import dev.chats.app.operations.TerminationSignals;

import java.util.Map;

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
        // The banner is written straight to the console: with JSON logs it would be the one line that is not JSON.
        boolean jsonLogs = "json".equals(System.getenv("CHATS_LOG_FORMAT"));
        ServerFramework.of(args).banner(!jsonLogs)
                .properties(Map.of(TerminationSignals.PROPERTY, "true", SchemaMigrationRun.AWAITED_BY_SERVER, "true"))
                .start();
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
