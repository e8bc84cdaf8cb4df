package dev.chats.app.ws;

import dev.chats.app.e2e.TestUsers;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real sockets: a client that sends its request head or body too slowly is disconnected
 * ({@code chats.http.*}, shortened here to 2 s), while an idle keep-alive connection, a client sending at a normal
 * pace and an open WebSocket are left alone.
 */
@MicronautTest
@Property(name = "chats.http.header-timeout", value = "2s")
@Property(name = "chats.http.body-idle-timeout", value = "2s")
@Property(name = "chats.http.body-grace", value = "2s")
@Property(name = "chats.http.body-min-bytes-per-second", value = "1000")
class SlowClientCutoffTest {

    private static final Duration CUT_WITHIN = Duration.ofSeconds(6);

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void headTrickledByteByByte_isCutAfterTheHeaderTimeout() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/v1/auths/ HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            long started = System.nanoTime();
            boolean cut = trickleUntilCut(socket, "X-Slow: ".repeat(200).getBytes(StandardCharsets.US_ASCII), 10);
            assertThat(cut).as("connection cut while the head trickles").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(CUT_WITHIN);
        }
    }

    @Test
    void bodyTrickledBelowTheMinimumRate_isCut() throws Exception {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(("POST /api/v1/auths/signin HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            long started = System.nanoTime();
            boolean cut = trickleUntilCut(socket, new byte[100_000], 5);
            assertThat(cut).as("connection cut while the body trickles at ~50 bytes/s").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(CUT_WITHIN);
        }
    }

    @Test
    void bodyThatStopsHalfWay_isCutAfterTheIdleTimeout() throws Exception {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(("POST /api/v1/auths/signin HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"email\":")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout((int) CUT_WITHIN.toMillis());
            assertThat(readUntilClosed(socket.getInputStream())).as("connection closed while the body waits")
                    .isTrue();
        }
    }

    @Test
    void idleKeepAliveConnection_andRequestsAtANormalPace_areServed() throws Exception {
        try (Socket socket = connect()) {
            socket.setSoTimeout(5000);
            for (int request = 0; request < 2; request++) {
                socket.getOutputStream().write("GET /api/v1/auths/ HTTP/1.1\r\nHost: x\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                String status = statusLine(socket.getInputStream());
                assertThat(status).startsWith("HTTP/1.1 403");
                Thread.sleep(3000); // idle between requests, longer than every timeout above
            }
        }
    }

    @Test
    void openWebSocket_outlivesEveryTimeout() throws Exception {
        TestUsers.Account user = TestUsers.signUp(client, "Socket");
        try (WsClient socket = WsClient.open(server.getURL().toString(), user.token())) {
            assertThat(socket.next(Duration.ofSeconds(5))).contains("\"event\":\"auth\"");
            Thread.sleep(5000);
            assertThat(socket.isClosed()).isFalse();
        }
    }

    private Socket connect() throws IOException {
        return new Socket("127.0.0.1", server.getPort());
    }

    /**
     * Sends the bytes a few at a time with pauses, for at most twice the time the server is allowed; true once the
     * server has closed the connection.
     */
    private static boolean trickleUntilCut(Socket socket, byte[] bytes, int perStep) throws InterruptedException {
        long giveUp = System.nanoTime() + 2 * CUT_WITHIN.toNanos();
        try {
            OutputStream out = socket.getOutputStream();
            socket.setSoTimeout(1);
            for (int sent = 0; sent < bytes.length && System.nanoTime() < giveUp; sent += perStep) {
                out.write(bytes, sent, Math.min(perStep, bytes.length - sent));
                out.flush();
                try {
                    if (socket.getInputStream().read() < 0) {
                        return true;
                    }
                } catch (SocketTimeoutException stillOpen) {
                    // nothing from the server yet: keep trickling
                }
                Thread.sleep(100);
            }
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private static boolean readUntilClosed(InputStream in) {
        try {
            while (in.read() >= 0) {
                // a 408 or similar may come first: read on to the end of the stream
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private static String statusLine(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        int read = in.read(buffer);
        String head = new String(buffer, 0, Math.max(read, 0), StandardCharsets.US_ASCII);
        return head.lines().findFirst().orElse("");
    }
}
