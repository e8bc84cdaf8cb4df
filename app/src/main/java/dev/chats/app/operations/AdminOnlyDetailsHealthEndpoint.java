package dev.chats.app.operations;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.annotation.SingleResult;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.annotation.Read;
import io.micronaut.management.endpoint.annotation.Selector;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.endpoint.health.HealthLevelOfDetail;
import io.micronaut.management.health.aggregator.HealthAggregator;
import io.micronaut.management.health.indicator.HealthCheckType;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.security.Principal;
import java.util.concurrent.ExecutorService;

/**
 * Micronaut's health endpoint ({@code /health}, {@code /health/liveness}, {@code /health/readiness}), open to
 * anyone for the status, with each indicator's details for administrators only: the framework can only tell
 * authenticated callers from anonymous ones, and every user of this service is authenticated. Deciding needs the
 * caller's role from the store, so the answer is computed on the blocking pool, never on the event loop.
 */
@Endpoint(value = HealthEndpoint.NAME, defaultSensitive = false)
@Replaces(HealthEndpoint.class)
final class AdminOnlyDetailsHealthEndpoint extends HealthEndpoint {

    private final AdminCallers admins;
    private final Scheduler blocking;

    AdminOnlyDetailsHealthEndpoint(HealthAggregator<HealthResult> healthAggregator,
                                   HealthIndicator[] healthIndicators,
                                   @Liveness HealthIndicator[] livenessHealthIndicators,
                                   AdminCallers admins,
                                   @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        super(healthAggregator, healthIndicators, livenessHealthIndicators);
        this.admins = admins;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    @Override
    @Read
    @SingleResult
    public Publisher<HealthResult> getHealth(@Nullable Principal principal) {
        return Mono.defer(() -> Mono.from(super.getHealth(principal))).subscribeOn(blocking);
    }

    @Override
    @Read
    @SingleResult
    public Publisher<HealthResult> getHealth(@Nullable Principal principal, @Selector HealthCheckType selector) {
        return Mono.defer(() -> Mono.from(super.getHealth(principal, selector))).subscribeOn(blocking);
    }

    @Override
    protected HealthLevelOfDetail levelOfDetail(@Nullable Principal principal) {
        return admins.isAdmin(principal) ? HealthLevelOfDetail.STATUS_DESCRIPTION_DETAILS : HealthLevelOfDetail.STATUS;
    }
}
