package dev.chats.adapters.rest.socketio;

import io.socket.socketio.server.SocketIoSocket;

/**
 * The acknowledgement a client asked for with an event (the library passes it as the last argument), or nothing if
 * it asked for none. Open WebUI acknowledges a refused {@code user-join} with no arguments.
 */
final class Acknowledgement {

    private static final Acknowledgement NONE = new Acknowledgement(null);

    private final SocketIoSocket.ReceivedByLocalAcknowledgementCallback callback;

    private Acknowledgement(SocketIoSocket.ReceivedByLocalAcknowledgementCallback callback) {
        this.callback = callback;
    }

    static Acknowledgement of(Object[] args) {
        return args.length > 0
                && args[args.length - 1] instanceof SocketIoSocket.ReceivedByLocalAcknowledgementCallback callback
                ? new Acknowledgement(callback) : NONE;
    }

    void send(Object... args) {
        if (callback != null) {
            try {
                callback.sendAcknowledgement(args);
            } catch (RuntimeException e) {
                // The socket closed meanwhile: nobody to answer.
            }
        }
    }
}
