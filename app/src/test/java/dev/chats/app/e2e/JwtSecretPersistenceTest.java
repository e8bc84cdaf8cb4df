package dev.chats.app.e2e;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sessions survive restarts: without {@code chats.jwt.secret} the generated secret is kept in the data directory
 * and reused, so a token still works after a restart on the same data, and not against another data directory.
 */
class JwtSecretPersistenceTest {

    @TempDir
    Path temp;

    @Test
    void generatedSecret_isKeptInTheDataDir_andTokensSurviveARestart() throws Exception {
        Path dataDir = temp.resolve("data");
        Path database = temp.resolve("db");
        String token;
        try (EmbeddedServer server = start(dataDir, database, null);
             HttpClient client = client(server)) {
            token = TestUsers.signUp(client, "Survivor").token();
            assertThat(sessionStatus(client, token)).isEqualTo(200);
        }
        Path secretFile = dataDir.resolve("jwt-secret");
        assertThat(secretFile).exists();
        String secret = Files.readString(secretFile);

        try (EmbeddedServer server = start(dataDir, database, null);
             HttpClient client = client(server)) {
            assertThat(sessionStatus(client, token)).isEqualTo(200);
        }
        assertThat(Files.readString(secretFile)).isEqualTo(secret);
    }

    @Test
    void anotherDataDir_hasAnotherSecret_soTheSameUsersTokenIsRefused() throws Exception {
        Path database = temp.resolve("db");
        String token;
        try (EmbeddedServer server = start(temp.resolve("first"), database, null);
             HttpClient client = client(server)) {
            token = TestUsers.signUp(client, "Moved").token();
        }

        // Same database, so the user exists: only the signing secret differs.
        try (EmbeddedServer server = start(temp.resolve("second"), database, null);
             HttpClient client = client(server)) {
            HttpClientResponseException refused = sessionFailure(client, token);
            assertThat(refused.getStatus().getCode()).isEqualTo(401);
            assertThat(refused.getResponse().getBody(String.class)).contains("{\"detail\":\"401 Unauthorized\"}");
        }
    }

    @Test
    void configuredSecret_isUsedInsteadOfAFile_acrossDataDirs() throws Exception {
        String secret = "a configured secret of at least thirty-two characters";
        Path database = temp.resolve("db");
        String token;
        try (EmbeddedServer server = start(temp.resolve("one"), database, secret);
             HttpClient client = client(server)) {
            token = TestUsers.signUp(client, "Configured").token();
        }
        try (EmbeddedServer server = start(temp.resolve("two"), database, secret);
             HttpClient client = client(server)) {
            assertThat(sessionStatus(client, token)).isEqualTo(200);
        }
        assertThat(temp.resolve("one").resolve("jwt-secret")).doesNotExist();
    }

    @Test
    void configuredSecretShorterThan32Characters_failsStartUpSayingSo() {
        assertThatThrownBy(() -> start(temp.resolve("data"), temp.resolve("db"), "too short").close())
                .hasStackTraceContaining("chats.jwt.secret (CHATS_JWT_SECRET) must be at least 32 characters");
    }

    private static EmbeddedServer start(Path dataDir, Path database, String secret) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("chats.data-dir", dataDir.toString());
        properties.put("chats.jwt.secret", secret == null ? "" : secret);
        properties.put("datasources.default.url", "jdbc:h2:file:" + database.resolve("chats").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        // Its own H2 file even in the PostgreSQL pass, whose schema settings would not fit it.
        properties.put("datasources.default.schema", "");
        properties.put("chats.test.drop-schema-on-stop", "false");
        // The same database across restarts on MongoDB too, when the suite runs there.
        properties.put("mongodb.database", "jwt_" + Integer.toHexString(database.toAbsolutePath().hashCode()));
        return ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    private static HttpClient client(EmbeddedServer server) {
        return server.getApplicationContext().createBean(HttpClient.class, server.getURL());
    }

    private static int sessionStatus(HttpClient client, String token) {
        return client.toBlocking().exchange(HttpRequest.GET("/api/v1/auths/").bearerAuth(token), String.class).code();
    }

    private static HttpClientResponseException sessionFailure(HttpClient client, String token) {
        try {
            client.toBlocking().exchange(HttpRequest.GET("/api/v1/auths/").bearerAuth(token), String.class);
        } catch (HttpClientResponseException e) {
            return e;
        }
        throw new AssertionError("the token was accepted");
    }
}
