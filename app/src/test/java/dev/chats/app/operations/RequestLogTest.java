package dev.chats.app.operations;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.joran.spi.JoranException;
import dev.chats.app.e2e.TestUsers;
import dev.chats.app.support.LogCapture;
import dev.chats.domain.user.User;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request ids and the access log, with the production logging configuration in its JSON form
 * ({@code CHATS_LOG_FORMAT=json}): every captured line is one JSON object; a presented {@code X-Request-ID} is echoed
 * and logged with the acting user, also by code running on the blocking executor; a malformed one is replaced and
 * never logged; a sign-in's password and a bearer token appear in no line.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = RequestLogTest.SPEC)
class RequestLogTest {

    static final String SPEC = "RequestLogTest";
    static final String PASSWORD = "a-password-that-must-never-be-logged";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    TestUsers.Account account;

    /** Logs one line from the blocking executor and answers the logging context it saw there. */
    @Requires(property = "spec.name", value = SPEC)
    @Controller("/test/log-context")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @ExecuteOn(TaskExecutors.BLOCKING)
    static class LogContextController {

        @Get
        Map<String, String> context(User actor) {
            LoggerFactory.getLogger(RequestLogTest.class).info("inside the route of {}", actor.id().value());
            Map<String, String> seen = new HashMap<>();
            seen.put("requestId", MDC.get("requestId"));
            seen.put("userId", MDC.get("userId"));
            return seen;
        }
    }

    @BeforeAll
    void signUp() {
        account = TestUsers.signUp(client, "Logged", TestUsers.uniqueEmail("logged"), PASSWORD);
    }

    @Test
    void aPresentedRequestId_isEchoed_andLoggedWithTheUser_asJsonLines() throws Exception {
        List<HttpResponse<?>> answers = new ArrayList<>();
        List<ILoggingEvent> events = LogCapture.atDebug(() -> {
            answers.add(send(HttpRequest.GET("/api/v1/chats/").header("X-Request-ID", "trace-0042")
                    .bearerAuth(account.token())));
            answers.add(send(HttpRequest.GET("/test/log-context").header("X-Request-ID", "trace-0043")
                    .bearerAuth(account.token())));
        });

        assertThat(answers.get(0).header("X-Request-ID")).isEqualTo("trace-0042");
        @SuppressWarnings("unchecked")
        Map<String, String> inRoute = json.readValue(answers.get(1).getBody(String.class).orElseThrow(),
                Map.class);
        assertThat(inRoute).containsEntry("requestId", "trace-0043").containsEntry("userId", account.id());

        List<Map<String, Object>> lines = jsonLines(events);
        assertThat(lines).anySatisfy(line -> {
            assertThat(line).containsEntry("logger_name", "chats.access")
                    .containsEntry("requestId", "trace-0042").containsEntry("userId", account.id());
            assertThat((String) line.get("message")).startsWith("GET /api/v1/chats 200 ")
                    .contains("id=trace-0042", "user=" + account.id());
        });
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .containsEntry("logger_name", RequestLogTest.class.getName())
                .containsEntry("requestId", "trace-0043").containsEntry("userId", account.id()));
    }

    @Test
    void aMalformedRequestId_isReplaced_andNeverLogged() throws Exception {
        String tooLong = "x".repeat(129);
        String withControls = "evil\tid injected";
        List<HttpResponse<?>> answers = new ArrayList<>();
        List<ILoggingEvent> events = LogCapture.atDebug(() -> {
            answers.add(send(HttpRequest.GET("/api/v1/chats/").header("X-Request-ID", tooLong)
                    .bearerAuth(account.token())));
            answers.add(send(HttpRequest.GET("/chat").header("X-Request-ID", withControls)
                    .bearerAuth(account.token())));
            answers.add(send(HttpRequest.GET("/api/v1/chats/")));
        });

        for (HttpResponse<?> answer : answers) {
            assertThat(answer.header("X-Request-ID")).matches("[0-9a-f-]{36}");
        }
        String output = encoded(events);
        assertThat(output).doesNotContain(tooLong).doesNotContain(withControls).doesNotContain("evil");
        assertThat(jsonLines(events)).filteredOn(line -> "chats.access".equals(line.get("logger_name")))
                .hasSize(3)
                .anySatisfy(line -> assertThat((String) line.get("message")).startsWith("GET /api/v1/chats 403 ")
                        .endsWith("user=-"));
    }

    @Test
    void aSignInAndABearerToken_leaveNeitherPasswordNorTokenInTheLog() throws Exception {
        List<String> tokens = new ArrayList<>();
        List<ILoggingEvent> events = LogCapture.atDebug(() -> {
            HttpResponse<?> signedIn = send(HttpRequest.POST("/api/v1/auths/signin",
                    Map.of("email", account.email(), "password", PASSWORD)));
            assertThat(signedIn.code()).isEqualTo(200);
            @SuppressWarnings("unchecked")
            Map<String, Object> session = read(signedIn);
            tokens.add((String) session.get("token"));
            send(HttpRequest.GET("/api/v1/chats/").bearerAuth(tokens.get(0)));
            send(HttpRequest.GET("/chat?limit=1").bearerAuth(tokens.get(0)));
        });

        assertThat(tokens.get(0)).isNotBlank();
        String output = encoded(events);
        assertThat(output).contains("POST /api/v1/auths/signin 200 ").contains("GET /chat 200 ");
        assertThat(output).doesNotContain(PASSWORD).doesNotContain(tokens.get(0))
                .doesNotContain(tokens.get(0).substring(tokens.get(0).lastIndexOf('.') + 1));
    }

    private HttpResponse<?> send(MutableHttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return e.getResponse();
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(HttpResponse<?> response) {
        try {
            return json.readValue(response.getBody(String.class).orElseThrow(), Map.class);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<Map<String, Object>> jsonLines(List<ILoggingEvent> events) throws IOException {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String line : encoded(events).split("\n")) {
            Map<String, Object> object = json.readValue(line, Argument.mapOf(String.class, Object.class));
            assertThat(object).as(line).containsKeys("@timestamp", "level", "logger_name", "message");
            lines.add(object);
        }
        assertThat(lines).isNotEmpty();
        return lines;
    }

    /** The events as the production configuration writes them with CHATS_LOG_FORMAT=json. */
    private static String encoded(List<ILoggingEvent> events) {
        Encoder<ILoggingEvent> encoder = productionJsonEncoder();
        StringBuilder out = new StringBuilder();
        for (ILoggingEvent event : events) {
            out.append(new String(encoder.encode(event), StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static Encoder<ILoggingEvent> productionJsonEncoder() {
        LoggerContext context = new LoggerContext();
        context.putProperty("CHATS_LOG_FORMAT", "json");
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(RequestLogTest.class.getResource("/logback.xml"));
        } catch (JoranException e) {
            throw new IllegalStateException(e);
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) root.getAppender("console");
        assertThat(console).as("the root's console appender").isNotNull();
        assertThat(console.getEncoder().getClass().getSimpleName()).isEqualTo("LogstashEncoder");
        assertThat(context.getStatusManager().getCopyOfStatusList())
                .as("configuration without warnings, so logback prints no status lines")
                .allMatch(status -> status.getLevel() == ch.qos.logback.core.status.Status.INFO);
        return console.getEncoder();
    }
}
