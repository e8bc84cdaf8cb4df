package dev.chats.adapters.rest.cors;

import dev.chats.adapters.rest.error.ErrorDetail;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.core.order.Ordered;

import java.net.URI;
import java.util.Locale;

/**
 * Refuses a WebSocket handshake at {@code /api/v1/ws} sent by a page of another origin that
 * {@code CORS_ALLOW_ORIGIN} does not allow. Browsers apply no CORS rule to WebSockets and send the session cookie
 * with the handshake, so without this check any site could open a socket as the signed-in user. A handshake
 * without {@code Origin} (no browser) or from the server's own origin passes.
 */
@ServerFilter("/api/v1/ws")
final class SocketOriginGuard implements Ordered {

    private final AllowedOrigins allowed;

    SocketOriginGuard(CrossOriginSettings settings) {
        this.allowed = settings.allowOrigin();
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    @RequestFilter
    @Nullable
    public HttpResponse<ErrorDetail> checkOrigin(HttpRequest<?> request) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (origin == null || allowed.allows(origin) || sameOrigin(origin, request.getHeaders().get(HttpHeaders.HOST))) {
            return null;
        }
        return HttpResponse.<ErrorDetail>status(HttpStatus.FORBIDDEN)
                .body(new ErrorDetail(RefusedPreflight.ORIGIN_NOT_ALLOWED));
    }

    private static boolean sameOrigin(String origin, @Nullable String host) {
        if (host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            String authority = uri.getRawAuthority();
            return authority != null && authority.toLowerCase(Locale.ROOT).equals(host.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
