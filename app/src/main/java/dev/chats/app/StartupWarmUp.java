package dev.chats.app;

import javax.net.ssl.SSLContext;
import java.security.NoSuchAlgorithmException;

/**
 * Start-up work taken off the path to the first answer. The first readiness probe builds the model connection
 * ({@code ModelHealthIndicator}), whose HTTP client loads the JDK's default TLS context (the trust store, the cipher
 * suites): about a tenth of a second of one core, done here on a thread of its own while the framework builds its
 * context on the main thread, so the probe finds it ready.
 */
final class StartupWarmUp {

    private StartupWarmUp() {
    }

    static void start() {
        Thread thread = new Thread(StartupWarmUp::loadDefaultTlsContext, "startup-warm-up");
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
}
