package dev.chats.adapters.rest.ws;

import io.micronaut.websocket.CloseReason;

import java.util.concurrent.CompletionStage;

/** What an event socket needs from its connection; the server's is {@link SessionTransport}. */
interface SocketTransport {

    /** Queues a text frame; completes once it is written to the network, exceptionally if it cannot be. */
    CompletionStage<?> send(String frame);

    /** Queues a ping. */
    void ping();

    /** Closes with a close frame carrying the code and reason. */
    void close(CloseReason reason);

    /** Drops the connection at once, not waiting for a close frame to reach a client that reads nothing. */
    void abort();
}
