package dev.chats.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.chats.app.operations.TerminationSignals;
import dev.chats.app.support.LogCapture;
import dev.chats.testsupport.SilentServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The server as {@link Application#main} starts it: its port opens while the SQL schema is migrated, readiness is
 * DOWN and requests wait until the migration ends, and a migration that fails stops the server and the process.
 */
class ServerStartTest {

    private static final String H2_MODE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Integer> exits = new CopyOnWriteArrayList<>();

    @Test
    void aNewDatabase_isMigrated_andServedOnceServeReturns() throws Exception {
        try (ApplicationContext context = Application.serve(new String[0], settings(h2Url()), exits::add)) {
            int port = context.getBean(EmbeddedServer.class).getPort();

            assertThat(exits).isEmpty();
            assertThat(get(port, "/health/readiness").statusCode()).isEqualTo(200);
            assertThat(signUp(port).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void whileTheSchemaIsMigrated_thePortAnswers_readinessIsDown_andARequestWaitsForTheMigration() throws Exception {
        int port = freePort();
        try (SilentServer database = new SilentServer()) {
            Map<String, Object> settings = settings(database.postgresUrl());
            settings.put("micronaut.server.port", port);
            // The database's silence holds the migration for the 6 s the pool waits: time for the checks below.
            settings.put("datasources.default.connection-timeout-millis", "6000");
            CompletableFuture<ApplicationContext> serving = CompletableFuture.supplyAsync(
                    () -> Application.serve(new String[0], settings, exits::add));

            HttpResponse<String> readiness = awaitAnswer(port, "/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("\"status\":\"DOWN\"");
            assertThat(serving).isNotDone();
            CompletableFuture<HttpResponse<String>> signUp = CompletableFuture.supplyAsync(() -> signUp(port));
            TimeUnit.MILLISECONDS.sleep(300);
            assertThat(signUp).as("a request waits for the schema").isNotDone();

            // The database never answers: the migration fails, the request is refused, the server stops.
            assertThat(signUp.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(503);
            ApplicationContext context = serving.get(30, TimeUnit.SECONDS);
            assertThat(exits).containsExactly(1);
            assertThat(context.isRunning()).isFalse();
            assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void aMigrationThatFails_stopsTheServer_andExitsWithOne_sayingWhy() throws Exception {
        String url = h2Url();
        // A table of the schema already there, without Flyway's history: the migration cannot create it.
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE app_user (id VARCHAR(64) PRIMARY KEY)");
        }
        List<ApplicationContext> started = new ArrayList<>();

        List<ILoggingEvent> logged = LogCapture.atDebug(
                () -> started.add(Application.serve(new String[0], settings(url), exits::add)));

        assertThat(exits).containsExactly(1);
        assertThat(started.get(0).isRunning()).isFalse();
        assertThat(logged).anySatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage()).startsWith("Error starting Micronaut server: "
                    + "the schema migration failed");
        });
    }

    private Map<String, Object> settings(String databaseUrl) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("micronaut.server.port", -1);
        settings.put(TerminationSignals.PROPERTY, "false");
        settings.put("chats.data-dir", dataDir.toString());
        settings.put("chats.persistence", "jdbc");
        settings.put("chats.events.broker", "local");
        settings.put("datasources.default.url", databaseUrl);
        settings.put("datasources.default.username", "sa");
        settings.put("datasources.default.password", "");
        return settings;
    }

    private String h2Url() {
        return "jdbc:h2:file:" + dataDir.resolve("chats") + H2_MODE;
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> awaitAnswer(int port, String path) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (;;) {
            try {
                return get(port, path);
            } catch (IOException notListeningYet) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the port never answered", notListeningYet);
                }
                TimeUnit.MILLISECONDS.sleep(20);
            }
        }
    }

    private HttpResponse<String> signUp(int port) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auths/signup"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"name\":\"First\",\"email\":\"first@example.com\",\"password\":\"correct horse\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
