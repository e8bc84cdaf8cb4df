package dev.chats.app.e2e;

import dev.chats.adapters.openai.FakeOpenAiUpstream;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streamed {@code POST /chat} answers are held open side by side, however many: with the model pausing after its
 * first piece of text, every stream reaches its client's first delta while none has ended. Reactor's bounded elastic
 * scheduler, used before ModelStreamScheduler, ran ten per core (20 here) and left the rest without a byte until an
 * earlier answer ended; this test opens more than that.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManyOpenStreamsTest implements TestPropertyProvider {

    static final FakeOpenAiUpstream UPSTREAM = new FakeOpenAiUpstream();
    static final int STREAMS = 48;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("chats.model.openai.base-url", UPSTREAM.baseUrl(),
                "chats.model.urls-allowed", UPSTREAM.baseUrl());
    }

    @AfterAll
    void stopUpstream() {
        UPSTREAM.release();
        UPSTREAM.close();
    }

    @Test
    void moreStreamsThanTheOldSchedulersCapAllReachTheirFirstDeltaBeforeAnyEnds() throws Exception {
        Api api = new Api(client, json);
        TestUsers.signUp(client, "Admin");
        TestUsers.Account user = TestUsers.signUp(client, "Streamer");
        UPSTREAM.mode(FakeOpenAiUpstream.Mode.HOLD_MID_STREAM);
        UPSTREAM.delayMillis(120_000);
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        CountDownLatch firstDeltas = new CountDownLatch(STREAMS);
        AtomicInteger ended = new AtomicInteger();
        ExecutorService readers = Executors.newFixedThreadPool(STREAMS);
        try {
            List<CompletableFuture<List<Map<String, Object>>>> streams = new ArrayList<>();
            for (int i = 0; i < STREAMS; i++) {
                String body = api.write(Map.of("input", "hello " + i, "stream", true, "assistant",
                        Map.of("model", Map.of("provider", "custom-llm", "url", UPSTREAM.baseUrl(), "model", "m"))));
                HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + "/chat"))
                        .header("Authorization", user.bearer()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                streams.add(CompletableFuture.supplyAsync(() -> read(api, http, request, firstDeltas, ended),
                        readers));
            }

            assertThat(firstDeltas.await(60, TimeUnit.SECONDS))
                    .as("streams that reached their first delta: %d of %d", STREAMS - firstDeltas.getCount(), STREAMS)
                    .isTrue();
            assertThat(ended).as("streams ended while the model was holding them").hasValue(0);
            assertThat(UPSTREAM.held()).isEqualTo(STREAMS);

            UPSTREAM.release();
            for (int i = 0; i < STREAMS; i++) {
                List<Map<String, Object>> events = streams.get(i).get(60, TimeUnit.SECONDS);
                StringBuilder text = new StringBuilder();
                events.forEach(event -> text.append(event.get("delta")));
                assertThat(text).hasToString("ECHO[1]: hello " + i);
                Api.Reply stored = api.get(user.token(), "/chat/" + events.get(0).get("id"));
                assertThat(stored.status()).as(stored.raw()).isEqualTo(200);
            }
        } finally {
            UPSTREAM.release();
            readers.shutdownNow();
        }
    }

    /** Reads one stream's events, counting down at its first delta and counting its end. */
    private static List<Map<String, Object>> read(Api api, java.net.http.HttpClient http, HttpRequest request,
                                                  CountDownLatch firstDeltas, AtomicInteger ended) {
        List<Map<String, Object>> events = new ArrayList<>();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("data:")) {
                        events.add(api.parseObject(line.substring(5).trim()));
                        if (events.size() == 1) {
                            firstDeltas.countDown();
                        }
                    }
                }
            }
            ended.incrementAndGet();
            return events;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
