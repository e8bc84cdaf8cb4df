package dev.chats.app.crash;

import dev.chats.adapters.openai.FakeOpenAiUpstream;
import dev.chats.app.ws.WsClient;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rolling update as the server process sees it: SIGTERM while writers are busy, a slow model call is in flight and
 * a WebSocket client is connected. The process must answer the call in flight, tell the socket to reconnect
 * elsewhere (1001), exit with status 0 well within the grace period, and every write it acknowledged must be there
 * after a restart.
 */
class GracefulShutdownTest {

    private static final int WRITERS = 4;
    private static final JsonMapper JSON = JsonMapper.createDefault();

    @TempDir
    Path dataDir;

    @Test
    void sigterm_answersWhatIsInFlight_closesSocketsWith1001_exits0_andKeepsEveryAcknowledgedWrite() throws Exception {
        WriteLoad load = new WriteLoad();
        Path log = ServerProcess.logFile("graceful-shutdown").toPath();
        Files.deleteIfExists(log);
        try (FakeOpenAiUpstream model = new FakeOpenAiUpstream();
             ServerProcess server = new ServerProcess(Map.of("CHATS_DATA_DIR", dataDir.toString(),
                     "CHATS_JWT_SECRET", "shutdown-test-secret-" + UUID.randomUUID(),
                     "OPENAI_API_BASE_URL", model.baseUrl(), "CHATS_SHUTDOWN_GRACE", "15s"), log)) {
            model.mode(FakeOpenAiUpstream.Mode.SLOW);
            model.delayMillis(3_000);
            server.start();
            String token = load.signUp(server.base());
            WsClient socket = WsClient.open(server.base().toString(), null);
            socket.send("{\"type\":\"auth\",\"token\":\"" + token + "\"}");
            assertThat(socket.next(Duration.ofSeconds(5))).contains("\"event\":\"auth\"");

            WriteLoad.Acknowledged acknowledged = new WriteLoad.Acknowledged();
            AtomicBoolean stopped = new AtomicBoolean();
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            for (int w = 0; w < WRITERS; w++) {
                String writer = "w" + w;
                writers.submit(() -> load.write(server.base(), token, writer, acknowledged, stopped));
            }
            CompletableFuture<HttpResponse<String>> slowTurn = HttpClient.newHttpClient().sendAsync(
                    HttpRequest.newBuilder(server.base().resolve("/chat")).timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"assistant\":{\"model\":{\"provider\":"
                                    + "\"openai\",\"model\":\"fake\"}},\"input\":\"in flight at SIGTERM\"}")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Thread.sleep(1_500);

            long signalled = System.nanoTime();
            int exit = server.terminate(Duration.ofSeconds(30));
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);
            stopped.set(true);
            writers.shutdown();
            assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            assertThat(exit).as("exit status after SIGTERM; see %s", log).isEqualTo(0);
            assertThat(tookMillis).as("milliseconds from SIGTERM to exit").isLessThan(15_000);
            assertThat(socket.awaitClose(Duration.ofSeconds(5)).code()).isEqualTo(1001);
            HttpResponse<String> turn = slowTurn.get(5, TimeUnit.SECONDS);
            assertThat(turn.statusCode()).as("the model call in flight at SIGTERM: %s", turn.body()).isEqualTo(201);
            Map<String, Object> chat = JSON.readValue(turn.body(), Argument.mapOf(String.class, Object.class));
            assertThat(acknowledged.count()).as("writes acknowledged before the exit").isGreaterThan(10);

            server.start();
            load.assertAllPresent(server.base(), token, acknowledged);
            HttpResponse<String> stored = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    server.base().resolve("/chat/" + chat.get("id"))).header("Authorization", "Bearer " + token)
                    .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(stored.statusCode()).as("the turn answered during the drain is stored").isEqualTo(200);
        }
    }
}
