package dev.chats.app.operations;

import dev.chats.app.e2e.TestUsers;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CORS_ALLOW_ORIGIN set to two origins: on an Open WebUI route and a Vapi route, a preflight and an actual request
 * from an allowed origin get the CORS headers, and from any other origin a refused preflight (with the surface's
 * error body) and no CORS header;
 * the WebSocket handshake is refused from another origin and accepted from an allowed one.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "chats.cors.allow-origin", value = " https://allowed.example ; https://also.example:8443 ")
class CrossOriginTest {

    static final String ALLOWED = "https://allowed.example";
    static final String REFUSED = "https://elsewhere.example";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    String token;

    @BeforeAll
    void signUp() {
        token = TestUsers.signUp(client, "Cors").token();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/chats/new", "/chat"})
    void preflightFromAnAllowedOrigin_isAnswered(String route) {
        HttpResponse<String> answer = exchange(preflight(route, ALLOWED));

        assertThat(answer.code()).isEqualTo(200);
        assertThat(answer.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).isEqualTo(ALLOWED);
        assertThat(answer.header(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS)).isEqualTo("true");
        assertThat(answer.header(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS)).contains("POST");
        assertThat(answer.header(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS)).containsIgnoringCase("authorization");
        assertThat(exchange(preflight(route, "https://also.example:8443")).code()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/chats/new", "/chat"})
    void preflightFromAnotherOrigin_isRefused_withoutCorsHeaders(String route) {
        HttpResponse<String> answer = exchange(preflight(route, REFUSED));

        assertThat(answer.code()).isEqualTo(403);
        assertThat(answer.getHeaders().names()).noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
    }

    @Test
    void refusedPreflight_saysWhyInTheSurfacesErrorBody() {
        HttpResponse<String> openWebUi = exchange(preflight("/api/v1/chats/new", REFUSED));
        HttpResponse<String> vapi = exchange(preflight("/chat", REFUSED));

        assertThat(openWebUi.getContentType()).hasValue(MediaType.APPLICATION_JSON_TYPE);
        assertThat(openWebUi.getBody(String.class)).hasValue("{\"detail\":\"Origin not allowed\"}");
        assertThat(vapi.getBody(String.class))
                .hasValue("{\"message\":\"Origin not allowed\",\"error\":\"Forbidden\",\"statusCode\":403}");
    }

    @Test
    void refusedPreflight_isRefusedToo_whenTheServerIsReachedUnderAPublicName() throws IOException {
        // The framework's own refusal covers only a server reached as localhost (its drive-by-localhost guard).
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(5000);
            String request = "OPTIONS /api/v1/chats/new HTTP/1.1\r\nHost: chats.example\r\nOrigin: " + REFUSED
                    + "\r\nAccess-Control-Request-Method: POST\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 403 ").endsWith("{\"detail\":\"Origin not allowed\"}")
                    .doesNotContainIgnoringCase("access-control-");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/chats/", "/chat"})
    void requestFromAnAllowedOrigin_carriesTheCorsHeaders(String route) {
        HttpResponse<String> answer = exchange(HttpRequest.GET(route).header(HttpHeaders.ORIGIN, ALLOWED)
                .bearerAuth(token));

        assertThat(answer.code()).isEqualTo(200);
        assertThat(answer.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).isEqualTo(ALLOWED);
        assertThat(answer.getHeaders().getAll(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS))
                .containsExactly("X-Request-ID,Preference-Applied,Content-Disposition,Server-Timing");
        assertThat(answer.header(HttpHeaders.VARY)).contains("Origin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/chats/", "/chat"})
    void requestFromAnotherOrigin_carriesNoCorsHeader(String route) {
        HttpResponse<String> answer = exchange(HttpRequest.GET(route).header(HttpHeaders.ORIGIN, REFUSED)
                .bearerAuth(token));

        assertThat(answer.getHeaders().names()).noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
        assertThat(answer.code()).isIn(200, 403);
    }

    @Test
    void socketHandshake_isRefusedFromAnotherOrigin_andAcceptedFromAnAllowedOneOrWithoutOrigin() throws IOException {
        assertThat(handshakeStatus(REFUSED)).isEqualTo(403);
        assertThat(handshakeStatus(ALLOWED)).isEqualTo(101);
        assertThat(handshakeStatus(null)).isEqualTo(101);
        assertThat(handshakeStatus("http://localhost:" + server.getPort())).as("the server's own origin").isEqualTo(101);
    }

    static MutableHttpRequest<?> preflight(String route, String origin) {
        return HttpRequest.create(HttpMethod.OPTIONS, route)
                .header(HttpHeaders.ORIGIN, origin)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type");
    }

    HttpResponse<String> exchange(MutableHttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<String> refused = (HttpResponse<String>) e.getResponse();
            return refused;
        }
    }

    /** The status line's code of a raw WebSocket handshake, as a browser page of {@code origin} would send it. */
    int handshakeStatus(String origin) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(5000);
            String request = "GET /api/v1/ws HTTP/1.1\r\nHost: localhost:" + server.getPort() + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + (origin == null ? "" : "Origin: " + origin + "\r\n") + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }
}
