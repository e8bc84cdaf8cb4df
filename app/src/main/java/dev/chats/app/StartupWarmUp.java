package dev.chats.app;

/**
 * Start-up work taken off the path to the first answer, done on a thread of its own while the framework builds its
 * context on the main thread: the first request the HTTP server reads creates its flight-recorder event
 * ({@link #SERVER_REQUEST_EVENT}), which sets up the JDK's flight-recorder metadata, some tens of milliseconds of the
 * first answer. (The model connection's TLS context is not loaded here: the connection loads it at its first call,
 * which the first answer does not wait for, and on two cores this thread's work competed with the main thread's.)
 */
final class StartupWarmUp {

    /** Micronaut's per-request flight-recorder event, created at the first request whether or not JFR records. */
    static final String SERVER_REQUEST_EVENT = "io.micronaut.http.server.netty.handler.Http1RequestEvent";

    private StartupWarmUp() {
    }

    static void start() {
        Thread thread = new Thread(() -> initialise(SERVER_REQUEST_EVENT), "startup-warm-up");
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
