package dev.chats.adapters.rest.socketio;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;

import java.util.concurrent.CompletableFuture;

/**
 * One long-polling request handed to the Engine.IO library: the servlet request and response it works on, and the
 * answer, sent when the library is done with them, at once or, for a held GET, when it has something to send.
 */
final class PollingExchange {

    private final PollingRequest request;
    private final PollingResponse response = new PollingResponse();
    private final CompletableFuture<MutableHttpResponse<byte[]>> answer = new CompletableFuture<>();

    PollingExchange(HttpRequest<?> request, byte[] body) {
        this.request = new PollingRequest(request, body, this);
    }

    PollingRequest servletRequest() {
        return request;
    }

    PollingResponse servletResponse() {
        return response;
    }

    /** The library returned: unless it holds the request, the answer is what it wrote. */
    void handled() {
        if (!request.isAsyncStarted()) {
            complete();
        }
    }

    void complete() {
        answer.complete(response.toHttpResponse());
    }

    CompletableFuture<MutableHttpResponse<byte[]>> answer() {
        return answer;
    }
}
