package dev.chats.adapters.openai;

import dev.chats.domain.completion.Completion;
import dev.chats.domain.completion.ModelMessage;
import dev.chats.domain.completion.ModelRequest;
import dev.chats.domain.completion.ModelUsage;
import dev.chats.domain.port.ModelProvider;
import dev.chats.domain.port.ModelUnavailableException;
import io.micronaut.core.type.Argument;
import io.micronaut.core.util.SupplierUtil;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Model adapter: completes conversations through an OpenAI Chat Completions-compatible server
 * ({@code POST {base}/chat/completions}; streamed with {@code stream_options.include_usage}, read as server-sent
 * events). The request's own URL (a {@code custom-llm} assistant) is called only if {@link ModelUrlPolicy} allows
 * it, and without the server's API key. Every failure of the upstream — unreachable, an error status, an answer
 * that is not what the protocol says, no answer within the timeout (for streams: no new line within it) — is
 * {@link ModelUnavailableException}. A stream whose consumer throws is abandoned: its connection is closed.
 */
public final class OpenAiChatCompletions implements ModelProvider {

    private static final Argument<Object> TREE = Argument.OBJECT_ARGUMENT;
    /**
     * The most an answer may weigh (a whole answer's bytes, a streamed answer's characters): far above what any model
     * writes (a 100,000-token answer is well under 1 MiB), low enough that an upstream answering without end cannot
     * fill the heap.
     */
    static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;

    private final OpenAiSettings settings;
    private final ModelUrlPolicy urls;
    private final JsonMapper json;

    /**
     * Built at its first call: building it loads the JDK's default TLS context (the trust store, the cipher suites),
     * a tenth of a second of CPU that a start, and a server never calling the model, need not spend.
     */
    private final Supplier<HttpClient> client = SupplierUtil.memoized(OpenAiChatCompletions::newClient);

    public OpenAiChatCompletions(OpenAiSettings settings, JsonMapper json) {
        this.settings = settings;
        this.urls = new ModelUrlPolicy(settings.urlsAllowed());
        this.json = json;
    }

