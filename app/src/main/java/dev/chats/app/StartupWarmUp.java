package dev.chats.app;

import javax.net.ssl.SSLContext;
import java.security.NoSuchAlgorithmException;

/**
 * Start-up work taken off the path to the first answer, done on a thread of its own while the framework builds its
 * context on the main thread. The first readiness probe builds the model connection ({@code ModelHealthIndicator}),
 * whose HTTP client loads the JDK's default TLS context (the trust store, the cipher suites); the first request the
 * HTTP server reads creates its flight-recorder event ({@link #SERVER_REQUEST_EVENT}), which sets up the JDK's
 * flight-recorder metadata. Each took some tens of milliseconds of the first answer.
 */
final class StartupWarmUp {

    /** Micronaut's per-request flight-recorder event, created at the first request whether or not JFR records. */
    static final String SERVER_REQUEST_EVENT = "io.micronaut.http.server.netty.handler.Http1RequestEvent";

    private StartupWarmUp() {
    }

    static void start() {
        Thread thread = new Thread(() -> {
            loadDefaultTlsContext();
            initialise(SERVER_REQUEST_EVENT);
        }, "startup-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void loadDefaultTlsContext() {
        try {
            SSLContext.getDefault();
        } catch (NoSuchAlgorithmException | RuntimeException e) {
            // Left to the first real use, which reports it where it matters.
        }
    }

    private static void initialise(String className) {
        try {
            Class.forName(className, true, StartupWarmUp.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // Another framework version without it: nothing to prepare.
        }
    }
}
