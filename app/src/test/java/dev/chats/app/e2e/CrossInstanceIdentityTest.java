package dev.chats.app.e2e;

import dev.chats.adapters.redis.RedisSignInAttempts;
import dev.chats.domain.port.SignInAttempts;
import dev.chats.testsupport.RequiredService;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two server instances with one secret, one database and one Redis broker behave as one service: a token signed
 * out through one is refused by the other and by an instance started afterwards, and guesses spread over both
 * count against one limit. Needs Redis ({@code CHATS_TEST_REDIS_URI}, default {@code redis://127.0.0.1:6379});
 * skipped with the reason when none answers.
 */
class CrossInstanceIdentityTest {

    static final String REDIS_URI = System.getenv().getOrDefault("CHATS_TEST_REDIS_URI", "redis://127.0.0.1:6379");

    @Test
    void signOutThroughOneInstance_isHonouredByTheOtherAndAfterARestart_andGuessesShareOneLimit() {
        requireRedis();
        Map<String, Object> shared = sharedSettings(UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        String token;
        try (EmbeddedServer a = ApplicationContext.run(EmbeddedServer.class, shared, "test");
             EmbeddedServer b = ApplicationContext.run(EmbeddedServer.class, shared, "test");
             HttpClient clientA = HttpClient.create(a.getURL());
             HttpClient clientB = HttpClient.create(b.getURL())) {
            assertThat(a.getApplicationContext().getBean(SignInAttempts.class))
                    .isInstanceOf(RedisSignInAttempts.class);
            Api apiA = new Api(clientA, a.getApplicationContext().getBean(JsonMapper.class));
            Api apiB = new Api(clientB, b.getApplicationContext().getBean(JsonMapper.class));
            TestUsers.signUp(clientA, "Admin");
            TestUsers.Account account = TestUsers.signUp(clientA, "Roamer");
            token = account.token();
            assertThat(apiB.get(token, "/api/v1/chats/").status()).isEqualTo(200);

            assertThat(apiA.get(token, "/api/v1/auths/signout").status()).isEqualTo(200);

            assertThat(apiB.get(token, "/api/v1/chats/").status()).isEqualTo(401);
            assertThat(apiB.get(token, "/api/v1/chats/").object()).isEqualTo(Map.of("detail", "Invalid token"));

            TestUsers.Account target = TestUsers.signUp(clientA, "Target");
            for (int attempt = 0; attempt < 15; attempt++) {
                Api via = attempt % 2 == 0 ? apiA : apiB;
                assertThat(signIn(via, target.email(), "guess-" + attempt).status()).isEqualTo(400);
            }
            Api.Reply limitedOnA = signIn(apiA, target.email(), TestUsers.PASSWORD);
            Api.Reply limitedOnB = signIn(apiB, target.email(), TestUsers.PASSWORD);
            assertThat(limitedOnA.status()).isEqualTo(429);
            assertThat(limitedOnB.status()).isEqualTo(429);
            assertThat(limitedOnB.object()).isEqualTo(Map.of("detail", "API rate limit exceeded"));
        }
        Map<String, Object> afterRestart = new HashMap<>(shared);
        if (shared.containsKey("datasources.default.schema")) {
            // The last instance to stop drops the test's schema.
            afterRestart.put("chats.test.drop-schema-on-stop", "true");
        }
        try (EmbeddedServer restarted = ApplicationContext.run(EmbeddedServer.class, afterRestart, "test");
             HttpClient client = HttpClient.create(restarted.getURL())) {
            Api api = new Api(client, restarted.getApplicationContext().getBean(JsonMapper.class));

            assertThat(api.get(token, "/api/v1/auths/").status()).as("a restart must not bring it back")
                    .isEqualTo(401);
        }
    }

    private static Api.Reply signIn(Api api, String email, String password) {
        return api.send(HttpRequest.POST("/api/v1/auths/signin", Map.of("email", email, "password", password))
                .contentType(MediaType.APPLICATION_JSON_TYPE), null);
    }

    /**
     * One secret, one Redis, one database: a schema of its own on {@code CHATS_TEST_POSTGRES_URL} when set, else an
     * in-memory H2 kept for the whole JVM; on MongoDB, one database.
     */
    private static Map<String, Object> sharedSettings(String suffix) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("chats.events.broker", "redis");
        settings.put("chats.events.redis.uri", REDIS_URI);
        settings.put("chats.events.redis.channel", "chats-test:" + suffix);
        settings.put("chats.jwt.secret", "cross-instance-identity-secret-" + suffix + "-0123456789");
        settings.put("mongodb.database", "identity_" + suffix);
        String postgres = System.getenv("CHATS_TEST_POSTGRES_URL");
        boolean jdbc = "jdbc".equals(System.getProperty("chats.persistence", "jdbc"));
        if (jdbc && postgres != null && !postgres.isBlank()) {
            settings.put("datasources.default.url", postgres);
            settings.put("datasources.default.username", envOr("CHATS_TEST_POSTGRES_USER", "postgres"));
            settings.put("datasources.default.password", envOr("CHATS_TEST_POSTGRES_PASSWORD", ""));
            settings.put("datasources.default.schema", "identity_" + suffix);
            settings.put("datasources.default.maximum-pool-size", "4");
        } else {
            settings.put("datasources.default.url", "jdbc:h2:mem:identity-" + suffix
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        }
        return settings;
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void requireRedis() {
        RequiredService.require(RequiredService.listening(REDIS_URI, 6379), "no Redis at " + REDIS_URI
                + " for the two-instance identity test (start redis-server, or set CHATS_TEST_REDIS_URI)");
    }
}