    private static HttpClient newClient() {
        // The client's own work on an answer (handing its bytes to BodyText or its lines to SseLines) is short and
        // never blocks, so it runs on the client's selector thread: a hand-off to a pool per answer cost more.
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Runnable::run)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Whether the configured model server answers HTTP at all within {@code timeout} ({@code GET /models}; any status
     * counts: a refused key still means the server is there); for the health report, never a request's path.
     *
     * @return the HTTP status it answered, or empty if it did not answer
     */
    public OptionalInt probe(Duration timeout) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(settings.baseUrl() + "/models"))
                    .timeout(timeout).GET();
        } catch (IllegalArgumentException e) {
            return OptionalInt.empty();
        }
        if (!settings.apiKey().isEmpty()) {
            request.header("Authorization", "Bearer " + settings.apiKey());
        }
        try {
            return OptionalInt.of(client.get().sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).statusCode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        } catch (ExecutionException | TimeoutException e) {
            return OptionalInt.empty();
        }
    }

    /** The model server this connection calls, as configured ({@code OPENAI_API_BASE_URL}). */
    public String baseUrl() {
        return settings.baseUrl();
    }

    @Override
    public Completion complete(ModelRequest request) {
        long deadline = System.nanoTime() + request.timeout().toNanos();
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response = send(httpRequest(request, false), request.timeout());
        BodyText text = new BodyText(MAX_ANSWER_BYTES);
        response.body().subscribe(text);
        if (response.statusCode() / 100 != 2) {
            text.cancel();
            throw new ModelUnavailableException("the model answered HTTP " + response.statusCode(), null);
        }
        Map<String, Object> body = object(parse(text.await(deadline, request.timeout())), "answer");
        Object choices = body.get("choices");
        if (!(choices instanceof List<?> list) || list.isEmpty()) {
            throw garbage("no choices");
        }
        Map<String, Object> message = object(object(list.get(0), "choice").get("message"), "message");
        Object content = message.get("content");
        if (content != null && !(content instanceof String)) {
            throw garbage("message content is not text");
        }
        return new Completion(content == null ? "" : (String) content, usage(body.get("usage")));
    }

    @Override
    public Completion stream(ModelRequest request, Consumer<String> onDelta) {
        SseLines lines = new SseLines();
        // The publisher handler answers with the headers; the lines then arrive as they are read.
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response = send(httpRequest(request, true), request.timeout());
        response.body().subscribe(HttpResponse.BodySubscribers.fromLineSubscriber(lines));
        StringBuilder text = new StringBuilder();
        ModelUsage usage = ModelUsage.NONE;
        boolean finished = false;
        boolean sawData = false;
        try {
            if (response.statusCode() / 100 != 2) {
                throw new ModelUnavailableException("the model answered HTTP " + response.statusCode(), null);
            }
            for (String line = lines.next(request.timeout()); line != null; line = lines.next(request.timeout())) {
                if (!line.startsWith("data:")) {
                    continue; // comments, event names, ids and the blank lines between events
                }
                String data = line.substring(5).trim();
                sawData = true;
                if (data.equals("[DONE]")) {
                    break;
                }
                Map<String, Object> chunk = object(parse(data), "chunk");
                if (chunk.get("error") != null) {
                    throw new ModelUnavailableException("the model reported an error in its stream", null);
                }
                if (chunk.get("usage") instanceof Map<?, ?>) {
                    usage = usage(chunk.get("usage"));
                }
                String delta = delta(chunk);
                if (!delta.isEmpty()) {
                    if (text.length() + delta.length() > MAX_ANSWER_BYTES) {
                        throw new ModelUnavailableException(BodyText.tooLarge(MAX_ANSWER_BYTES), null);
                    }
                    text.append(delta);
                    onDelta.accept(delta);
                }
            }
            finished = true;
            if (!sawData) {
                throw garbage("no server-sent events");
            }
        } catch (SseLines.IdleTimeoutException e) {
            throw new ModelUnavailableException("the model sent nothing for " + request.timeout().toSeconds()
                    + " s", e);
        } catch (IOException e) {
            throw new ModelUnavailableException("the model's stream broke off", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelUnavailableException("the model call was interrupted", e);
        } finally {
            if (!finished) {
                lines.cancel();
            }
        }
        return new Completion(text.toString(), usage);
    }

    private String delta(Map<String, Object> chunk) {
        if (!(chunk.get("choices") instanceof List<?> choices) || choices.isEmpty()) {
            return "";
        }
        Object delta = object(choices.get(0), "choice").get("delta");
        if (delta == null) {
            return "";
        }
        Object content = object(delta, "delta").get("content");
        if (content == null) {
            return "";
        }
        if (!(content instanceof String s)) {
            throw garbage("delta content is not text");
        }
        return s;
    }

    private HttpRequest httpRequest(ModelRequest request, boolean stream) {
        boolean own = request.baseUrl() == null;
        String base = own ? settings.baseUrl() : urls.check(request.baseUrl());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", request.model());
        body.put("messages", request.messages().stream().map(OpenAiChatCompletions::message).toList());
        if (request.temperature() != null) {
            body.put("temperature", request.temperature());
        }
        if (request.maxTokens() != null) {
            body.put("max_tokens", request.maxTokens());
        }
        body.put("stream", stream);
        if (stream) {
            body.put("stream_options", Map.of("include_usage", true));
        }
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(base + "/chat/completions"));
        } catch (IllegalArgumentException e) {
            throw new ModelUnavailableException("the model URL is not valid", e);
        }
        builder.timeout(request.timeout()).header("Content-Type", "application/json")
                .header("Accept", stream ? "text/event-stream" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8));
        if (own && !settings.apiKey().isEmpty()) {
            builder.header("Authorization", "Bearer " + settings.apiKey());
        }
        return builder.build();
    }

    private static Map<String, Object> message(ModelMessage message) {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("role", message.role());
        wire.put("content", message.content());
        return wire;
    }

    /**
     * Sends the request and answers once the response's head has arrived (within {@code timeout}, the request's own
     * timeout); the body is read by whoever subscribes to it. The blocking {@code send} is used rather than
     * {@code sendAsync}: the latter hands every answer to {@code CompletableFuture}'s default executor, which on a
     * host of fewer than three cores starts a new thread per call.
     */
    private HttpResponse<Flow.Publisher<List<ByteBuffer>>> send(HttpRequest http, Duration timeout) {
        try {
            return client.get().send(http, HttpResponse.BodyHandlers.ofPublisher());
        } catch (HttpConnectTimeoutException e) {
            throw new ModelUnavailableException("the model cannot be reached", e);
        } catch (HttpTimeoutException e) {
            throw new ModelUnavailableException("the model did not answer within " + timeout.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new ModelUnavailableException("the model cannot be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelUnavailableException("the model call was interrupted", e);
        }
    }

    private static ModelUsage usage(Object value) {
        if (!(value instanceof Map<?, ?> usage)) {
            return ModelUsage.NONE;
        }
        return new ModelUsage(count(usage.get("prompt_tokens")), count(usage.get("completion_tokens")));
    }

    private static long count(Object value) {
        return value instanceof Number n && n.longValue() >= 0 ? n.longValue() : 0;
    }

    private Object parse(String text) {
        try {
            return json.readValue(text, TREE);
        } catch (IOException | RuntimeException e) {
            throw garbage("not JSON");
        }
    }

    private String write(Object tree) {
        try {
            return json.writeValueAsString(tree);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a model request", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String what) {
        if (value instanceof Map<?, ?>) {
            return (Map<String, Object>) value;
        }
        throw garbage(what + " is not an object");
    }

    private static ModelUnavailableException garbage(String why) {
        return new ModelUnavailableException("the model's answer is not a Chat Completions answer: " + why, null);
    }
}
