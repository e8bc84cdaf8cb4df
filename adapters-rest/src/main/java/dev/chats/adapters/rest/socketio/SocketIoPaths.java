package dev.chats.adapters.rest.socketio;

/** Where Open WebUI's clients look for Socket.IO: {@code io(url, {path: "/ws/socket.io"})}, with its trailing slash. */
final class SocketIoPaths {

    static final String PATH = "/ws/socket.io/";
    /**
     * The same path for the WebSocket endpoint, written as a template: the framework registers a WebSocket endpoint
     * as a GET route too, and of two routes matching a polling GET it takes the one with fewer variables, the
     * polling controller's; upgrades go to the WebSocket endpoint whatever else matches.
     */
    static final String WEBSOCKET_ROUTE = "/ws/socket.io{/rest}";

    private SocketIoPaths() {
    }
}
