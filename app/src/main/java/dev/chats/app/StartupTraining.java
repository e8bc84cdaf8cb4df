package dev.chats.app;

import dev.chats.adapters.jdbc.SchemaMigrationRun;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The training run of the class-data archive (README "Run it"): the build runs it once under
 * {@code -XX:ArchiveClassesAtExit}, and the JVM writes every class it loaded into {@code chats-server.jsa}, which
 * later starts map instead of reading, parsing and verifying those classes from the jar again. It starts the server
 * as {@link Application} does, on a free port and a temporary H2 database whatever the environment says, sends the
 * requests a new server meets first (readiness, polled until the schema is migrated, a sign-up, a chat written,
 * listed and read), stops it and exits, with status 1 if any answer was not a success, so a server that cannot
 * start fails the build.
 */
public final class StartupTraining {

    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    private StartupTraining(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public static void main(String[] args) throws IOException {
        Application.beforeFramework();
        Path dataDir = Files.createTempDirectory("chats-training-");
        int status = 1;
        try (ApplicationContext context = ServerFramework.of(args).banner(false)
                .properties(Map.of(
                        "micronaut.server.port", -1,
                        "chats.data-dir", dataDir.toString(),
                        "chats.persistence", "jdbc",
                        "chats.events.broker", "local",
                        "datasources.default.url", "jdbc:h2:file:" + dataDir.resolve("chats")
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                        "datasources.default.username", "sa",
                        "datasources.default.password", "",
                        SchemaMigrationRun.AWAITED_BY_APPLICATION, "true"))
                .start()) {
            new StartupTraining(context.getBean(EmbeddedServer.class).getPort()).firstRequests();
            status = 0;
        } catch (IOException | RuntimeException e) {
            System.err.println("training run failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            deleteTree(dataDir);
        }
        // Exits the JVM, which is when -XX:ArchiveClassesAtExit writes the archive.
        System.exit(status);
    }

    private void firstRequests() throws IOException, InterruptedException {
        awaitReady();
        String token = first(TOKEN, send("POST", "/api/v1/auths/signup",
                "{\"name\":\"Training\",\"email\":\"training@example.com\",\"password\":\"correct horse\"}", null));
        send("GET", "/api/v1/auths/", null, token);
        String chat = first(ID, send("POST", "/api/v1/chats/new", "{\"chat\":{\"title\":\"Training\",\"history\":"
                + "{\"currentId\":\"m1\",\"messages\":{\"m1\":{\"id\":\"m1\",\"role\":\"user\",\"content\":\"hi\"}}}}}",
                token));
        send("GET", "/api/v1/chats/?page=1", null, token);
        send("GET", "/api/v1/chats/" + chat, null, token);
    }

    /** Polls readiness as a client of a starting server does: DOWN (503) while the schema is migrated. */
    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create(base + "/health/readiness"))
                .timeout(Duration.ofSeconds(10)).build();
        for (;;) {
            int status = client.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 200) {
                return;
            }
            if (status != 503 || System.nanoTime() > deadline) {
                throw new IllegalStateException("GET /health/readiness answered " + status);
            }
            Thread.sleep(5);
        }
    }

    private String send(String method, String path, String json, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static String first(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern + " in " + body);
        }
        return matcher.group(1);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
