package dev.chats.adapters.rest.cors;

import dev.chats.adapters.rest.error.ErrorDetail;
import dev.chats.adapters.rest.vapi.NestError;
import dev.chats.adapters.rest.vapi.VapiRoutes;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.annotation.PreMatching;
import io.micronaut.http.server.cors.CorsFilter;
import io.micronaut.http.server.cors.CorsUtil;

/**
 * Refuses a cross-origin preflight from an origin {@code CORS_ALLOW_ORIGIN} does not allow: 403 with the surface's
 * error body ({@code {"detail"}}, or NestJS's envelope on the Vapi routes) and no CORS header, so the browser keeps
 * refusing the page while a developer reading the answer learns why. The framework's CORS filter, just inside this
 * one, answers only allowed origins; the others it passes on to routing, where an OPTIONS request answers whatever
 * the route makes of it (an empty 403 only when the server is reached as localhost).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RefusedPreflight implements Ordered {

    static final String ORIGIN_NOT_ALLOWED = "Origin not allowed";

    private final AllowedOrigins allowed;

    RefusedPreflight(CrossOriginSettings settings) {
        this.allowed = settings.allowOrigin();
    }

    @Override
    public int getOrder() {
        return CorsFilter.CORS_FILTER_ORDER - 1;
    }

    @PreMatching
    @RequestFilter
    @Nullable
    public HttpResponse<?> refuse(HttpRequest<?> request) {
        if (!CorsUtil.isPreflightRequest(request) || allowed.allows(request.getOrigin().orElse(""))) {
            return null;
        }
        Object body = VapiRoutes.covers(request.getPath())
                ? NestError.of(HttpStatus.FORBIDDEN, ORIGIN_NOT_ALLOWED)
                : new ErrorDetail(ORIGIN_NOT_ALLOWED);
        return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON_TYPE).body(body);
    }
}
