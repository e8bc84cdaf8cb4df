package dev.chats.app;

import dev.chats.adapters.rest.ws.EventSockets;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;

/**
 * Connects the WebSocket adapter to the events that reach this instance: each one goes to the open sockets of its
 * recipient here, whichever instance caused it.
 */
@Context
final class SocketDeliveryWiring {

    private final Runnable unsubscribe;

    SocketDeliveryWiring(InProcessChatEvents events, EventSockets sockets) {
        this.unsubscribe = events.subscribe(sockets::deliver);
    }

    @PreDestroy
    void stop() {
        unsubscribe.run();
    }
}
