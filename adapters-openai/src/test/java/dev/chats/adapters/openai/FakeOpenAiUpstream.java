package dev.chats.adapters.openai;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test fixture: a deterministic OpenAI-compatible upstream on loopback, over real HTTP. For the last user message
 * {@code u} of a request with {@code n} messages it answers {@code ECHO[n]: u} with usage 10 prompt / 5 completion
 * tokens; streamed, it sends a role-only chunk, the text in 3 chunks, a finish chunk, a usage chunk and
 * {@code [DONE]}. It records the last request (body and authorization header). Other modes answer 500, answer
 * garbage, answer only after a delay, stop sending in the middle of a stream (or of a whole answer), hold a
 * stream after its first piece of text until the test releases it, or answer without end until the caller hangs up.
 */
public final class FakeOpenAiUpstream implements AutoCloseable {

    /** How the upstream answers the next requests. */
    public enum Mode { ECHO, FAIL, GARBAGE, SLOW, HANG_MID_STREAM, HOLD_MID_STREAM, ENDLESS }

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.createDefault();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Mode mode = Mode.ECHO;
    private volatile long delayMillis = 3_000;
    private volatile Map<String, Object> lastBody;
    private volatile String lastAuthorization;
    private volatile String lastPath;
    private volatile CountDownLatch gate = new CountDownLatch(1);
    private final AtomicInteger held = new AtomicInteger();

