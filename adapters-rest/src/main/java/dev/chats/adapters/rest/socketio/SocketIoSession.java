package dev.chats.adapters.rest.socketio;

import dev.chats.domain.user.UserId;
import io.socket.socketio.server.SocketIoSocket;
import org.json.JSONObject;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One authenticated Socket.IO socket: whose events it receives, and how many it was handed that its transport has not
 * taken yet. A long-polling client that stops polling leaves events in the library's buffer; past the send-queue
 * limits of {@code chats.websocket.*} it is dropped (it reconnects and refetches) instead of growing the heap.
 */
final class SocketIoSession {

    /** Open WebUI's current event name, and the name before v0.6 that older clients listen to. */
    static final String EVENTS = "events";
    static final String CHAT_EVENTS = "chat-events";

    private final SocketIoSocket socket;
    private final int queueFrames;
    private final long queueBytes;
    private final AtomicInteger unflushedFrames = new AtomicInteger();
    private final AtomicLong unflushedBytes = new AtomicLong();
    private volatile UserId user;
    private volatile ScheduledFuture<?> expiry;

    SocketIoSession(SocketIoSocket socket, int queueFrames, long queueBytes) {
        this.socket = socket;
        this.queueFrames = queueFrames;
        this.queueBytes = queueBytes;
    }

    UserId user() {
        return user;
    }

    void user(UserId user) {
        this.user = user;
    }

    /** Replaces the timer that disconnects the socket when its token expires. */
    synchronized void expiry(ScheduledFuture<?> next) {
        if (expiry != null) {
            expiry.cancel(false);
        }
        expiry = next;
    }

    SocketIoSocket socket() {
        return socket;
    }

    /**
     * Emits the event under both names, without waiting.
     *
     * @param size the payload's length, counted against the send queue
     * @return false if the socket's queue is full: the client is too slow and must be dropped
     */
    boolean offer(JSONObject payload, long size) {
        int frames = unflushedFrames.addAndGet(2);
        long bytes = unflushedBytes.addAndGet(2 * size);
        if (frames > 2 && (frames > queueFrames || bytes > queueBytes)) {
            return false;
        }
        try {
            socket.send(EVENTS, payload);
            socket.send(CHAT_EVENTS, payload);
        } catch (RuntimeException e) {
            // Closing under us: its disconnect handler forgets it.
        }
        return true;
    }

    /** The library handed everything buffered to the transport. */
    void flushed() {
        unflushedFrames.set(0);
        unflushedBytes.set(0);
    }

    int unflushedFrames() {
        return unflushedFrames.get();
    }

    /** Disconnects the socket and closes its connection; its disconnect handler forgets it. */
    void drop() {
        expiry(null);
        socket.disconnect(true);
    }
}
