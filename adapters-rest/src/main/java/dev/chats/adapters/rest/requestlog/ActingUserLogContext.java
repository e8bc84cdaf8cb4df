package dev.chats.adapters.rest.requestlog;

import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;

/**
 * Adds the acting user's id (the verified token's subject) to the logging context as MDC {@code userId}, and to
 * the request for the access line, once the security filter has authenticated the request.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class ActingUserLogContext implements Ordered {

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    public void identify(HttpRequest<?> request, MutablePropagatedContext context) {
        request.getUserPrincipal(Authentication.class).map(Authentication::getName).ifPresent(user -> {
            request.setAttribute(RequestLogFilter.USER_ID, user);
            LogContext.put(context, RequestLogFilter.USER_ID, user);
        });
    }
}
