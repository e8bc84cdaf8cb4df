package dev.chats.app.operations;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Takes over SIGTERM (and SIGINT) in the server process: drains it ({@link GracefulShutdown}), then exits with
 * status 0, running the usual shutdown. The framework's own handling would first drop every WebSocket without a
 * close frame and end with status 143; a rolling update needs clients told to reconnect elsewhere and the requests
 * in flight answered. Only the real process installs it ({@value #PROPERTY}, set by {@code Application.main}):
 * tests run many servers in one JVM.
 */
@Singleton
@Requires(property = TerminationSignals.PROPERTY, value = "true")
public final class TerminationSignals implements ApplicationEventListener<ServerStartupEvent> {

    public static final String PROPERTY = "chats.shutdown.on-signal";

    private static final Logger LOG = LoggerFactory.getLogger(TerminationSignals.class);

    private final GracefulShutdown shutdown;
    private final AtomicBoolean draining = new AtomicBoolean();

    TerminationSignals(GracefulShutdown shutdown) {
        this.shutdown = shutdown;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        Signal.handle(new Signal("TERM"), this::stop);
        Signal.handle(new Signal("INT"), this::stop);
    }

    private void stop(Signal signal) {
        if (!draining.compareAndSet(false, true)) {
            LOG.info("SIG{} again: already shutting down", signal.getName());
            return;
        }
        Thread drainer = new Thread(() -> {
            try {
                shutdown.drain();
            } finally {
                System.exit(0);
            }
        }, "graceful-shutdown");
        drainer.start();
    }
}
