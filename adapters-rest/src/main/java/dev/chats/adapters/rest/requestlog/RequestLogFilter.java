package dev.chats.adapters.rest.requestlog;

import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Gives every request an id ({@link RequestIds}), echoes it in the answer's {@code X-Request-ID}, keeps it in the
 * logging context (MDC {@code requestId}) for every line logged while the request is served, and writes one access
 * line per request on logger {@code chats.access}: method, route template, status, milliseconds until the answer's
 * head, request id and acting user. It logs no query string, header or body, so no token, password, API key or
 * message content reaches the access log. Runs before every other filter, so refusals are logged too. The answer
 * also carries its timing ({@link ServerTiming}).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RequestLogFilter implements Ordered {

    static final String REQUEST_ID = "requestId";
    static final String USER_ID = "userId";
    private static final Logger ACCESS = LoggerFactory.getLogger("chats.access");
    private static final String STARTED = RequestLogFilter.class.getName() + ".started";

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    @RequestFilter
    public void identify(HttpRequest<?> request, MutablePropagatedContext context) {
        String id = RequestIds.accept(request.getHeaders().get(RequestIds.HEADER));
        request.setAttribute(REQUEST_ID, id);
        request.setAttribute(STARTED, System.nanoTime());
        LogContext.put(context, REQUEST_ID, id);
    }

    @ResponseFilter
    public void log(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String id = request.getAttribute(REQUEST_ID, String.class).orElseGet(() -> RequestIds.accept(null));
        response.header(RequestIds.HEADER, id);
        long nanos = request.getAttribute(STARTED, Long.class).map(started -> System.nanoTime() - started).orElse(-1L);
        if (nanos >= 0) {
            response.header(ServerTiming.HEADER, ServerTiming.value(request, nanos));
        }
        if (!ACCESS.isInfoEnabled()) {
            return;
        }
        long millis = nanos < 0 ? -1 : nanos / 1_000_000;
        String user = request.getAttribute(USER_ID, String.class).orElse("-");
        // MDC carries both ids for the JSON format; the message carries them for the plain one.
        try (MDC.MDCCloseable requestId = MDC.putCloseable(REQUEST_ID, id);
             MDC.MDCCloseable userId = MDC.putCloseable(USER_ID, user)) {
            ACCESS.info("{} {} {} {}ms id={} user={}", request.getMethodName(), route(request), response.code(),
                    millis, id, user);
        }
    }

    /** The matched route's template ({@code /api/v1/chats/{id}}), else the path: never the query string. */
    private static String route(HttpRequest<?> request) {
        return RouteAttributes.getRouteMatch(request)
                .filter(UriRouteMatch.class::isInstance)
                .map(match -> ((UriRouteMatch<?, ?>) match).getRouteInfo().getUriMatchTemplate().toPathString())
                .orElse(request.getPath());
    }
}
