package dev.chats.app;

import dev.chats.adapters.rest.socketio.SocketIoSessions;
import dev.chats.adapters.rest.ws.EventSockets;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;

/**
 * Connects the socket adapters to the events that reach this instance: each one goes to the open sockets of its
 * recipient here, plain WebSocket ({@code /api/v1/ws}) and Socket.IO ({@code /ws/socket.io}) alike, whichever instance
 * caused it. One subscription serves both, so both see the same events in the same order.
 */
@Context
final class SocketDeliveryWiring {

    private final Runnable unsubscribe;

    SocketDeliveryWiring(InProcessChatEvents events, EventSockets sockets, SocketIoSessions socketIo) {
        this.unsubscribe = events.subscribe(event -> {
            sockets.deliver(event);
            socketIo.deliver(event);
        });
    }

    @PreDestroy
    void stop() {
        unsubscribe.run();
    }
}
