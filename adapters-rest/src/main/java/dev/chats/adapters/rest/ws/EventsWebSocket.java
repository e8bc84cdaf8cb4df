package dev.chats.adapters.rest.ws;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketPongMessage;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnError;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import io.netty.channel.Channel;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * WebSocket adapter: {@code /api/v1/ws}, where a signed-in client receives its user's chat and folder events in
 * Open WebUI's envelope (see {@link EventEnvelope}).
 *
 * <p>The client authenticates with the session token, either as {@code ?token=…} on the URL or as its first frame
 * {@code {"type":"auth","token":"…"}}, within {@code chats.websocket.auth-timeout}. An invalid or expired token, an
 * unknown or pending user, a first frame that is not an auth frame, or no token in time closes the socket with
 * 1008; nothing but that close is ever sent before the token is accepted. Then the server answers
 * {@code {"event":"auth","data":{"id","name","role"}}} and from that frame on the socket receives the user's events.
 * A client may send {@code {"type":"ping"}} (answered by {@code pong}); any other frame is answered by an
 * {@code error} frame with a {@code detail}; a message larger than {@code chats.websocket.max-frame-bytes} closes
 * the socket with 1009. The server pings every socket and drops those that stop answering.
 *
 * <p>The security filter lets the upgrade through ({@link SecurityRule#IS_ANONYMOUS}) because browsers cannot set
 * headers on a WebSocket; the token is checked here, by {@link SocketAuthenticator}, off the event loop.
 */
@ServerWebSocket("/api/v1/ws")
@Secured(SecurityRule.IS_ANONYMOUS)
public class EventsWebSocket {

    private static final Logger LOG = LoggerFactory.getLogger(EventsWebSocket.class);
    static final String SOCKET_ATTRIBUTE = "chats.event-socket";
    static final String REQUEST_ATTRIBUTE = "chats.upgrade-request";
    static final String TOKEN_PARAMETER = "token";
    static final CloseReason NOT_AUTHENTICATED = new CloseReason(1008, "Not authenticated");
    static final CloseReason AUTH_FRAME_EXPECTED =
            new CloseReason(1008, "Not authenticated: the first frame must be {\"type\":\"auth\",\"token\":…}");

    private final EventSockets sockets;
    private final SocketAuthenticator authenticator;
    private final WebSocketSettings settings;
    private final JsonMapper json;
    private final ExecutorService blocking;
    private final TaskScheduler scheduler;

    EventsWebSocket(EventSockets sockets, SocketAuthenticator authenticator, WebSocketSettings settings,
                    JsonMapper json, @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                    @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.sockets = sockets;
        this.authenticator = authenticator;
        this.settings = settings;
        this.json = json;
        this.blocking = blocking;
        this.scheduler = scheduler;
    }

    @OnOpen
    public void onOpen(WebSocketSession session, HttpRequest<?> request) {
        Channel channel = channelOf(request);
        EventSocket socket = sockets.open(new SessionTransport(session, channel), System.nanoTime());
        session.put(SOCKET_ATTRIBUTE, socket);
        // The validators see the upgrade request, as the security filter's do; the session holds it anyway.
        session.put(REQUEST_ATTRIBUTE, request);
        FrameSizeGuard.install(channel, settings.maxFrameBytes());
        scheduler.schedule(settings.authTimeout(), () -> {
            if (socket.state() == EventSocket.State.AWAITING_AUTH
                    || socket.state() == EventSocket.State.AUTHENTICATING) {
                socket.close(NOT_AUTHENTICATED);
            }
        });
        String token = request.getParameters().get(TOKEN_PARAMETER);
        if (token != null) {
            authenticate(socket, token, request);
        }
    }

    @OnMessage(maxPayloadLength = WebSocketSettings.FRAME_CEILING)
    public void onMessage(String message, WebSocketSession session) {
        EventSocket socket = socketOf(session);
        if (socket == null) {
            session.close(CloseReason.INTERNAL_ERROR);
            return;
        }
        socket.seen(System.nanoTime());
        if (message.length() > settings.maxFrameBytes()) {
            // The frame-size guard refuses it earlier, in bytes, as "Frame too large"; this covers a pipeline
            // without the guard.
            socket.close(new CloseReason(1009, "Message too large: the limit is " + settings.maxFrameBytes()
                    + " bytes"));
            return;
        }
        ClientFrame frame = ClientFrame.parse(message, json);
        switch (socket.state()) {
            case AWAITING_AUTH -> {
                if (frame instanceof ClientFrame.Auth auth) {
                    authenticate(socket, auth.token(), upgradeRequest(session));
                } else {
                    socket.close(AUTH_FRAME_EXPECTED);
                }
            }
            case AUTHENTICATING -> sockets.sendControl(socket, EventEnvelope.error(frame instanceof ClientFrame.Auth
                    ? "Authentication already in progress" : "Not authenticated yet"));
            case OPEN -> answer(socket, frame);
            case CLOSED -> {
                // Closing: nothing more is said.
            }
        }
    }

    @OnMessage
    public void onPong(WebSocketPongMessage pong, WebSocketSession session) {
        EventSocket socket = socketOf(session);
        if (socket != null) {
            socket.seen(System.nanoTime());
        }
    }

    @OnClose
    public void onClose(WebSocketSession session) {
        EventSocket socket = socketOf(session);
        if (socket != null) {
            sockets.closed(socket);
        }
    }

    @OnError
    public void onError(WebSocketSession session, Throwable error) {
        LOG.debug("event socket failed: {}", error.toString());
        EventSocket socket = socketOf(session);
        if (socket != null) {
            sockets.closed(socket);
        }
        if (session.isOpen()) {
            session.close(CloseReason.INTERNAL_ERROR);
        }
    }

    private void answer(EventSocket socket, ClientFrame frame) {
        if (frame instanceof ClientFrame.Ping) {
            sockets.sendControl(socket, EventEnvelope.pong());
        } else if (frame instanceof ClientFrame.Auth) {
            sockets.sendControl(socket, EventEnvelope.error("Already authenticated"));
        } else if (frame instanceof ClientFrame.Unknown unknown) {
            sockets.sendControl(socket, EventEnvelope.error("Unknown frame type: " + unknown.type()));
        } else if (frame instanceof ClientFrame.Malformed malformed) {
            sockets.sendControl(socket, EventEnvelope.error(malformed.detail()));
        }
    }

    private void authenticate(EventSocket socket, String token, HttpRequest<?> request) {
        if (!socket.beginAuthentication()) {
            return;
        }
        try {
            blocking.execute(() -> finishAuthentication(socket, token, request));
        } catch (RejectedExecutionException e) {
            socket.close(CloseReason.TRY_AGAIN_LATER);
        }
    }

    private void finishAuthentication(EventSocket socket, String token, HttpRequest<?> request) {
        SocketAuthenticator.Outcome outcome;
        try {
            outcome = authenticator.authenticate(token, request);
        } catch (RuntimeException e) {
            LOG.warn("checking an event socket's token failed", e);
            outcome = SocketAuthenticator.Outcome.refused(CloseReason.INTERNAL_ERROR);
        }
        if (!outcome.accepted()) {
            socket.close(outcome.refusal());
            return;
        }
        sockets.authenticate(socket, outcome.user(), outcome.expiresAtEpochSeconds());
    }

    /** The Netty channel under a request, to drop a stuck socket at once; null outside Netty. */
    public static Channel channelOf(HttpRequest<?> request) {
        return request instanceof NettyHttpRequest<?> netty ? netty.getChannelHandlerContext().channel() : null;
    }

    private static HttpRequest<?> upgradeRequest(WebSocketSession session) {
        return session.get(REQUEST_ATTRIBUTE, HttpRequest.class).orElse(null);
    }

    private static EventSocket socketOf(WebSocketSession session) {
        return session.get(SOCKET_ATTRIBUTE, EventSocket.class).orElse(null);
    }
}
