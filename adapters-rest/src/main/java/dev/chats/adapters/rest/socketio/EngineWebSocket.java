package dev.chats.adapters.rest.socketio;

import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.netty.channel.Channel;
import io.socket.engineio.server.EngineIoWebSocket;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Micronaut WebSocket session as the library's {@link EngineIoWebSocket}: frames the library writes become
 * asynchronous Netty writes; what arrives is handed back by {@link SocketIoWebSocket} as {@code message},
 * {@code close} and {@code error} events. Writes still waiting for the network are bounded by the send-queue limits
 * of {@code chats.websocket.*}: a client that stops reading is dropped at once, without a close handshake.
 */
final class EngineWebSocket extends EngineIoWebSocket {

    static final CloseReason TOO_SLOW = new CloseReason(1013, "Too slow: events were not read in time");

    private final WebSocketSession session;
    private final Channel channel;
    private final Map<String, String> query;
    private final Map<String, List<String>> headers;
    private final int queueFrames;
    private final long queueBytes;
    private final AtomicInteger pendingFrames = new AtomicInteger();
    private final AtomicLong pendingBytes = new AtomicLong();

    EngineWebSocket(WebSocketSession session, Channel channel, Map<String, String> query,
                    Map<String, List<String>> headers, int queueFrames, long queueBytes) {
        this.session = session;
        this.channel = channel;
        this.query = query;
        this.headers = headers;
        this.queueFrames = queueFrames;
        this.queueBytes = queueBytes;
    }

    @Override
    public Map<String, String> getQuery() {
        return query;
    }

    @Override
    public Map<String, List<String>> getConnectionHeaders() {
        return headers;
    }

    @Override
    public void write(String message) throws IOException {
        if (!session.isOpen()) {
            throw new IOException("socket closed");
        }
        long size = message.length();
        int frames = pendingFrames.incrementAndGet();
        long bytes = pendingBytes.addAndGet(size);
        if (frames > 1 && (frames > queueFrames || bytes > queueBytes)) {
            sent(size);
            abort();
            throw new IOException("client too slow");
        }
        session.sendAsync(message).whenComplete((ignored, failure) -> sent(size));
    }

    @Override
    public void write(byte[] message) throws IOException {
        // The server sends text only (JSON events); binary attachments are never produced.
        throw new IOException("binary frames are not sent");
    }

    @Override
    public void close() {
        if (session.isOpen()) {
            session.close(CloseReason.NORMAL);
        }
    }

    private void abort() {
        if (channel != null) {
            channel.close();
        } else if (session.isOpen()) {
            session.close(TOO_SLOW);
        }
    }

    private void sent(long size) {
        pendingFrames.decrementAndGet();
        pendingBytes.addAndGet(-size);
    }
}
