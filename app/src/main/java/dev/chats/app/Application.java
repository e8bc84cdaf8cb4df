package dev.chats.app;

import dev.chats.app.move.MoveCommand;
import dev.chats.app.operations.TerminationSignals;
import io.micronaut.runtime.Micronaut;

import java.util.Map;

/**
 * Entry point: starts the chat server with the persistence adapter chosen by {@code chats.persistence}, or runs
 * one of the {@link MoveCommand} commands ({@code copy}, {@code backup}, {@code restore}).
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        if (MoveCommand.handles(args)) {
            // Before any logger exists: the command's stdout is its summary, so logs go to stderr, warnings only.
            System.setProperty("logback.configurationFile", "logback-move.xml");
            System.exit(MoveCommand.main(args));
        }
        // The banner is written straight to the console: with JSON logs it would be the one line that is not JSON.
        boolean jsonLogs = "json".equals(System.getenv("CHATS_LOG_FORMAT"));
        Micronaut.build(args).mainClass(Application.class).banner(!jsonLogs)
                .properties(Map.of(TerminationSignals.PROPERTY, "true"))
                .start();
    }
}
