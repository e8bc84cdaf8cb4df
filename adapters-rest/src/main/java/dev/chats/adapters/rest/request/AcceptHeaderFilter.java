package dev.chats.adapters.rest.request;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.annotation.PreMatching;

import java.util.List;
import java.util.Locale;

/**
 * Makes every {@code /api} route answer whatever {@code Accept} says, as FastAPI does: before a route is chosen the
 * header is noted (only "does it ask for NDJSON?" matters, see {@link #wantsNdjson}) and removed, so the framework
 * never answers 406 and every answer, errors included, is the route's own JSON.
 */
@ServerFilter("/api/**")
final class AcceptHeaderFilter {

    /** Request attribute: true when the client's {@code Accept} named {@code application/x-ndjson}. */
    static final String NDJSON_ATTRIBUTE = "chats.accept.ndjson";

    @RequestFilter
    @PreMatching
    void ignoreAccept(HttpRequest<?> request) {
        List<String> accepted = request.getHeaders().getAll(HttpHeaders.ACCEPT);
        if (accepted.isEmpty()) {
            return;
        }
        boolean ndjson = accepted.stream()
                .anyMatch(value -> value.toLowerCase(Locale.ROOT).contains(JsonStream.NDJSON));
        request.setAttribute(NDJSON_ATTRIBUTE, ndjson);
        if (request.getHeaders() instanceof MutableHttpHeaders headers) {
            headers.remove(HttpHeaders.ACCEPT);
        }
    }

    /** Whether the request asked for newline-delimited JSON. */
    static boolean wantsNdjson(HttpRequest<?> request) {
        return request.getAttribute(NDJSON_ATTRIBUTE, Boolean.class).orElse(false);
    }
}
