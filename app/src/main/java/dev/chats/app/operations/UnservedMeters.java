package dev.chats.app.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * Metrics are collected only when they are served ({@code CHATS_METRICS_ENABLED}, which also turns the framework's
 * metrics on: {@code micronaut.metrics.enabled} follows it). Without it, what the service measures itself
 * ({@link ServiceMeters}, {@link PoolMeters}, {@link WriteFailureMeter}, {@link MeteredModelProvider}) records into
 * a registry that keeps nothing: a composite with no registry behind it. Building the Prometheus registry and the
 * framework's JVM, system, logging and pool binders cost about 50 ms of the main thread at every start, before the
 * database pool (which the metrics library instruments) and so the schema migration could begin (README "Cold
 * start"), and every request paid for timers nobody could read.
 */
@Factory
final class UnservedMeters {

    @Singleton
    @Requires(property = "micronaut.metrics.enabled", value = "false")
    MeterRegistry unserved() {
        return new CompositeMeterRegistry();
    }
}
