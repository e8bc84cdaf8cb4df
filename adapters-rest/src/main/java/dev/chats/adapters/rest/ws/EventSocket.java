package dev.chats.adapters.rest.ws;

import dev.chats.domain.user.UserId;
import io.micronaut.websocket.CloseReason;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One client connection to the event socket: whether it has authenticated and as whom, when it was last heard
 * from, and what is waiting to be sent to it. Events are only ever sent once it is {@link State#OPEN}; the
 * frames waiting for it are bounded, so a client that stops reading is dropped instead of growing the heap.
 */
final class EventSocket {

    /** The life of a socket; it only moves forward. */
    enum State {
        /** Opened, no token seen yet. */
        AWAITING_AUTH,
        /** A token is being checked. */
        AUTHENTICATING,
        /** Authenticated: receives its user's events. */
        OPEN,
        /** Closed or being closed. */
        CLOSED
    }

    private final SocketTransport transport;
    private final int queueFrames;
    private final long queueBytes;
    private final AtomicReference<State> state = new AtomicReference<>(State.AWAITING_AUTH);
    private final AtomicInteger pendingFrames = new AtomicInteger();
    private final AtomicLong pendingBytes = new AtomicLong();
    private volatile long lastSeenNanos;
    private volatile UserId user;
    private volatile long expiresAtEpochSeconds = Long.MAX_VALUE;

    EventSocket(SocketTransport transport, int queueFrames, long queueBytes, long nowNanos) {
        this.transport = transport;
        this.queueFrames = queueFrames;
        this.queueBytes = queueBytes;
        this.lastSeenNanos = nowNanos;
    }

    State state() {
        return state.get();
    }

    /** The authenticated user; null before. */
    UserId user() {
        return user;
    }

    long expiresAtEpochSeconds() {
        return expiresAtEpochSeconds;
    }

    long lastSeenNanos() {
        return lastSeenNanos;
    }

    /** The client sent something (a frame or a pong): it is alive. */
    void seen(long nowNanos) {
        lastSeenNanos = nowNanos;
    }

    /** Claims the right to check a token; false if one was already presented. */
    boolean beginAuthentication() {
        return state.compareAndSet(State.AWAITING_AUTH, State.AUTHENTICATING);
    }

    /**
     * The token was accepted.
     *
     * @return false if the socket closed meanwhile
     */
    boolean authenticated(UserId user, Long expiresAtEpochSeconds) {
        this.user = user;
        this.expiresAtEpochSeconds = expiresAtEpochSeconds == null ? Long.MAX_VALUE : expiresAtEpochSeconds;
        return state.compareAndSet(State.AUTHENTICATING, State.OPEN);
    }

    /** Marks the socket closed; true for the first caller only. */
    boolean markClosed() {
        return state.getAndSet(State.CLOSED) != State.CLOSED;
    }

    boolean isOpen() {
        return state.get() == State.OPEN;
    }

    /**
     * Queues a frame without waiting.
     *
     * @return false if the socket's queue is full: the client is too slow and must be dropped
     */
    boolean offer(String frame) {
        long size = frame.length();
        int frames = pendingFrames.incrementAndGet();
        long bytes = pendingBytes.addAndGet(size);
        if (frames > 1 && (frames > queueFrames || bytes > queueBytes)) {
            sent(size);
            return false;
        }
        try {
            transport.send(frame).whenComplete((ignored, failure) -> sent(size));
        } catch (RuntimeException e) {
            // A socket closing under us: the close handler unregisters it.
            sent(size);
        }
        return true;
    }

    /** A control frame (auth, pong, error): sent whatever the state, never counted against the event queue. */
    void sendControl(String frame) {
        try {
            transport.send(frame);
        } catch (RuntimeException e) {
            // Closing; nothing to tell.
        }
    }

    int pendingFrames() {
        return pendingFrames.get();
    }

    void ping() {
        transport.ping();
    }

    /** Closes with a close frame; the close handler then unregisters the socket. */
    void close(CloseReason reason) {
        state.set(State.CLOSED);
        transport.close(reason);
    }

    /** Drops the connection without a close handshake (dead or stuck clients). */
    void abort() {
        state.set(State.CLOSED);
        transport.abort();
    }

    private void sent(long size) {
        pendingFrames.decrementAndGet();
        pendingBytes.addAndGet(-size);
    }
}
