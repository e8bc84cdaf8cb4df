package dev.chats.app.operations;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.chats.app.e2e.TestUsers;
import dev.chats.testsupport.RequiredService;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.InetSocketAddress;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health routes over real HTTP: open to anyone with the status only, each indicator's details for administrators
 * only, and on MongoDB without any JDBC pool.
 */
class HealthEndpointsTest {

    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    private static EmbeddedServer server;
    private static HttpClient client;
    private static TestUsers.Account admin;
    private static TestUsers.Account user;

    @BeforeAll
    static void start() {
        server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "datasources.default.url", "jdbc:h2:mem:health;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"), "test");
        client = HttpClient.create(server.getURL());
        admin = TestUsers.signUp(client, "Admin");
        user = TestUsers.signUp(client, "User");
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void anonymousCallers_getTheStatusOfEachProbe_andNothingElse() {
        for (String path : new String[]{"/health", "/health/liveness", "/health/readiness"}) {
            HttpResponse<Map<String, Object>> answer = client.toBlocking().exchange(HttpRequest.GET(path), JSON);
            assertThat(answer.code()).as(path).isEqualTo(200);
            assertStatusOnly(answer.body());
        }
    }

    @Test
    void aUserWhoIsNoAdmin_getsTheStatusOnly() {
        Map<String, Object> body = client.toBlocking().retrieve(HttpRequest.GET("/health/readiness")
                .header("Authorization", user.bearer()), JSON);
        assertStatusOnly(body);
    }

    /** The serialiser writes absent fields as null (Open WebUI's clients want the keys): no value but the status. */
    private static void assertStatusOnly(Map<String, Object> body) {
        assertThat(body).containsEntry("status", "UP");
        body.forEach((key, value) -> {
            if (!key.equals("status")) {
                assertThat(value).as(key).isNull();
            }
        });
    }

    /**
     * The model server is asked in the background, never while a probe waits: the first probes say it is being
     * checked, and they answer UP meanwhile.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> readinessOnceTheModelWasAsked() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (true) {
            Map<String, Object> body = client.toBlocking().retrieve(HttpRequest.GET("/health/readiness")
                    .header("Authorization", admin.bearer()), JSON);
            assertThat(body).containsEntry("status", "UP");
            Map<String, Object> model = (Map<String, Object>) ((Map<String, Object>) body.get("details")).get("model");
            Map<String, Object> modelDetails = (Map<String, Object>) model.get("details");
            if (modelDetails.containsKey("reachable")) {
                return body;
            }
            assertThat(modelDetails).containsEntry("checking", true);
            assertThat(System.nanoTime()).as("the model server's answer within 20 s").isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAdmin_getsEachIndicator_theStoreUp_andTheUnreachableModelReportedButNotFailing() {
        Map<String, Object> body = readinessOnceTheModelWasAsked();
        assertThat(body).containsEntry("status", "UP");
        Map<String, Object> details = (Map<String, Object>) body.get("details");
        assertThat((Map<String, Object>) details.get("store")).containsEntry("status", "UP");
        assertThat((Map<String, Object>) ((Map<String, Object>) details.get("store")).get("details"))
                .containsEntry("database", "h2");
        Map<String, Object> model = (Map<String, Object>) details.get("model");
        assertThat(model).containsEntry("status", "UP");
        assertThat((Map<String, Object>) model.get("details")).containsEntry("reachable", false)
                .containsEntry("url", "http://127.0.0.1:9/v1");
        assertThat(details).doesNotContainKey("broker");
        // The store's own check is the database's only one: the framework's JDBC indicator, which would wait for
        // the pool's connection timeout on a database that does not answer, is off.
        assertThat(details).containsOnlyKeys("store", "model", "diskSpace", "service", "gracefulShutdown");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aModelServerThatNeverAnswers_doesNotHoldReadiness_whichSaysItIsBeingChecked() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
             EmbeddedServer withSilentModel = ApplicationContext.run(EmbeddedServer.class, Map.of(
                     "datasources.default.url", "jdbc:h2:mem:health-silent;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                     "chats.model.openai.base-url", "http://127.0.0.1:" + silent.getLocalPort() + "/v1"), "test");
             HttpClient silentClient = HttpClient.create(withSilentModel.getURL())) {
            TestUsers.Account first = TestUsers.signUp(silentClient, "Admin");
            Map<String, Object> body = silentClient.toBlocking().retrieve(HttpRequest.GET("/health/readiness")
                    .header("Authorization", first.bearer()), JSON);
            assertThat(body).containsEntry("status", "UP");
            Map<String, Object> model = (Map<String, Object>) ((Map<String, Object>) body.get("details")).get("model");
            assertThat(model).containsEntry("status", "UP");
            // The probe's own wait (2.5 s) has not ended: the answer did not wait for it.
            assertThat((Map<String, Object>) model.get("details")).containsEntry("checking", true)
                    .doesNotContainKey("reachable");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void withTheRedisBroker_readinessReportsIt() {
        String redis = System.getenv("CHATS_TEST_REDIS_URI");
        RequiredService.require(redis != null && !redis.isBlank(),
                "no Redis: set CHATS_TEST_REDIS_URI (as .ci/run does) to check the broker's readiness");
        try (EmbeddedServer withRedis = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "datasources.default.url", "jdbc:h2:mem:health-redis;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "chats.events.broker", "redis", "chats.events.redis.uri", redis), "test");
             HttpClient redisClient = HttpClient.create(withRedis.getURL())) {
            TestUsers.Account first = TestUsers.signUp(redisClient, "Admin");
            Map<String, Object> body = redisClient.toBlocking().retrieve(HttpRequest.GET("/health/readiness")
                    .header("Authorization", first.bearer()), JSON);
            Map<String, Object> broker = (Map<String, Object>) ((Map<String, Object>) body.get("details"))
                    .get("broker");
            assertThat(broker).containsEntry("status", "UP");
            assertThat((Map<String, Object>) broker.get("details")).containsEntry("connected", true);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void onMongo_theStoreCheckIsMongo_andNoDataSourceExists() {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongo.bind();
        try (EmbeddedServer onMongo = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "chats.persistence", "mongo", "mongodb.uri", "mongodb://127.0.0.1:" + address.getPort(),
                "datasources.default.url", "jdbc:postgresql://127.0.0.1:1/none"), "test");
             HttpClient mongoClient = HttpClient.create(onMongo.getURL())) {
            TestUsers.Account first = TestUsers.signUp(mongoClient, "Admin");
            Map<String, Object> body = mongoClient.toBlocking().retrieve(HttpRequest.GET("/health/readiness")
                    .header("Authorization", first.bearer()), JSON);
            assertThat(body).containsEntry("status", "UP");
            Map<String, Object> store = (Map<String, Object>) ((Map<String, Object>) body.get("details")).get("store");
            assertThat((Map<String, Object>) store.get("details")).containsEntry("database", "mongodb");
            assertThat(onMongo.getApplicationContext().findBean(DataSource.class)).isEmpty();
        } finally {
            mongo.shutdownNow();
        }
    }
}
