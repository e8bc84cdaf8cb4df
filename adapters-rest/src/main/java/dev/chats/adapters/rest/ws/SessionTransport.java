package dev.chats.adapters.rest.ws;

import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.netty.channel.Channel;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A Micronaut WebSocket session as a {@link SocketTransport}. Sends are asynchronous Netty writes, safe from any
 * thread and in order per calling thread; the Netty channel, when known, lets a stuck socket be dropped at once.
 */
final class SessionTransport implements SocketTransport {

    private static final byte[] PING = new byte[0];

    private final WebSocketSession session;
    private final Channel channel;

    SessionTransport(WebSocketSession session, Channel channel) {
        this.session = session;
        this.channel = channel;
    }

    @Override
    public CompletionStage<?> send(String frame) {
        if (!session.isOpen()) {
            return CompletableFuture.failedFuture(new IllegalStateException("socket closed"));
        }
        return session.sendAsync(frame);
    }

    @Override
    public void ping() {
        if (session.isOpen()) {
            session.sendPingAsync(PING);
        }
    }

    @Override
    public void close(CloseReason reason) {
        if (session.isOpen()) {
            session.close(reason);
        }
    }

    @Override
    public void abort() {
        if (channel != null) {
            channel.close();
        } else if (session.isOpen()) {
            session.close(CloseReason.GOING_AWAY);
        }
    }
}
