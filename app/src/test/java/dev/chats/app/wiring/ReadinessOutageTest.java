package dev.chats.app.wiring;

import dev.chats.testsupport.RequiredService;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readiness follows the database: DOWN (503) within seconds of losing it, UP again once it is back, while liveness
 * stays UP throughout (restarting the process would not bring the database back). Runs on this machine's
 * PostgreSQL ({@code CHATS_TEST_POSTGRES_URL}) through a relay the test cuts.
 */
class ReadinessOutageTest {

    @Test
    void readinessTurnsDownWithTheDatabase_andUpWhenItReturns_livenessStaysUp() throws Exception {
        String url = System.getenv("CHATS_TEST_POSTGRES_URL");
        RequiredService.require(url != null && !url.isBlank(),
                "no PostgreSQL: set CHATS_TEST_POSTGRES_URL (as .ci/run does) to run the readiness test on PostgreSQL");
        URI target = URI.create(url.substring("jdbc:".length()));
        try (CuttableTcpProxy proxy = new CuttableTcpProxy(target.getHost(),
                target.getPort() < 0 ? 5432 : target.getPort());
             EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                     "datasources.default.url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + target.getPath(),
                     "datasources.default.username", envOr("CHATS_TEST_POSTGRES_USER", "postgres"),
                     "datasources.default.password", envOr("CHATS_TEST_POSTGRES_PASSWORD", ""),
                     "datasources.default.schema", "ready_" + UUID.randomUUID().toString().replace("-", "")
                             .substring(0, 12),
                     "chats.test.drop-schema-on-stop", "true"), "test");
             HttpClient client = HttpClient.create(server.getURL())) {
            assertThat(status(client, "/health/readiness")).isEqualTo(200);

            proxy.cut();
            long cutAt = System.nanoTime();
            int readiness = waitFor(client, "/health/readiness", 503, 20);
            long secondsToDown = (System.nanoTime() - cutAt) / 1_000_000_000L;
            assertThat(readiness).isEqualTo(503);
            assertThat(secondsToDown).as("seconds until readiness is DOWN").isLessThanOrEqualTo(10);
            assertThat(status(client, "/health/liveness")).isEqualTo(200);
            assertThat(status(client, "/health")).isEqualTo(503);

            proxy.restore();
            assertThat(waitFor(client, "/health/readiness", 200, 30)).isEqualTo(200);
            assertThat(status(client, "/health/liveness")).isEqualTo(200);
        }
    }

    /** Polls every half second until the path answers {@code wanted} or the seconds run out; the last status. */
    private static int waitFor(HttpClient client, String path, int wanted, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        int last = status(client, path);
        while (last != wanted && System.nanoTime() < deadline) {
            Thread.sleep(500);
            last = status(client, path);
        }
        return last;
    }

    private static int status(HttpClient client, String path) {
        try {
            return client.toBlocking().exchange(HttpRequest.GET(path), String.class).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
