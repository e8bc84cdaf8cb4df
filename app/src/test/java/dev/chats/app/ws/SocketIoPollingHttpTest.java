package dev.chats.app.ws;

import dev.chats.adapters.rest.socketio.SocketIoSessions;
import dev.chats.app.e2e.TestUsers;
import dev.chats.domain.user.UserId;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The long-polling transport of {@code /ws/socket.io} at the HTTP level, as the Engine.IO protocol spells it, for
 * what a well-behaved client never does: an old protocol, a connect without a token, a body over the limit, a
 * connection that never connects, a client that stops polling. No node needed.
 */
@MicronautTest
@Property(name = "chats.websocket.auth-timeout", value = "1s")
@Property(name = "chats.websocket.max-frame-bytes", value = "1024")
@Property(name = "chats.websocket.send-queue-frames", value = "4")
class SocketIoPollingHttpTest {

    static final String PATH = "/ws/socket.io/?EIO=4&transport=polling";
    static final Pattern SID = Pattern.compile("\"sid\": ?\"([^\"]+)\"");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    SocketIoSessions sessions;

    @Test
    void aClientThatStopsPolling_isDroppedOnceTheSendQueueIsFull() throws InterruptedException {
        TestUsers.signUp(client, "Admin");
        TestUsers.Account owner = TestUsers.signUp(client, "Owner");
        String sid = handshake();
        client.toBlocking().retrieve(post(sid, "40{\"token\":\"" + owner.token() + "\"}"));
        assertThat(client.toBlocking().retrieve(PATH + "&sid=" + sid)).startsWith("40{");
        UserId user = new UserId(owner.id());
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (sessions.socketsOf(user) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(sessions.socketsOf(user)).isEqualTo(1);
        // Each event is two frames (events, chat-events); nobody polls: the third event overflows 4 frames.
        for (int i = 0; i < 3; i++) {
            client.toBlocking().retrieve(HttpRequest.POST("/api/v1/chats/new", "{\"chat\":{\"title\":\"t\"}}")
                    .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(owner.token()), String.class);
        }
        assertThat(sessions.socketsOf(user)).as("dropped").isZero();
    }

    @Test
    void anEngineIo3Handshake_isRefused() {
        assertThatThrownBy(() -> client.toBlocking().retrieve("/ws/socket.io/?EIO=3&transport=polling"))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(400));
    }

    @Test
    void aConnectWithoutAToken_isAnsweredWithAConnectError_andTheConnectionCloses() {
        String sid = handshake();
        assertThat(client.toBlocking().retrieve(post(sid, "40"))).isEqualTo("ok");
        String answer = client.toBlocking().retrieve(PATH + "&sid=" + sid);
        assertThat(answer).startsWith("44{").contains("\"message\":\"Not authenticated: connect with auth: {token}\"");
        // Closed: the next poll gets the close packet, or the session is already gone.
        assertThat(nextPollOrError(sid)).satisfiesAnyOf(text -> assertThat(text).endsWith("1"),
                text -> assertThat(text).contains("Session ID unknown"));
    }

    @Test
    void aConnectWithABadToken_isAnsweredWithAConnectError() {
        String sid = handshake();
        client.toBlocking().retrieve(post(sid, "40{\"token\":\"not-a-token\"}"));
        assertThat(client.toBlocking().retrieve(PATH + "&sid=" + sid)).startsWith("44{")
                .contains("token is invalid");
    }

    @Test
    void aBodyOverTheFrameLimit_answers413() {
        String sid = handshake();
        assertThatThrownBy(() -> client.toBlocking().retrieve(post(sid, "4" + "2[\"x\",\"" + "a".repeat(2000)
                + "\"]")))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(413));
    }

    @Test
    void aConnectionThatNeverConnects_isClosedAfterTheAuthTimeout() throws InterruptedException {
        String sid = handshake();
        Thread.sleep(1_500);
        // The close packet (after a no-op), or the session already gone.
        assertThat(nextPollOrError(sid)).satisfiesAnyOf(text -> assertThat(text).endsWith("1"),
                text -> assertThat(text).contains("Session ID unknown"));
    }

    private String handshake() {
        String open = client.toBlocking().retrieve(PATH);
        assertThat(open).startsWith("0{");
        Matcher sid = SID.matcher(open);
        assertThat(sid.find()).as(open).isTrue();
        return sid.group(1);
    }

    private HttpRequest<String> post(String sid, String payload) {
        return HttpRequest.POST(PATH + "&sid=" + sid, payload).contentType(MediaType.TEXT_PLAIN_TYPE);
    }

    private String nextPollOrError(String sid) {
        try {
            HttpResponse<String> response = client.toBlocking().exchange(PATH + "&sid=" + sid, String.class);
            return response.body();
        } catch (HttpClientResponseException e) {
            return e.getResponse().getBody(String.class).orElse("") + " " + e.getStatus().getCode();
        }
    }
}
