package dev.chats.app.e2e;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import dev.chats.app.support.LogCapture;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the production logging configuration ({@code logback.xml}) and everything else at DEBUG, as an operator
 * troubleshooting would set it, a run through sign-up, wrong and right sign-ins, the sign-in limit, a password change
 * and a sign-out leaves no password, session token or signing key in any log line or logged exception.
 */
@MicronautTest
@Property(name = "chats.jwt.secret", value = SecretsStayOutOfLogsTest.SECRET)
class SecretsStayOutOfLogsTest {

    static final String SECRET = "a-signing-secret-that-must-never-be-logged-0123456789";
    static final String FIRST_PASSWORD = "first-password-never-logged";
    static final String WRONG_PASSWORD = "wrong-password-never-logged";
    static final String NEW_PASSWORD = "new-password-never-logged";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    @Test
    void identityRoutes_logNoPasswordTokenOrKey_evenAtDebug() {
        Api api = new Api(client, json);
        List<String> secrets = new ArrayList<>(List.of(SECRET, FIRST_PASSWORD, WRONG_PASSWORD, NEW_PASSWORD));
        List<ILoggingEvent> events = LogCapture.atDebug(() -> {
            TestUsers.signUp(client, "Admin");
            TestUsers.Account account = TestUsers.signUp(client, "Logged", TestUsers.uniqueEmail("logged"),
                    FIRST_PASSWORD);
            secrets.add(account.token());
            for (int attempt = 0; attempt < 16; attempt++) {
                signIn(api, account.email(), WRONG_PASSWORD);
            }
            TestUsers.Account other = TestUsers.signUp(client, "Other", TestUsers.uniqueEmail("other"),
                    FIRST_PASSWORD);
            secrets.add(other.token());
            api.post(other.token(), "/api/v1/auths/update/password",
                    "{\"password\":\"" + WRONG_PASSWORD + "\",\"new_password\":\"" + NEW_PASSWORD + "\"}");
            api.post(other.token(), "/api/v1/auths/update/password",
                    "{\"password\":\"" + FIRST_PASSWORD + "\",\"new_password\":\"" + NEW_PASSWORD + "\"}");
            api.get(other.token(), "/api/v1/chats/");
            // The statuses are other tests' business: whatever the routes answer, nothing secret may be logged.
            Object signedIn = signIn(api, other.email(), NEW_PASSWORD).get("token");
            String fresh = signedIn instanceof String token ? token : account.token();
            secrets.add(fresh);
            api.get(fresh, "/api/v1/auths/signout");
            api.get(fresh, "/api/v1/chats/");
            api.get(fresh + "tampered", "/api/v1/chats/");
            String apiKey = (String) api.post(account.token(), "/api/v1/auths/api_key", "").get("api_key");
            secrets.add(apiKey);
            api.get(apiKey, "/api/v1/chats/");
            api.get(apiKey, "/chat");
            api.get(apiKey + "0", "/chat");
            api.delete(account.token(), "/api/v1/auths/api_key");
            api.get(apiKey, "/api/v1/chats/");
        });

        assertThat(events).as("the capture saw the requests")
                .anyMatch(event -> event.getLoggerName().startsWith("io.micronaut.http"));
        for (ILoggingEvent event : events) {
            String text = event.getFormattedMessage() + throwableText(event.getThrowableProxy());
            for (String secret : secrets) {
                assertThat(text).as("log line of %s", event.getLoggerName()).doesNotContain(secret);
            }
        }
    }

    private static Api.Reply signIn(Api api, String email, String password) {
        return api.send(HttpRequest.POST("/api/v1/auths/signin", Map.of("email", email, "password", password))
                .contentType(MediaType.APPLICATION_JSON_TYPE), null);
    }

    private static String throwableText(IThrowableProxy proxy) {
        StringBuilder text = new StringBuilder();
        for (IThrowableProxy cause = proxy; cause != null; cause = cause.getCause()) {
            text.append(' ').append(cause.getClassName()).append(": ").append(cause.getMessage());
        }
        return text.toString();
    }
}
