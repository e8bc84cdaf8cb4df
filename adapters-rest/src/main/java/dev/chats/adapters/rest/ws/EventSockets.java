package dev.chats.adapters.rest.ws;

import dev.chats.domain.chat.event.ChatEvent;
import dev.chats.domain.user.User;
import dev.chats.domain.user.UserId;
import io.micronaut.json.JsonMapper;
import io.micronaut.websocket.CloseReason;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The open event sockets of this instance, by user: delivers each chat event to every authenticated socket of its
 * recipient and to no other. Delivery never blocks nor throws to the publisher: the envelope is written once per
 * event and queued on each socket; a socket whose queue is full is dropped (the client reconnects and refetches)
 * rather than slowing the others.
 */
@Singleton
public final class EventSockets {

    private static final Logger LOG = LoggerFactory.getLogger(EventSockets.class);
    static final CloseReason TOO_SLOW = new CloseReason(1013, "Too slow: events were not read in time");
    static final CloseReason SHUTTING_DOWN = new CloseReason(1001, "Server shutting down");
    static final CloseReason DEAD = new CloseReason(1001, "No pong");
    static final CloseReason TOKEN_EXPIRED = new CloseReason(1008, "Token expired");

    private final JsonMapper json;
    private final WebSocketSettings settings;
    private final Map<UserId, Set<EventSocket>> byUser = new ConcurrentHashMap<>();
    private final Set<EventSocket> all = ConcurrentHashMap.newKeySet();
    private final LongAdder droppedEvents = new LongAdder();

    public EventSockets(JsonMapper json, WebSocketSettings settings) {
        this.json = json;
        this.settings = settings;
    }

    /**
     * Sends the event to every authenticated socket of its recipient on this instance. Never blocks and never
     * throws: call it from any thread, after the change the event describes is stored.
     */
    public void deliver(ChatEvent event) {
        Set<EventSocket> sockets = byUser.get(event.recipient());
        if (sockets == null || sockets.isEmpty()) {
            return;
        }
        String frame;
        try {
            frame = json.writeValueAsString(EventEnvelope.of(event));
        } catch (IOException | RuntimeException e) {
            LOG.warn("event {} for user {} cannot be written as JSON; not delivered",
                    event.getClass().getSimpleName(), event.recipient(), e);
            return;
        }
        for (EventSocket socket : sockets) {
            if (socket.isOpen() && !socket.offer(frame)) {
                droppedEvents.increment();
                LOG.info("dropping an event socket of user {}: {} frames unread", event.recipient(),
                        socket.pendingFrames());
                forget(socket);
                socket.abort();
            }
        }
    }

    /** Sockets open on this instance, authenticated or not. */
    public int openSockets() {
        return all.size();
    }

    /** Events not delivered to a socket because its client did not read in time (the socket is dropped then). */
    public long droppedEvents() {
        return droppedEvents.sum();
    }

    /** Authenticated sockets on this instance. */
    public int authenticatedSockets() {
        return byUser.values().stream().mapToInt(Set::size).sum();
    }

    /** Authenticated sockets of one user on this instance. */
    public int socketsOf(UserId user) {
        Set<EventSocket> sockets = byUser.get(user);
        return sockets == null ? 0 : sockets.size();
    }

    EventSocket open(SocketTransport transport, long nowNanos) {
        EventSocket socket = new EventSocket(transport, settings.sendQueueFrames(), settings.sendQueueBytes(),
                nowNanos);
        all.add(socket);
        return socket;
    }

    /**
     * The socket's token was accepted: acknowledges it, then registers it for the user's events, so that the
     * acknowledgement is the first frame the client gets.
     *
     * @return false if the socket closed meanwhile
     */
    boolean authenticate(EventSocket socket, User user, Long expiresAtEpochSeconds) {
        if (!socket.authenticated(user.id(), expiresAtEpochSeconds)) {
            return false;
        }
        socket.sendControl(write(EventEnvelope.authenticated(user)));
        byUser.compute(user.id(), (id, sockets) -> {
            Set<EventSocket> set = sockets == null ? ConcurrentHashMap.newKeySet() : sockets;
            set.add(socket);
            return set;
        });
        if (socket.state() == EventSocket.State.CLOSED) {
            // Closed between the check and the registration: its close handler may have run already.
            forget(socket);
            return false;
        }
        return true;
    }

    /** The socket is gone: it receives nothing more. Safe to call more than once. */
    void closed(EventSocket socket) {
        socket.markClosed();
        all.remove(socket);
        forget(socket);
    }

    /** Sends a control frame (auth, pong, error) to one socket. */
    void sendControl(EventSocket socket, Map<String, Object> frame) {
        socket.sendControl(write(frame));
    }

    /**
     * One heartbeat: drops sockets silent for longer than a ping interval plus the pong timeout, closes those
     * whose token expired, and pings the rest.
     */
    void heartbeat(long nowNanos, long nowEpochSeconds) {
        long deadAfter = settings.pingInterval().plus(settings.pongTimeout()).toNanos();
        for (EventSocket socket : all) {
            if (nowNanos - socket.lastSeenNanos() > deadAfter) {
                LOG.debug("dropping a silent event socket of user {}", socket.user());
                all.remove(socket);
                forget(socket);
                socket.abort();
            } else if (socket.isOpen() && nowEpochSeconds >= socket.expiresAtEpochSeconds()) {
                forget(socket);
                socket.close(TOKEN_EXPIRED);
            } else {
                socket.ping();
            }
        }
    }

    /**
     * On shutdown every client is told to reconnect elsewhere (close code 1001). Called first thing by a graceful
     * shutdown, while the connections are still open; again, harmlessly, when the context stops.
     */
    @PreDestroy
    public void closeAll() {
        for (EventSocket socket : all) {
            forget(socket);
            socket.close(SHUTTING_DOWN);
        }
    }

    private void forget(EventSocket socket) {
        UserId user = socket.user();
        if (user != null) {
            byUser.computeIfPresent(user, (id, sockets) -> {
                sockets.remove(socket);
                return sockets.isEmpty() ? null : sockets;
            });
        }
    }

    private String write(Map<String, Object> frame) {
        try {
            return json.writeValueAsString(frame);
        } catch (IOException e) {
            throw new IllegalStateException("a control frame cannot be written as JSON", e);
        }
    }
}
