package dev.chats.adapters.rest.socketio;

import dev.chats.adapters.rest.ws.EventEnvelope;
import dev.chats.adapters.rest.ws.SocketAuthenticator;
import dev.chats.adapters.rest.ws.WebSocketSettings;
import dev.chats.domain.chat.event.ChatEvent;
import dev.chats.domain.user.User;
import dev.chats.domain.user.UserId;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import io.socket.socketio.server.SocketIoNamespace;
import io.socket.socketio.server.SocketIoSocket;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.json.JSONException;
import org.json.JSONObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * The Socket.IO sockets of this instance, by user, as Open WebUI's {@code user:{id}} rooms: delivers each chat event
 * to every socket of its recipient, and to no other, as {@code events} (and {@code chat-events}, the name older
 * clients listen to) with Open WebUI's payload {@code {chat_id, message_id, data: {type, data}}}. Delivery never
 * blocks nor throws to the publisher; a socket whose queue is full is dropped rather than slowing the others.
 *
 * <p>A socket exists only once its connect token was accepted (see {@link ConnectGate}). {@code user-join}
 * ({@code {auth: {token}}}) checks a token again and is acknowledged as Open WebUI does, with {@code {id, name}} of
 * the user, or with nothing for a token that is refused; the socket then receives the events of that token's user.
 * A socket is disconnected when its token expires.
 */
@Singleton
public final class SocketIoSessions {

    private static final Logger LOG = LoggerFactory.getLogger(SocketIoSessions.class);
    static final String USER_JOIN = "user-join";

    private final PendingUsers pending;
    private final SocketAuthenticator authenticator;
    private final WebSocketSettings settings;
    private final JsonMapper json;
    private final ExecutorService blocking;
    private final TaskScheduler scheduler;
    private final Map<UserId, Set<SocketIoSession>> byUser = new ConcurrentHashMap<>();
    private final Set<SocketIoSession> all = ConcurrentHashMap.newKeySet();

    SocketIoSessions(PendingUsers pending, SocketAuthenticator authenticator, WebSocketSettings settings,
                     JsonMapper json, @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                     @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.pending = pending;
        this.authenticator = authenticator;
        this.settings = settings;
        this.json = json;
        this.blocking = blocking;
        this.scheduler = scheduler;
    }

    /**
     * Sends the event to every socket of its recipient on this instance. Never blocks and never throws: call it from
     * any thread, after the change the event describes is stored.
     */
    public void deliver(ChatEvent event) {
        Set<SocketIoSession> sessions = byUser.get(event.recipient());
        if (sessions == null || sessions.isEmpty()) {
            return;
        }
        String text;
        JSONObject payload;
        try {
            text = json.writeValueAsString(EventEnvelope.payload(event));
            payload = new JSONObject(text);
        } catch (IOException | JSONException e) {
            LOG.warn("event {} for user {} cannot be written as JSON; not delivered",
                    event.getClass().getSimpleName(), event.recipient(), e);
            return;
        }
        for (SocketIoSession session : sessions) {
            if (!session.offer(payload, text.length())) {
                LOG.info("dropping a Socket.IO socket of user {}: {} events unread", event.recipient(),
                        session.unflushedFrames());
                forget(session);
                session.drop();
            }
        }
    }

    /** Authenticated Socket.IO sockets on this instance. */
    public int sockets() {
        return all.size();
    }

    /** Socket.IO sockets of one user on this instance. */
    public int socketsOf(UserId user) {
        Set<SocketIoSession> sessions = byUser.get(user);
        return sessions == null ? 0 : sessions.size();
    }

    /** Takes every socket the namespace opens. */
    void attach(SocketIoNamespace namespace) {
        namespace.on("connection", args -> opened((SocketIoSocket) args[0]));
    }

    private void opened(SocketIoSocket socket) {
        SocketAuthenticator.Outcome outcome = pending.take(socket.getClient().getId());
        if (outcome == null || !outcome.accepted()) {
            // Not through the gate (a second connect on one connection): no socket without a token.
            socket.disconnect(true);
            return;
        }
        SocketIoSession session = new SocketIoSession(socket, settings.sendQueueFrames(), settings.sendQueueBytes());
        all.add(session);
        socket.getClient().getConnection().on("flush", args -> session.flushed());
        socket.on("disconnect", args -> closed(session));
        socket.on(USER_JOIN, args -> userJoin(session, args));
        bind(session, outcome.user(), outcome.expiresAtEpochSeconds());
        if (!socket.isConnected()) {
            // Closed before it was registered: its disconnect handler may have run already.
            closed(session);
        }
    }

    private void userJoin(SocketIoSession session, Object[] args) {
        Acknowledgement ack = Acknowledgement.of(args);
        String token = UserJoin.token(args);
        if (token == null) {
            ack.send();
            return;
        }
        try {
            blocking.execute(() -> {
                SocketAuthenticator.Outcome outcome;
                try {
                    outcome = authenticator.authenticate(token, null);
                } catch (RuntimeException e) {
                    LOG.warn("checking a Socket.IO user-join token failed", e);
                    ack.send();
                    return;
                }
                if (outcome.accepted() && session.socket().isConnected()) {
                    bind(session, outcome.user(), outcome.expiresAtEpochSeconds());
                    ack.send(UserJoin.answer(outcome.user()));
                } else {
                    ack.send();
                }
            });
        } catch (RejectedExecutionException e) {
            ack.send();
        }
    }

    /** The socket receives this user's events from now on (and no longer another's it was bound to). */
    private void bind(SocketIoSession session, User user, Long expiresAtEpochSeconds) {
        forget(session);
        session.user(user.id());
        byUser.computeIfAbsent(user.id(), id -> ConcurrentHashMap.newKeySet()).add(session);
        if (expiresAtEpochSeconds != null) {
            Duration left = Duration.ofSeconds(Math.max(0, expiresAtEpochSeconds - Instant.now().getEpochSecond()));
            session.expiry(scheduler.schedule(left, () -> {
                forget(session);
                session.drop();
            }));
        }
        if (!all.contains(session)) {
            // Closed meanwhile: its disconnect handler may have run already.
            forget(session);
            session.expiry(null);
        }
    }

    private void closed(SocketIoSession session) {
        all.remove(session);
        forget(session);
        session.expiry(null);
    }

    private void forget(SocketIoSession session) {
        UserId user = session.user();
        if (user != null) {
            byUser.computeIfPresent(user, (id, sessions) -> {
                sessions.remove(session);
                return sessions.isEmpty() ? null : sessions;
            });
        }
    }

    /** On shutdown every client is told to reconnect elsewhere (at the start of a graceful drain, else here). */
    @PreDestroy
    public void closeAll() {
        for (SocketIoSession session : all) {
            closed(session);
            session.drop();
        }
    }
}
