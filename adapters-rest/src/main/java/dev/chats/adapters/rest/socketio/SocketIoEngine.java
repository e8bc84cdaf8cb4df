package dev.chats.adapters.rest.socketio;

import dev.chats.adapters.rest.ws.WebSocketSettings;
import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoServerOptions;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.EngineIoWebSocket;
import io.socket.socketio.server.SocketIoServer;
import io.socket.socketio.server.SocketIoServerOptions;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Socket.IO server of {@code /ws/socket.io}: the maintained {@code io.socket} library speaks the protocol
 * (Engine.IO 4 framing, heartbeat, polling and the upgrade to WebSocket, Socket.IO 5 packets and acknowledgements);
 * this class feeds it the transports' traffic and puts the {@link ConnectGate} between its Engine.IO and Socket.IO
 * layers, so that a Socket.IO connection exists only once its token is accepted.
 *
 * <p>The library's Socket.IO layer listens to a second Engine.IO server that never serves a request: the gate
 * announces a connection there only after authentication. Only Engine.IO 4 (Socket.IO 3 and later clients) is
 * accepted; older clients' handshakes answer 400.
 */
@Singleton
public final class SocketIoEngine {

    private final EngineIoServer engine;
    private final EngineIoServer authenticated;
    private final ScheduledExecutorService timers;

    SocketIoEngine(WebSocketSettings settings, ConnectGate gate, SocketIoSessions sessions) {
        this.timers = Executors.newScheduledThreadPool(2, daemonThreads());
        this.engine = new EngineIoServer(options(settings, timers));
        this.authenticated = new EngineIoServer(options(settings, timers));
        SocketIoServer socketIo = new SocketIoServer(authenticated, SocketIoServerOptions.newFromDefault());
        sessions.attach(socketIo.namespace("/"));
        engine.on("connection", args -> gate.hold((EngineIoSocket) args[0], authenticated, timers));
    }

    /** A long-polling request (GET receives, POST sends), or the first request of a polling handshake. */
    void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
        engine.handleRequest(request, response);
    }

    /** A WebSocket just opened: a new connection, or the upgrade of a polling one (its {@code sid} in the query). */
    void handleWebSocket(EngineIoWebSocket socket) {
        engine.handleWebSocket(socket);
    }

    @PreDestroy
    void stop() {
        engine.shutdown();
        authenticated.shutdown();
        timers.shutdownNow();
    }

    private static EngineIoServerOptions options(WebSocketSettings settings, ScheduledExecutorService timers) {
        EngineIoServerOptions options = EngineIoServerOptions.newFromDefault();
        options.setPingInterval(settings.pingInterval().toMillis());
        options.setPingTimeout(settings.pongTimeout().toMillis());
        // Cross-origin requests are the server's CORS configuration's business, as for every other route.
        options.setCorsHandlingDisabled(true);
        options.setScheduledExecutorService(timers);
        options.setHandshakeInterceptor((query, headers) -> "4".equals(query.get("EIO")));
        return options;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "socket-io-timer-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
