package dev.chats.app.operations;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;

/**
 * The Prometheus scrape ({@code /prometheus}, on only with {@code CHATS_METRICS_ENABLED}) is for administrators:
 * any other caller, without a token or with a user's, gets 401 and an empty body, so the route tells nothing.
 * Runs after the security filter, which has read the bearer token by then; the role comes from the store.
 */
@ServerFilter("/prometheus")
@Requires(property = "chats.metrics.enabled", value = "true")
final class MetricsAccessFilter implements Ordered {

    private final AdminCallers admins;

    MetricsAccessFilter(AdminCallers admins) {
        this.admins = admins;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> adminsOnly(HttpRequest<?> request) {
        boolean admin = admins.isAdmin(request.getUserPrincipal(Authentication.class).orElse(null));
        return admin ? null : HttpResponse.unauthorized();
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
