package dev.chats.app.operations;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * Runs a health check that blocks (a database ping, an HTTP call) on the blocking pool, bounded in time: a check
 * that has not answered within {@link #TIMEOUT} reports the given status, so a silent dependency cannot hold the
 * probe.
 */
@Singleton
final class BlockingProbe {

    static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Scheduler blocking;

    BlockingProbe(@Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    Publisher<HealthResult> run(String name, HealthStatus whenSilent, Supplier<HealthResult> check) {
        return Mono.fromSupplier(check).subscribeOn(blocking).timeout(TIMEOUT,
                Mono.fromSupplier(() -> HealthResult.builder(name, whenSilent)
                        .details(Map.of("error", "no answer within " + TIMEOUT.toSeconds() + " s")).build()));
    }
}
