package dev.chats.adapters.rest.socketio;

import dev.chats.adapters.rest.ws.EventsWebSocket;
import dev.chats.adapters.rest.ws.FrameSizeGuard;
import dev.chats.adapters.rest.ws.WebSocketSettings;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnError;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import io.netty.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The WebSocket transport of {@code /ws/socket.io}: each session is handed to the Engine.IO server as a new
 * connection, or as the upgrade of a long-polling one. Messages larger than {@code chats.websocket.max-frame-bytes}
 * close the socket with 1009, as on {@code /api/v1/ws}. The security filter lets the upgrade through
 * ({@link SecurityRule#IS_ANONYMOUS}): the token travels in the Socket.IO connect packet and is checked there.
 */
@ServerWebSocket(SocketIoPaths.WEBSOCKET_ROUTE)
@Secured(SecurityRule.IS_ANONYMOUS)
public class SocketIoWebSocket {

    private static final Logger LOG = LoggerFactory.getLogger(SocketIoWebSocket.class);
    static final String CONNECTION_ATTRIBUTE = "chats.engine-io";
    private final SocketIoEngine engine;
    private final WebSocketSettings settings;

    SocketIoWebSocket(SocketIoEngine engine, WebSocketSettings settings) {
        this.engine = engine;
        this.settings = settings;
    }

    @OnOpen
    public void onOpen(WebSocketSession session, HttpRequest<?> upgrade) {
        Channel channel = EventsWebSocket.channelOf(upgrade);
        FrameSizeGuard.install(channel, settings.maxFrameBytes());
        EngineWebSocket socket = new EngineWebSocket(session, channel, query(upgrade), headers(upgrade),
                settings.sendQueueFrames(), settings.sendQueueBytes());
        session.put(CONNECTION_ATTRIBUTE, socket);
        engine.handleWebSocket(socket);
    }

    @OnMessage(maxPayloadLength = WebSocketSettings.FRAME_CEILING)
    public void onMessage(String message, WebSocketSession session) {
        EngineWebSocket socket = socketOf(session);
        if (socket == null) {
            session.close(CloseReason.INTERNAL_ERROR);
        } else if (message.length() > settings.maxFrameBytes()) {
            session.close(new CloseReason(1009, "Message too large: the limit is " + settings.maxFrameBytes()
                    + " bytes"));
        } else {
            socket.emit("message", message);
        }
    }

    @OnClose
    public void onClose(WebSocketSession session) {
        EngineWebSocket socket = socketOf(session);
        if (socket != null) {
            socket.emit("close");
        }
    }

    @OnError
    public void onError(WebSocketSession session, Throwable error) {
        LOG.debug("Socket.IO WebSocket failed: {}", error.toString());
        EngineWebSocket socket = socketOf(session);
        if (socket != null) {
            socket.emit("error", "websocket error", String.valueOf(error.getMessage()));
        }
        if (session.isOpen()) {
            session.close(CloseReason.INTERNAL_ERROR);
        }
    }

    private static Map<String, String> query(HttpRequest<?> request) {
        Map<String, String> query = new HashMap<>();
        request.getParameters().forEach((name, values) -> query.put(name, values.isEmpty() ? "" : values.get(0)));
        return query;
    }

    private static Map<String, List<String>> headers(HttpRequest<?> request) {
        Map<String, List<String>> headers = new HashMap<>();
        request.getHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        return headers;
    }

    private static EngineWebSocket socketOf(WebSocketSession session) {
        return session.get(CONNECTION_ATTRIBUTE, EngineWebSocket.class).orElse(null);
    }
}
