package dev.chats.adapters.rest.ws;

import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.concurrent.ScheduledFuture;

/**
 * Pings every event socket each {@code chats.websocket.ping-interval}, dropping the ones that stopped answering
 * and closing those whose token expired. Starts with the server.
 */
@Context
final class Heartbeat {

    private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);

    private final EventSockets sockets;
    private final ScheduledFuture<?> task;

    Heartbeat(EventSockets sockets, WebSocketSettings settings,
              @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.sockets = sockets;
        this.task = scheduler.scheduleAtFixedRate(settings.pingInterval(), settings.pingInterval(), this::beat);
    }

    private void beat() {
        try {
            sockets.heartbeat(System.nanoTime(), Instant.now().getEpochSecond());
        } catch (RuntimeException e) {
            // A failed beat must not end the periodic task.
            LOG.warn("event socket heartbeat failed", e);
        }
    }

    @PreDestroy
    void stop() {
        task.cancel(false);
    }
}
