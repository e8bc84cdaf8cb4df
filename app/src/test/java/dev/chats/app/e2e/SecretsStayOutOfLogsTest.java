package dev.chats.app.e2e;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Iterator;
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
        List<ILoggingEvent> events = capturedAtDebug(() -> {
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

    /**
     * Runs the work with every logger at DEBUG (those the tests configure quieter too) except the levels the
     * production {@code logback.xml} pins, the root's usual appenders set aside, and answers what was logged.
     */
    private static List<ILoggingEvent> capturedAtDebug(Runnable work) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Map<Logger, Level> levels = new java.util.HashMap<>();
        for (Logger logger : root.getLoggerContext().getLoggerList()) {
            if (logger.getLevel() != null) {
                levels.put(logger, logger.getLevel());
            }
        }
        List<Appender<ILoggingEvent>> usual = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            usual.add(it.next());
        }
        ListAppender<ILoggingEvent> capture = new ListAppender<>();
        capture.start();
        usual.forEach(root::detachAppender);
        root.addAppender(capture);
        levels.keySet().forEach(logger -> logger.setLevel(Level.DEBUG));
        root.setLevel(Level.DEBUG);
        productionLevels().forEach((name, pinned) -> {
            Logger logger = root.getLoggerContext().getLogger(name);
            levels.putIfAbsent(logger, logger.getLevel());
            logger.setLevel(pinned);
        });
        try {
            work.run();
        } finally {
            levels.forEach(Logger::setLevel);
            root.detachAppender(capture);
            usual.forEach(root::addAppender);
        }
        synchronized (capture.list) {
            return List.copyOf(capture.list);
        }
    }

    /** The {@code <logger name level>} entries of the production {@code logback.xml}. */
    private static Map<String, Level> productionLevels() {
        String config;
        try (java.io.InputStream in = SecretsStayOutOfLogsTest.class.getResourceAsStream("/logback.xml")) {
            assertThat(in).as("logback.xml on the classpath").isNotNull();
            config = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, Level> pinned = new java.util.HashMap<>();
        java.util.regex.Matcher entry = java.util.regex.Pattern
                .compile("<logger\\s+name=\"([^\"]+)\"\\s+level=\"([A-Za-z]+)\"").matcher(config);
        while (entry.find()) {
            pinned.put(entry.group(1), Level.toLevel(entry.group(2)));
        }
        return pinned;
    }

    private static String throwableText(IThrowableProxy proxy) {
        StringBuilder text = new StringBuilder();
        for (IThrowableProxy cause = proxy; cause != null; cause = cause.getCause()) {
            text.append(' ').append(cause.getClassName()).append(": ").append(cause.getMessage());
        }
        return text.toString();
    }
}
