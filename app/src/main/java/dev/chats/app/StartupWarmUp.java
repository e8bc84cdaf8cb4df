package dev.chats.app;

import io.micronaut.core.beans.BeanIntrospector;

/**
 * Start-up work taken off the main thread's path, done on a thread of its own while the framework builds its
 * context on the main thread:
 * <ul>
 *   <li>the table of Micronaut's ~300 bean introspections ({@link BeanIntrospector#SHARED}), which the framework
 *   builds, loading every introspection class, the first time it looks one up: that is when it first instantiates a
 *   {@code @Requires(condition = …)} class, on the main thread, while it resolves the database pool (about 40 ms
 *   there, before the schema migration could begin). Built here, it is ready when the main thread asks, or the main
 *   thread waits for the rest of it: the table is built once, under a lock;</li>
 *   <li>the first request the HTTP server reads creates its flight-recorder event ({@link #SERVER_REQUEST_EVENT}),
 *   which sets up the JDK's flight-recorder metadata, some tens of milliseconds of the first answer.</li>
 * </ul>
 * (The model connection's TLS context is not loaded here: the connection loads it at its first call, which the
 * first answer does not wait for, and on two cores this thread's work competed with the main thread's.)
 */
final class StartupWarmUp {

    /** Micronaut's per-request flight-recorder event, created at the first request whether or not JFR records. */
    static final String SERVER_REQUEST_EVENT = "io.micronaut.http.server.netty.handler.Http1RequestEvent";

    private StartupWarmUp() {
    }

    static void start() {
        Thread thread = new Thread(() -> {
            // Any lookup builds the whole table; Object has no introspection, so nothing else is created.
            BeanIntrospector.SHARED.findIntrospection(Object.class);
            initialise(SERVER_REQUEST_EVENT);
        }, "startup-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void initialise(String className) {
        try {
            Class.forName(className, true, StartupWarmUp.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // Another framework version without it: nothing to prepare.
        }
    }
}
