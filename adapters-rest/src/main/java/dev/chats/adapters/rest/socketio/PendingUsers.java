package dev.chats.adapters.rest.socketio;

import dev.chats.adapters.rest.ws.SocketAuthenticator;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who each connection authenticated as, by Engine.IO session id, between the {@link ConnectGate} accepting its token
 * and the Socket.IO layer opening its socket; a socket opened without an entry here is disconnected.
 */
@Singleton
final class PendingUsers {

    private final Map<String, SocketAuthenticator.Outcome> byConnection = new ConcurrentHashMap<>();

    void put(String connectionId, SocketAuthenticator.Outcome outcome) {
        byConnection.put(connectionId, outcome);
    }

    /** The accepted token's outcome, once: null if none is waiting. */
    SocketAuthenticator.Outcome take(String connectionId) {
        return byConnection.remove(connectionId);
    }

    void forget(String connectionId) {
        byConnection.remove(connectionId);
    }
}
