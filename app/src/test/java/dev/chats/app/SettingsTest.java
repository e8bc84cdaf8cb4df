package dev.chats.app;

import dev.chats.adapters.rest.auth.AuthCookieSettings;
import dev.chats.adapters.rest.cors.CrossOriginSettings;
import dev.chats.domain.user.Role;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every setting is read through a settings type at start-up: the defaults are today's, and a bad value stops the
 * start naming the setting (and its environment variable), before any request could meet it.
 */
class SettingsTest {

    private static final String H2 = "jdbc:h2:mem:settings;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";

    @Test
    void withNothingSet_everySettingHasItsDocumentedDefault() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("datasources.default.url", H2), "test")) {
            assertThat(context.getBean(AuthCookieSettings.class).cookieSecure()).isFalse();
            assertThat(context.getBean(CrossOriginSettings.class).allowOrigin().none()).isTrue();
            assertThat(context.getBean(SignInLimitSettings.class).attempts()).isEqualTo(15);
            assertThat(context.getBean(SignInLimitSettings.class).window()).isEqualTo(Duration.ofSeconds(180));
            assertThat(context.getBean(UserSettings.class).defaultRole()).isEqualTo(Role.USER);
            assertThat(context.getBean(ApiKeySettings.class).enabled()).isTrue();
            assertThat(context.getBean(EventBrokerSelection.class).broker()).isEqualTo("local");
            assertThat(context.findBean(RedisSettings.class)).as("none without the redis broker").isEmpty();
            assertThat(context.getBean(OpenAiConnectionSettings.class).apiKey()).isEmpty();
            assertThat(context.getBean(ModelSettings.class).urlsAllowed()).isEmpty();
        }
        assertThat(new OpenAiConnectionSettings().baseUrl()).isEqualTo("https://api.openai.com/v1");
    }

    @Test
    void givenValues_reachTheSettings() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("datasources.default.url", H2,
                "chats.auth.cookie-secure", "TRUE", "chats.auth.signin-limit.attempts", "3",
                "chats.auth.signin-limit.window", "1m", "chats.users.default-role", " pending ",
                "chats.model.urls-allowed", "http://llm:8000/v1, *", "chats.model.prices", "gpt-4o=2.5/10"),
                "test")) {
            assertThat(context.getBean(AuthCookieSettings.class).cookieSecure()).isTrue();
            assertThat(context.getBean(SignInLimitSettings.class).attempts()).isEqualTo(3);
            assertThat(context.getBean(SignInLimitSettings.class).window()).isEqualTo(Duration.ofMinutes(1));
            assertThat(context.getBean(UserSettings.class).defaultRole()).isEqualTo(Role.PENDING);
            assertThat(context.getBean(ModelSettings.class).urlsAllowed()).isEqualTo("http://llm:8000/v1, *");
            assertThat(context.getBean(ModelSettings.class).prices().cost("gpt-4o",
                    new dev.chats.domain.completion.ModelUsage(1_000_000, 0))).isEqualTo(2.5);
        }
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "chats.auth.cookie-secure | yes | chats.auth.cookie-secure (CHATS_AUTH_COOKIE_SECURE) must be true or"
                    + " false; it is 'yes'",
            "chats.cors.allow-origin | https://a.example,https://b.example | chats.cors.allow-origin"
                    + " (CORS_ALLOW_ORIGIN): \"https://a.example,https://b.example\" is not an origin",
            "chats.jwt.expiration-seconds | 0 | chats.jwt.expiration-seconds (CHATS_JWT_EXPIRATION_SECONDS) must be"
                    + " positive, it is 0",
            "chats.jwt.expiration-seconds | soon | chats.jwt.expiration-seconds",
            "chats.password.bcrypt-cost | 4 | chats.password.bcrypt-cost (CHATS_PASSWORD_BCRYPT_COST) must be 10..31,"
                    + " was 4",
            "chats.password.bcrypt-cost | twelve | chats.password.bcrypt-cost",
            "chats.data-dir | ' ' | chats.data-dir (CHATS_DATA_DIR) must be a directory path",
            "chats.auth.signin-limit.attempts | 0 | chats.auth.signin-limit.attempts"
                    + " (CHATS_AUTH_SIGNIN_LIMIT_ATTEMPTS) must be at least 1; it is 0",
            "chats.auth.signin-limit.attempts | many | chats.auth.signin-limit.attempts",
            "chats.auth.signin-limit.window | 0s | chats.auth.signin-limit.window (CHATS_AUTH_SIGNIN_LIMIT_WINDOW)"
                    + " must be a positive duration",
            "chats.auth.signin-limit.window | often | chats.auth.signin-limit.window",
            "chats.users.default-role | admin | chats.users.default-role (CHATS_USERS_DEFAULT_ROLE) must be user or"
                    + " pending; it is 'admin'",
            "chats.model.openai.base-url | api.openai.com/v1 | chats.model.openai.base-url (OPENAI_API_BASE_URL)"
                    + " must be an http(s) URL",
            "chats.model.urls-allowed | http://llm:8000/v1,llm:9000 | chats.model.urls-allowed"
                    + " (CHATS_MODEL_URLS_ALLOWED) must be an http(s) URL such as https://api.openai.com/v1; it is"
                    + " 'llm:9000'",
            "chats.model.prices | gpt-4o=cheap | chats.model.prices (CHATS_MODEL_PRICES): model price 'gpt-4o=cheap'"
                    + " is not name=prompt/completion",
    })
    void aBadValue_stopsStartUpNamingTheSetting(String setting, String value, String message) {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("datasources.default.url", H2, setting, value),
                "test").close())
                .hasStackTraceContaining(message);
    }

    @Test
    void aShortJwtSecret_stopsStartUpWithoutShowingIt() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("datasources.default.url", H2,
                "chats.jwt.secret", "hunter2-but-longer"), "test").close())
                .hasStackTraceContaining("chats.jwt.secret (CHATS_JWT_SECRET) must be at least 32 characters long"
                        + " for HS256, it has 18")
                .satisfies(e -> assertThat(stackTrace(e)).doesNotContain("hunter2"));
    }

    @Test
    void withTheRedisBroker_aUriThatIsNoRedisUriOrAnEmptyChannel_stopsStartUpBeforeConnecting() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("datasources.default.url", H2,
                "chats.events.broker", "redis", "chats.events.redis.uri", "http://:pass@cache:6379"), "test").close())
                .hasStackTraceContaining("chats.events.redis.uri (REDIS_URI) must be a Redis URI such as"
                        + " redis://127.0.0.1:6379")
                .satisfies(e -> assertThat(stackTrace(e)).doesNotContain("pass@"));
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("datasources.default.url", H2,
                "chats.events.broker", "redis", "chats.events.redis.channel", " "), "test").close())
                .hasStackTraceContaining("chats.events.redis.channel (CHATS_EVENTS_REDIS_CHANNEL) must not be empty");
    }

    @Test
    void withTheLocalBroker_theRedisSettingsAreNotRead() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("datasources.default.url", H2,
                "chats.events.redis.uri", "not a uri"), "test")) {
            assertThat(context.findBean(RedisSettings.class)).isEmpty();
        }
    }

    private static String stackTrace(Throwable e) {
        java.io.StringWriter out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
