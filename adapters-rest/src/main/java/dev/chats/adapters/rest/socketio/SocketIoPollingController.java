package dev.chats.adapters.rest.socketio;

import dev.chats.adapters.rest.ws.WebSocketSettings;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * The HTTP long-polling transport of {@code /ws/socket.io}: GET opens a connection or waits for what the server has
 * to send, POST carries what the client sends; both go to the Engine.IO server, which answers as the protocol says.
 * A POST larger than {@code chats.websocket.max-frame-bytes} answers 413 without reaching it. Anonymous for the
 * security filter: the token travels in the Socket.IO connect packet and is checked there. Described in the API
 * document by {@code src/main/openapi/socket-io.yml}, as its bodies are Engine.IO packets.
 */
@Hidden
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces({MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
final class SocketIoPollingController {

    private static final byte[] NO_BODY = new byte[0];

    private final SocketIoEngine engine;
    private final WebSocketSettings settings;

    SocketIoPollingController(SocketIoEngine engine, WebSocketSettings settings) {
        this.engine = engine;
        this.settings = settings;
    }

    @Get(SocketIoPaths.PATH)
    CompletableFuture<MutableHttpResponse<byte[]>> receive(HttpRequest<?> request) {
        return handle(request, NO_BODY);
    }

    @Post(SocketIoPaths.PATH)
    @Consumes(MediaType.ALL)
    CompletableFuture<MutableHttpResponse<byte[]>> send(HttpRequest<?> request, @Nullable @Body byte[] body) {
        byte[] payload = body == null ? NO_BODY : body;
        if (payload.length > settings.maxFrameBytes()) {
            return CompletableFuture.completedFuture(HttpResponse.<byte[]>status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
                    .contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(("{\"detail\":\"Payload too large: the limit is " + settings.maxFrameBytes() + " bytes\"}")
                            .getBytes(StandardCharsets.UTF_8)));
        }
        return handle(request, payload);
    }

    private CompletableFuture<MutableHttpResponse<byte[]>> handle(HttpRequest<?> request, byte[] body) {
        PollingExchange exchange = new PollingExchange(request, body);
        try {
            engine.handleRequest(exchange.servletRequest(), exchange.servletResponse());
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.completedFuture(HttpResponse.<byte[]>status(HttpStatus.BAD_REQUEST)
                    .contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body("{\"detail\":\"Bad Socket.IO request\"}".getBytes(StandardCharsets.UTF_8)));
        }
        exchange.handled();
        return exchange.answer();
    }
}
