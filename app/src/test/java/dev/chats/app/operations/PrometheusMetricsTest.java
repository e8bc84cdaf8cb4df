package dev.chats.app.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import dev.chats.adapters.openai.FakeOpenAiUpstream;
import dev.chats.app.e2e.TestUsers;
import dev.chats.app.support.TestStore;
import dev.chats.app.ws.WsClient;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Prometheus scrape over real HTTP: off unless {@code chats.metrics.enabled}, refused to anyone but an
 * administrator with 401 and an empty body, and, after the service has been used, holding the HTTP timers by route
 * template, JVM and pool series and the service's own series.
 */
class PrometheusMetricsTest {

    private static final String VAPI_TURN = "{\"assistant\":{\"model\":{\"provider\":\"openai\",\"model\":\"fake\"}},"
            + "\"input\":\"count me\"}";

    @Test
    void byDefault_thereIsNoScrape() {
        try (EmbeddedServer server = server(TestStore.H2.open(), Map.of());
             HttpClient client = HttpClient.create(server.getURL())) {
            TestUsers.Account admin = TestUsers.signUp(client, "Admin");
            assertThat(status(client, HttpRequest.GET("/prometheus").header("Authorization", admin.bearer())))
                    .isEqualTo(404);
            // Nothing is collected either: the service's own meters record into a registry that keeps nothing.
            assertThat(server.getApplicationContext().getBeansOfType(PrometheusMeterRegistry.class)).isEmpty();
            assertThat(server.getApplicationContext().getBean(MeterRegistry.class))
                    .isInstanceOfSatisfying(CompositeMeterRegistry.class,
                            registry -> assertThat(registry.getRegistries()).isEmpty());
        }
    }

    @Test
    void whenEnabled_onlyAnAdminMayScrape_andTheSeriesAreThere() throws Exception {
        try (TestStore.Place place = TestStore.H2.open();
             FakeOpenAiUpstream model = new FakeOpenAiUpstream();
             EmbeddedServer server = server(place, Map.of("chats.metrics.enabled", "true",
                     "chats.model.openai.base-url", model.baseUrl()));
             HttpClient client = HttpClient.create(server.getURL())) {
            TestUsers.Account admin = TestUsers.signUp(client, "Admin");
            TestUsers.Account user = TestUsers.signUp(client, "User");

            for (HttpRequest<?> refused : new HttpRequest<?>[]{HttpRequest.GET("/prometheus"),
                    HttpRequest.GET("/prometheus").header("Authorization", user.bearer()),
                    HttpRequest.GET("/prometheus").header("Authorization", "Bearer not-a-token")}) {
                try {
                    client.toBlocking().exchange(refused, String.class);
                    throw new AssertionError("the scrape answered " + refused.getHeaders().get("Authorization"));
                } catch (HttpClientResponseException e) {
                    assertThat(e.getStatus().getCode()).isEqualTo(401);
                    assertThat(e.getResponse().getBody(String.class).orElse("")).isEmpty();
                }
            }

            String chatId = (String) client.toBlocking().retrieve(HttpRequest.POST("/api/v1/chats/new",
                    Map.of("chat", Map.of("title", "measured"))).header("Authorization", user.bearer()),
                    Argument.mapOf(String.class, Object.class)).get("id");
            client.toBlocking().retrieve(HttpRequest.GET("/api/v1/chats/" + chatId)
                    .header("Authorization", user.bearer()));
            client.toBlocking().retrieve(HttpRequest.POST("/chat", VAPI_TURN).contentType(MediaType.APPLICATION_JSON)
                    .header("Authorization", user.bearer()));
            model.mode(FakeOpenAiUpstream.Mode.FAIL);
            assertThat(status(client, HttpRequest.POST("/chat", VAPI_TURN).contentType(MediaType.APPLICATION_JSON)
                    .header("Authorization", user.bearer()))).isEqualTo(502);

            try (WsClient socket = WsClient.open(server.getURL().toString(), user.token())) {
                assertThat(socket.next(Duration.ofSeconds(5))).contains("\"event\":\"auth\"");
                String scrape = client.toBlocking().retrieve(HttpRequest.GET("/prometheus")
                        .header("Authorization", admin.bearer()));

                assertThat(scrape)
                        .containsPattern("http_server_requests_seconds_count\\{[^}]*method=\"GET\"[^}]*status=\"200\""
                                + "[^}]*uri=\"/api/v1/chats/\\{id}\"[^}]*} 1\n")
                        .contains("jvm_memory_used_bytes{")
                        .contains("jvm_threads_live_threads")
                        .contains("hikaricp_connections_active{")
                        .contains("chats_model_calls_seconds_count{mode=\"complete\",outcome=\"ok\"} 1\n")
                        .contains("chats_model_calls_seconds_count{mode=\"complete\",outcome=\"failed\"} 1\n")
                        .contains("chats_model_tokens_total{kind=\"prompt\"} 10.0")
                        .contains("chats_model_tokens_total{kind=\"completion\"} 5.0")
                        .contains("chats_writes_failed_total{status=\"502\"} 1.0")
                        .contains("chats_websocket_sockets_open 1.0")
                        .contains("chats_websocket_events_dropped_total 0.0")
                        .contains("chats_store_version_conflicts_total")
                        .doesNotContain("chats_search_index_backlog");
            }
        }
    }

    @Test
    void onMariaDb_theIndexerBacklogIsScraped() {
        try (TestStore.Place place = TestStore.MARIADB.open();
             EmbeddedServer server = server(place, Map.of("chats.metrics.enabled", "true"));
             HttpClient client = HttpClient.create(server.getURL())) {
            TestUsers.Account admin = TestUsers.signUp(client, "Admin");
            String scrape = client.toBlocking().retrieve(HttpRequest.GET("/prometheus")
                    .header("Authorization", admin.bearer()));
            assertThat(scrape).contains("chats_search_index_backlog ").contains("chats_store_version_conflicts_total");
        }
    }

    private static EmbeddedServer server(TestStore.Place place, Map<String, Object> settings) {
        Map<String, Object> properties = new HashMap<>(place.properties());
        properties.putAll(settings);
        return ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    private static int status(HttpClient client, HttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, String.class).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }
}