    public FakeOpenAiUpstream() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake-openai");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL to configure, e.g. {@code http://127.0.0.1:40123/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public void mode(Mode newMode) {
        this.mode = newMode;
    }

    /** How long {@link Mode#SLOW} and {@link Mode#HANG_MID_STREAM} wait, and {@link Mode#HOLD_MID_STREAM} at most. */
    public void delayMillis(long millis) {
        this.delayMillis = millis;
    }

    /** How many streams {@link Mode#HOLD_MID_STREAM} is holding after their first piece of text. */
    public int held() {
        return held.get();
    }

    /** Lets every held stream go on to its end; later streams are held again. */
    public void release() {
        CountDownLatch released = gate;
        gate = new CountDownLatch(1);
        released.countDown();
    }

    public Map<String, Object> lastBody() {
        return lastBody;
    }

    /** The messages of the last request as {@code role: content} pairs. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> lastMessages() {
        return (List<Map<String, Object>>) lastBody.get("messages");
    }

    public String lastAuthorization() {
        return lastAuthorization;
    }

    public String lastPath() {
        return lastPath;
    }

    public int requests() {
        return requests.get();
    }

    /** The answer the fake gives to these messages. */
    @SuppressWarnings("unchecked")
    public static String echo(List<?> messages) {
        String last = "";
        for (Object m : messages) {
            Map<String, Object> message = (Map<String, Object>) m;
            if ("user".equals(message.get("role"))) {
                last = String.valueOf(message.get("content"));
            }
        }
        return "ECHO[" + messages.size() + "]: " + last;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            lastPath = exchange.getRequestURI().getPath();
            lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
            byte[] raw = exchange.getRequestBody().readAllBytes();
            if (!"POST".equals(exchange.getRequestMethod()) || !lastPath.endsWith("/chat/completions")) {
                send(exchange, 404, "{\"error\":{\"message\":\"not found\"}}");
                return;
            }
            Map<String, Object> body = json.readValue(raw, Argument.mapOf(String.class, Object.class));
            lastBody = body;
            Mode current = mode;
            if (current == Mode.FAIL) {
                send(exchange, 500, "{\"error\":{\"message\":\"upstream exploded\",\"type\":\"server_error\"}}");
                return;
            }
            if (current == Mode.GARBAGE) {
                send(exchange, 200, "<html>this is not JSON</html>");
                return;
            }
            if (current == Mode.ENDLESS) {
                sendWithoutEnd(exchange, Boolean.TRUE.equals(body.get("stream")));
                return;
            }
            if (current == Mode.SLOW) {
                sleep(delayMillis);
            }
            String text = echo((List<?>) body.get("messages"));
            if (Boolean.TRUE.equals(body.get("stream"))) {
                stream(exchange, text, current);
            } else if (current == Mode.HANG_MID_STREAM) {
                sendHalfAndHang(exchange, json.writeValueAsString(whole(text)));
            } else {
                send(exchange, 200, json.writeValueAsString(whole(text)));
            }
        }
    }

    /** Text (a JSON object that never closes, or delta events) until the caller closes the connection. */
    private void sendWithoutEnd(HttpExchange exchange, boolean stream) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", stream ? "text/event-stream" : "application/json");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        String piece = "x".repeat(64 * 1024);
        byte[] chunk = (stream ? "data: " + json.writeValueAsString(Map.of("id", "chatcmpl-fake",
                "object", "chat.completion.chunk", "choices", List.of(Map.of("index", 0,
                        "delta", Map.of("content", piece))))) + "\n\n" : piece).getBytes(StandardCharsets.UTF_8);
        if (!stream) {
            out.write("{\"padding\":\"".getBytes(StandardCharsets.UTF_8));
        }
        try {
            for (int i = 0; i < 100_000; i++) {
                out.write(chunk);
            }
        } catch (IOException callerHungUp) {
            // The caller stopped reading, as it should: the answer went over its limit.
        }
    }

    private void sendHalfAndHang(HttpExchange exchange, String answer) throws IOException {
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        OutputStream out = exchange.getResponseBody();
        out.write(bytes, 0, bytes.length / 2);
        out.flush();
        sleep(delayMillis);
    }

    private Map<String, Object> whole(String text) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", "chatcmpl-fake");
        answer.put("object", "chat.completion");
        answer.put("created", 1_700_000_000);
        answer.put("model", "fake");
        answer.put("choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                "message", Map.of("role", "assistant", "content", text))));
        answer.put("usage", usage());
        return answer;
    }

    private static Map<String, Object> usage() {
        return Map.of("prompt_tokens", 10, "completion_tokens", 5, "total_tokens", 15);
    }

    private void stream(HttpExchange exchange, String text, Mode current) throws IOException {
        CountDownLatch holding = gate;
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        List<Object> deltas = new ArrayList<>();
        deltas.add(Map.of("role", "assistant", "content", ""));
        for (String piece : thirds(text)) {
            deltas.add(Map.of("content", piece));
        }
        boolean first = true;
        for (Object delta : deltas) {
            Map<String, Object> chunk = Map.of("id", "chatcmpl-fake", "object", "chat.completion.chunk",
                    "choices", List.of(Map.of("index", 0, "delta", delta)));
            if (current == Mode.HOLD_MID_STREAM && !first && holding.getCount() > 0) {
                if (!sendThenHold(out, chunk, holding)) {
                    return;
                }
            } else {
                event(out, chunk);
            }
            if (current == Mode.HANG_MID_STREAM && !first) {
                sleep(delayMillis);
                return;
            }
            first = false;
        }
        event(out, Map.of("id", "chatcmpl-fake", "object", "chat.completion.chunk",
                "choices", List.of(Map.of("index", 0, "delta", Map.of(), "finish_reason", "stop"))));
        event(out, Map.of("id", "chatcmpl-fake", "object", "chat.completion.chunk", "choices", List.of(),
                "usage", usage()));
        out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /**
     * Sends a piece of text, then waits for {@link #release} (at most {@link #delayMillis}); false when it did not
     * come. The stream counts as held before the piece goes out: a client that has read it must find it counted.
     */
    private boolean sendThenHold(OutputStream out, Map<String, Object> chunk, CountDownLatch holding)
            throws IOException {
        held.incrementAndGet();
        try {
            event(out, chunk);
            return holding.await(delayMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            held.decrementAndGet();
        }
    }

    /** The text in three non-empty pieces (fewer if it is shorter than three characters). */
    public static List<String> thirds(String text) {
        List<String> pieces = new ArrayList<>();
        int size = Math.max(1, (text.length() + 2) / 3);
        for (int i = 0; i < text.length(); i += size) {
            pieces.add(text.substring(i, Math.min(text.length(), i + size)));
        }
        return pieces;
    }

    private void event(OutputStream out, Map<String, Object> chunk) throws IOException {
        out.write(("data: " + json.writeValueAsString(chunk) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
