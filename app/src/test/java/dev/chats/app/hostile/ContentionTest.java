package dev.chats.app.hostile;

import dev.chats.app.support.TestStore;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contention is not an outage: 100 clients write one chat at the same moment over HTTP — half add a message each,
 * half merge a new title — and every write answers 2xx on every store, and every message is there afterwards.
 */
class ContentionTest {

    private static final int WRITERS = 100;
    private static final JsonMapper JSON = JsonMapper.createDefault();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(16)).build();

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void hundredConcurrentWritersOnOneChat_allAnswer2xx_andAllArePresent(TestStore store) throws Exception {
        try (TestStore.Place place = store.open();
             EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
                     new HashMap<String, Object>(place.properties()), "test")) {
            URI base = URI.create(server.getURL().toString());
            String token = (String) post(base, null, "/api/v1/auths/signup", Map.of("name", "Busy",
                    "email", "busy@example.com", "password", "correct horse battery staple")).body().get("token");
            String chat = (String) post(base, token, "/api/v1/chats/new", Map.of("chat", Map.of("title", "busy")))
                    .body().get("id");

            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                int writer = i;
                answers.add(writers.submit(() -> {
                    start.await();
                    return writer % 2 == 0
                            ? post(base, token, "/api/v1/chats/" + chat + "/messages/m" + writer,
                                    Map.of("content", "from writer " + writer))
                            : post(base, token, "/api/v1/chats/" + chat,
                                    Map.of("chat", Map.of("title", "title " + writer)));
                }));
            }
            start.countDown();
            for (Future<Answer> answer : answers) {
                Answer done = answer.get(120, TimeUnit.SECONDS);
                assertThat(done.status()).as(store + ": " + done.raw()).isBetween(200, 299);
            }
            writers.shutdown();

            Map<String, Object> read = get(base, token, "/api/v1/chats/" + chat);
            @SuppressWarnings("unchecked")
            Map<String, Object> messages = (Map<String, Object>) ((Map<String, Object>)
                    ((Map<String, Object>) read.get("chat")).get("history")).get("messages");
            for (int writer = 0; writer < WRITERS; writer += 2) {
                assertThat(messages).as(store + ": message of writer " + writer).containsKey("m" + writer);
            }
            assertThat((String) read.get("title")).startsWith("title ");
        }
    }

    private record Answer(int status, String raw, Map<String, Object> body) {
    }

    private Answer post(URI base, String token, String path, Map<String, Object> body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Map<String, Object> parsed = response.statusCode() / 100 == 2
                ? JSON.readValue(response.body(), Argument.mapOf(String.class, Object.class)) : Map.of();
        return new Answer(response.statusCode(), response.body(), parsed);
    }

    private Map<String, Object> get(URI base, String token, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path))
                .header("authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readValue(response.body(), Argument.mapOf(String.class, Object.class));
    }
}
