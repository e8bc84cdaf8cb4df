package dev.chats.app.operations;

import dev.chats.adapters.jdbc.search.MariaDbSearchIndexer;
import dev.chats.adapters.rest.socketio.SocketIoSessions;
import dev.chats.adapters.rest.ws.EventSockets;
import io.micronaut.context.BeanProvider;
import io.micronaut.runtime.graceful.GracefulShutdownManager;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Drains this instance before it stops, within {@code chats.shutdown.grace}: tells every WebSocket client to
 * reconnect elsewhere (close code 1001; Socket.IO clients are disconnected), stops accepting connections and reports readiness DOWN, lets the requests
 * and streams in flight finish (each connection closes after its last answer), then writes the MariaDB search
 * indexer's queued messages. What the grace period does not allow is left: requests still running are cut off when
 * the process exits, and queued messages are indexed after the next start.
 */
@Singleton
public final class GracefulShutdown {

    private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);

    private final EventSockets sockets;
    private final SocketIoSessions socketIo;
    private final GracefulShutdownManager connections;
    private final BeanProvider<MariaDbSearchIndexer> indexer;
    private final Duration grace;

    GracefulShutdown(EventSockets sockets, SocketIoSessions socketIo, GracefulShutdownManager connections,
                     BeanProvider<MariaDbSearchIndexer> indexer, ShutdownSettings settings) {
        this.sockets = sockets;
        this.socketIo = socketIo;
        this.connections = connections;
        this.indexer = indexer;
        this.grace = settings.getGrace();
    }

    /** Runs the drain; returns when it is done or the grace period is over. */
    public void drain() {
        long started = System.nanoTime();
        LOG.info("Shutting down gracefully: up to {} s for requests in flight", grace.toSeconds());
        sockets.closeAll();
        socketIo.closeAll();
        try {
            connections.shutdownGracefully().toCompletableFuture().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("Requests were still running after {} s; they are cut off", grace.toSeconds());
        } catch (ExecutionException e) {
            LOG.warn("Draining the connections failed: {}", e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Duration left = grace.minusNanos(System.nanoTime() - started);
        if (indexer.isPresent() && !left.isNegative()) {
            int indexed = indexer.get().flush(left);
            if (indexed > 0) {
                LOG.info("Indexed {} queued messages for search before stopping", indexed);
            }
        }
        LOG.info("Drained in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }
}
