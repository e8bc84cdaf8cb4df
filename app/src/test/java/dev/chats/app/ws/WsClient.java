package dev.chats.app.ws;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Test helper: a real WebSocket client (the JDK's) that collects the text frames it receives and how the server
 * closed it. The JDK answers the server's pings by itself.
 */
public final class WsClient implements AutoCloseable {

    /** How the server closed the socket; code 1006 if the connection just went away. */
    public record Closed(int code, String reason) {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private WsClient(URI uri) {
        this.socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, new Listener()).join();
    }

    /** Opens {@code /api/v1/ws} on the server at {@code base} (http://host:port), with an optional query token. */
    public static WsClient open(String base, String token) {
        String ws = base.replaceFirst("^http", "ws") + "/api/v1/ws";
        return new WsClient(URI.create(token == null ? ws : ws + "?token=" + token));
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /** Sends one message in fragments of the given size. */
    void sendFragmented(String text, int fragment) {
        for (int start = 0; start < text.length(); start += fragment) {
            int end = Math.min(text.length(), start + fragment);
            socket.sendText(text.substring(start, end), end == text.length()).join();
        }
    }

    /** The next text frame, or fails the test if none arrives in time. */
    public String next(Duration timeout) throws InterruptedException {
        String frame = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (frame == null) {
            throw new AssertionError("no frame within " + timeout
                    + (closed.isDone() ? "; closed " + closed.join() : ""));
        }
        return frame;
    }

    /** The next text frame if one arrives in time, else null. */
    String poll(Duration timeout) throws InterruptedException {
        return frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Frames received and not yet taken. */
    int pending() {
        return frames.size();
    }

    public Closed awaitClose(Duration timeout) {
        return closed.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(new Closed(1006, String.valueOf(error)));
        }
    }
}
