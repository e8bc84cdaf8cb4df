package dev.chats.app;

import dev.chats.app.operations.TerminationSignals;
import io.micronaut.runtime.Micronaut;

import java.util.Map;

/** Entry point: starts the chat server with the persistence adapter chosen by {@code chats.persistence}. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(Application.class)
                .properties(Map.of(TerminationSignals.PROPERTY, "true"))
                .start();
    }
}
