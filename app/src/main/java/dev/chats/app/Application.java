package dev.chats.app;

import io.micronaut.runtime.Micronaut;

/** Entry point: starts the chat server with the persistence adapter chosen by {@code chats.persistence}. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
