package dev.chats.app.operations;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CORS_ALLOW_ORIGIN unset: no origin is allowed. A cross-origin preflight is refused with 403 and no CORS header,
 * on both surfaces, and a cross-origin WebSocket handshake is refused; same-origin handshakes still open.
 */
@MicronautTest
class CrossOriginUnsetTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    @Test
    void crossOriginPreflights_andHandshakes_areRefused() throws IOException {
        CrossOriginTest cors = new CrossOriginTest();
        cors.client = client;
        cors.server = server;
        for (String route : new String[]{"/api/v1/chats/new", "/chat", "/api/v1/auths/signin"}) {
            HttpResponse<String> answer = cors.exchange(CrossOriginTest.preflight(route, CrossOriginTest.ALLOWED));
            assertThat(answer.code()).as(route).isEqualTo(403);
            assertThat(answer.getHeaders().names()).as(route)
                    .noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
        }
        assertThat(cors.handshakeStatus(CrossOriginTest.ALLOWED)).isEqualTo(403);
        assertThat(cors.handshakeStatus("http://localhost:" + server.getPort())).isEqualTo(101);
    }
}
