package dev.chats.adapters.rest.vapi;

import dev.chats.adapters.rest.error.ErrorDetail;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.core.order.Ordered;

import java.util.Map;

/**
 * Gives every error the Vapi routes answer with outside their own handlers — rejected or missing credentials,
 * unknown routes and methods, an unavailable database, an unexpected failure — NestJS's envelope instead of Open
 * WebUI's {@code {"detail"}}. A request without credentials is 401 here, as on Vapi (Open WebUI answers 403).
 */
@ServerFilter({VapiRoutes.CHAT, VapiRoutes.CHAT + "/**", VapiRoutes.SESSION, VapiRoutes.SESSION + "/**",
        VapiRoutes.ASSISTANT, VapiRoutes.ASSISTANT + "/**"})
public final class VapiErrorFilter implements Ordered {

    /** Outside the security filter, so its rejections pass through here too. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    @ResponseFilter
    @SuppressWarnings("unchecked")
    public void nestEnvelope(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.code() < 400) {
            return;
        }
        Object body = response.getBody().orElse(null);
        String detail = body instanceof ErrorDetail error ? error.detail()
                : body instanceof Map<?, ?> map && map.get("detail") != null ? String.valueOf(map.get("detail"))
                : null;
        if (detail == null && body != null) {
            return;
        }
        HttpStatus status = response.getStatus();
        if (status == HttpStatus.FORBIDDEN && "Not authenticated".equals(detail)) {
            status = HttpStatus.UNAUTHORIZED;
        }
        String message = status == HttpStatus.NOT_FOUND && "Not Found".equals(detail)
                ? "Cannot " + request.getMethodName() + " " + request.getPath()
                : detail == null ? status.getReason() : detail;
        ((MutableHttpResponse<Object>) response).status(status).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(NestError.of(status, message));
    }
}
