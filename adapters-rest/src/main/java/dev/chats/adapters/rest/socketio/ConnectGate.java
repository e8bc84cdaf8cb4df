package dev.chats.adapters.rest.socketio;

import dev.chats.adapters.rest.ws.SocketAuthenticator;
import dev.chats.adapters.rest.ws.WebSocketSettings;
import io.micronaut.scheduling.TaskExecutors;
import io.socket.engineio.server.Emitter;
import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.socketio.server.parser.IOParser;
import io.socket.socketio.server.parser.Packet;
import io.socket.socketio.server.parser.Parser;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.json.JSONObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Holds each new Engine.IO connection until its Socket.IO {@code CONNECT} packet presents a token that is accepted
 * ({@code auth: {token}}, checked as every socket's is, off the transport's thread). Only then is the connection
 * handed to the Socket.IO layer, the {@code CONNECT} replayed to it, and answered there; a missing or refused token
 * is answered with a {@code connect_error} carrying the reason, and the connection closed, so such a client never
 * gets a socket nor any event. A connection that sends no {@code CONNECT} within {@code chats.websocket.auth-timeout}
 * is closed.
 */
@Singleton
final class ConnectGate {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectGate.class);
    static final String NO_TOKEN = "Not authenticated: connect with auth: {token}";
    static final String INVALID_NAMESPACE = "Invalid namespace";
    static final String DEFAULT_NAMESPACE = "/";
    /** Packets a well-behaved client never sends before its connect is answered; more is not a client. */
    private static final int MAX_HELD_PACKETS = 8;
    private static final long OPEN_WAIT_SECONDS = 2;

    private final SocketAuthenticator authenticator;
    private final PendingUsers pending;
    private final WebSocketSettings settings;
    private final ExecutorService blocking;
    private final IOParser.Encoder encoder = new IOParser.Encoder();

    ConnectGate(SocketAuthenticator authenticator, PendingUsers pending, WebSocketSettings settings,
                @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.authenticator = authenticator;
        this.pending = pending;
        this.settings = settings;
        this.blocking = blocking;
    }

    /**
     * Starts holding a new connection.
     *
     * @param next the Engine.IO server whose Socket.IO layer receives the connection once it is authenticated
     */
    void hold(EngineIoSocket connection, EngineIoServer next, ScheduledExecutorService timers) {
        Held held = new Held(connection, next);
        connection.on("data", held);
        connection.on("close", args -> pending.forget(connection.getId()));
        timers.schedule(held::expire, settings.authTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One held connection: what it sent so far, and whether its token is being checked or was accepted. */
    private final class Held implements Emitter.Listener {

        private final EngineIoSocket connection;
        private final EngineIoServer next;
        private final IOParser.Decoder decoder = new IOParser.Decoder();
        private final List<Object> received = new ArrayList<>();
        private final CountDownLatch opened = new CountDownLatch(1);
        private boolean checking;
        private volatile boolean passed;
        private volatile Thread replaying;

        Held(EngineIoSocket connection, EngineIoServer next) {
            this.connection = connection;
            this.next = next;
            decoder.onDecoded(this::decoded);
        }

        @Override
        public void call(Object... args) {
            if (passed) {
                // After the hand-over the Socket.IO layer, registered after this listener, takes the packet; it must
                // not see it before the replay has opened the socket. Not waited for on the replaying thread itself.
                if (Thread.currentThread() != replaying) {
                    awaitOpened();
                }
                return;
            }
            synchronized (this) {
                if (passed) {
                    awaitOpened();
                    return;
                }
                hold(args[0]);
            }
        }

        private void hold(Object data) {
            if (received.size() >= MAX_HELD_PACKETS) {
                connection.close();
                return;
            }
            received.add(data);
            if (checking) {
                // Sent before the connect was answered: replayed after it, in order.
                return;
            }
            try {
                if (data instanceof String text) {
                    decoder.add(text);
                } else {
                    connection.close();
                }
            } catch (RuntimeException e) {
                LOG.debug("closing a Socket.IO connection that sent an unreadable packet: {}", e.toString());
                connection.close();
            }
        }

        /**
         * Bounded: a transport may hold its own lock while delivering, a lock the replay may need to send the connect's
         * answer; a client that sends before that answer only loses its early packet, never a thread.
         */
        private void awaitOpened() {
            try {
                if (!opened.await(OPEN_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    LOG.debug("a Socket.IO packet arrived before its socket opened; the Socket.IO layer drops it");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The first packet, decoded; the text it came in stays in {@code received}, to be replayed. */
        private void decoded(Packet<?> packet) {
            if (packet.type != Parser.CONNECT) {
                // Nothing but a connect may come first.
                connection.close();
                return;
            }
            if (!DEFAULT_NAMESPACE.equals(packet.nsp)) {
                refuse(packet.nsp, INVALID_NAMESPACE, false);
                return;
            }
            String token = packet.data instanceof JSONObject auth ? auth.optString("token", null) : null;
            if (token == null || token.isBlank()) {
                refuse(packet.nsp, NO_TOKEN, true);
                return;
            }
            checking = true;
            try {
                blocking.execute(() -> check(token));
            } catch (RejectedExecutionException e) {
                refuse(packet.nsp, "The server is busy; try again", true);
            }
        }

        private void check(String token) {
            SocketAuthenticator.Outcome outcome;
            try {
                outcome = authenticator.authenticate(token, null);
            } catch (RuntimeException e) {
                LOG.warn("checking a Socket.IO connection's token failed", e);
                outcome = null;
            }
            if (outcome == null || !outcome.accepted()) {
                refuse(DEFAULT_NAMESPACE, outcome == null ? "Internal error" : outcome.refusal().getReason(), true);
                return;
            }
            pending.put(connection.getId(), outcome);
            pass();
            // Taken by the socket it opened; left only if the connection closed meanwhile.
            pending.forget(connection.getId());
        }

        /**
         * Hands the connection to the Socket.IO layer and replays what it sent, the connect first. Packets arriving
         * meanwhile wait (see {@link #call}) until the socket is open, instead of reaching a Socket.IO layer that would
         * drop them: a fast client emits as soon as it reads the connect's answer, which is sent during the replay.
         */
        private void pass() {
            List<Object> replay;
            synchronized (this) {
                passed = true;
                replay = List.copyOf(received);
                received.clear();
            }
            replaying = Thread.currentThread();
            try {
                next.emit("connection", connection);
                for (Object data : replay) {
                    connection.emit("data", data);
                }
            } finally {
                replaying = null;
                opened.countDown();
            }
        }

        void expire() {
            synchronized (this) {
                if (passed || checking) {
                    return;
                }
                passed = true;
            }
            opened.countDown();
            connection.close();
        }

        /**
         * Answers a connect with {@code connect_error}. Sends outside this object's lock: a transport may hold its own
         * lock while waiting for this one.
         */
        private void refuse(String namespace, String message, boolean close) {
            synchronized (this) {
                checking = false;
                received.clear();
                if (close) {
                    passed = true;
                }
            }
            Packet<JSONObject> error = new Packet<>(Parser.CONNECT_ERROR, new JSONObject().put("message", message));
            error.nsp = namespace;
            encoder.encode(error, encoded -> {
                for (Object item : encoded) {
                    connection.send(new io.socket.engineio.server.parser.Packet<>(
                            io.socket.engineio.server.parser.Packet.MESSAGE, item));
                }
            });
            if (close) {
                opened.countDown();
                connection.close();
            }
        }
    }
}
