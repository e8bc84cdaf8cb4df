package dev.chats.app.wiring;

import dev.chats.testsupport.RequiredService;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database that goes away during operation: requests answer 503 with a detail (never 500, never a hang), and
 * the server serves again once the database is back, without a restart. Runs on this machine's PostgreSQL
 * ({@code CHATS_TEST_POSTGRES_URL}) through a relay the test can cut.
 */
class DatabaseOutageTest {

    /** PostgreSQL as the tests reach it, or the test is skipped (fails under {@code CI=true}). */
    private static URI postgres() {
        String url = System.getenv("CHATS_TEST_POSTGRES_URL");
        RequiredService.require(url != null && !url.isBlank(),
                "no PostgreSQL: set CHATS_TEST_POSTGRES_URL (as .ci/run does) to run the outage test on PostgreSQL");
        return URI.create(url.substring("jdbc:".length()));
    }

    private static CuttableTcpProxy relayTo(URI target) throws IOException {
        return new CuttableTcpProxy(target.getHost(), target.getPort() < 0 ? 5432 : target.getPort());
    }

    /** A server on PostgreSQL through the relay, in a schema of its own dropped when it stops. */
    private static EmbeddedServer serverBehind(CuttableTcpProxy proxy, URI target, Map<String, Object> settings) {
        Map<String, Object> properties = new HashMap<>(settings);
        properties.put("datasources.default.url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + target.getPath());
        properties.put("datasources.default.username", envOr("CHATS_TEST_POSTGRES_USER", "postgres"));
        properties.put("datasources.default.password", envOr("CHATS_TEST_POSTGRES_PASSWORD", ""));
        properties.put("datasources.default.schema",
                "outage_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        properties.put("chats.test.drop-schema-on-stop", "true");
        return ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    @Test
    void lostDatabase_answers503_andTheServerRecoversWhenItReturns() throws Exception {
        URI target = postgres();
        try (CuttableTcpProxy proxy = relayTo(target);
             EmbeddedServer server = serverBehind(proxy, target,
                     Map.of("datasources.default.connection-timeout-millis", "1000"));
             HttpClient client = HttpClient.create(server.getURL())) {
            String token = signUp(client);
            assertThat(status(client, token)).isEqualTo(200);

            proxy.cut();
            HttpClientResponseException down = call(client, token);
            assertThat(down.getStatus().getCode()).isEqualTo(503);
            assertThat(down.getResponse().getBody(String.class).orElse(""))
                    .contains("\"detail\":\"The database is unavailable right now. Please try again shortly.\"");

            proxy.restore();
            int recovered = 0;
            for (int attempt = 0; attempt < 20 && recovered != 200; attempt++) {
                recovered = status(client, token);
                if (recovered != 200) {
                    Thread.sleep(500);
                }
            }
            assertThat(recovered).isEqualTo(200);
        }
    }

    /**
     * A database that stops answering without closing anything (packets dropped): in-flight and new requests answer
     * 503 within the configured bound (network timeout 3 s, connection timeout 2 s here), requests while it is known
     * away are refused at once, and the server serves again once it answers, without a restart.
     */
    @Test
    void silentDatabase_answers503WithinTheBound_failsFastMeanwhile_andRecovers() throws Exception {
        URI target = postgres();
        try (CuttableTcpProxy proxy = relayTo(target);
             EmbeddedServer server = serverBehind(proxy, target, Map.of(
                     "datasources.default.connection-timeout-millis", "2000",
                     "datasources.default.network-timeout", "3s",
                     "datasources.default.outage-fail-fast", "2s"));
             HttpClient client = HttpClient.create(server.getURL())) {
            String token = signUp(client);
            assertThat(status(client, token)).isEqualTo(200);

            proxy.silence();
            ExecutorService callers = Executors.newFixedThreadPool(8);
            List<Future<long[]>> inFlight = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                inFlight.add(callers.submit(() -> {
                    long started = System.nanoTime();
                    int code = status(client, token);
                    return new long[]{code, (System.nanoTime() - started) / 1_000_000};
                }));
            }
            for (Future<long[]> call : inFlight) {
                long[] answer = call.get(30, TimeUnit.SECONDS);
                assertThat(answer[0]).as("status while the database is silent").isEqualTo(503);
                assertThat(answer[1]).as("milliseconds to the 503").isLessThan(8_000);
            }
            callers.shutdown();
            long started = System.nanoTime();
            assertThat(status(client, token)).isEqualTo(503);
            assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds to a 503 while known away")
                    .isLessThan(1_000);

            proxy.speak();
            int recovered = 0;
            for (int attempt = 0; attempt < 60 && recovered != 200; attempt++) {
                recovered = status(client, token);
                if (recovered != 200) {
                    Thread.sleep(500);
                }
            }
            assertThat(recovered).isEqualTo(200);
        }
    }

    private static String signUp(HttpClient client) {
        HttpResponse<Map> reply = client.toBlocking().exchange(HttpRequest.POST("/api/v1/auths/signup",
                "{\"name\":\"Ops\",\"email\":\"ops@example.com\",\"password\":\"correct horse\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE), Map.class);
        return (String) reply.body().get("token");
    }

    private static int status(HttpClient client, String token) {
        try {
            return client.toBlocking().exchange(HttpRequest.GET("/api/v1/chats/").bearerAuth(token), String.class)
                    .code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private static HttpClientResponseException call(HttpClient client, String token) {
        try {
            client.toBlocking().exchange(HttpRequest.GET("/api/v1/chats/").bearerAuth(token), String.class);
            throw new AssertionError("the request succeeded with the database cut off");
        } catch (HttpClientResponseException e) {
            return e;
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
