package dev.chats.app.operations;

import dev.chats.adapters.openai.OpenAiChatCompletions;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reports whether the model server ({@code OPENAI_API_BASE_URL}) answers, as {@code model}. It is always UP: only
 * the Vapi routes need the model, and they answer its absence themselves, so an unreachable model must not take the
 * instance out of service. A probe never waits for the model server: it reports the last answer, asked for again
 * in the background once it is {@link #REFRESH} old (so frequent probes do not call a perhaps paid API each time),
 * and {@code checking: true} until the first answer. A slow or silent model server therefore never delays
 * readiness, the first answer of a new instance included. The first check is asked {@link #FIRST_ASK_DELAY} after
 * the first probe: that probe comes while a new instance is still compiling its start-up, and the check's first
 * call builds the model connection's HTTP client and the JDK's TLS context (about 0.2 s of CPU), which on two cores
 * delayed the answer to the probe itself.
 */
@Singleton
final class ModelHealthIndicator implements HealthIndicator {

    static final Duration REFRESH = Duration.ofSeconds(30);
    static final Duration FIRST_ASK_DELAY = Duration.ofSeconds(1);

    private final OpenAiChatCompletions model;
    private final BlockingProbe probe;
    private final ExecutorService blocking;
    private final TaskScheduler scheduler;
    private final AtomicBoolean asking = new AtomicBoolean();
    private volatile Map<String, Object> last;
    private volatile long lastAtNanos;

    ModelHealthIndicator(OpenAiChatCompletions model, BlockingProbe probe,
                         @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                         @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.model = model;
        this.probe = probe;
        this.blocking = blocking;
        this.scheduler = scheduler;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return probe.run("model", HealthStatus.UP,
                () -> HealthResult.builder("model", HealthStatus.UP).details(details()).build());
    }

    private Map<String, Object> details() {
        Map<String, Object> known = last;
        boolean stale = known == null || System.nanoTime() - lastAtNanos >= REFRESH.toNanos();
        if (stale && asking.compareAndSet(false, true)) {
            try {
                if (known == null) {
                    scheduler.schedule(FIRST_ASK_DELAY, this::askInTheBackground);
                } else {
                    blocking.execute(this::ask);
                }
            } catch (RejectedExecutionException e) {
                asking.set(false);
            }
        }
        if (known != null) {
            return known;
        }
        Map<String, Object> checking = new LinkedHashMap<>();
        checking.put("url", model.baseUrl());
        checking.put("checking", true);
        return checking;
    }

    /** The first check, once due: on the blocking pool, since it waits up to its timeout for the model server. */
    private void askInTheBackground() {
        try {
            blocking.execute(this::ask);
        } catch (RejectedExecutionException e) {
            asking.set(false);
        }
    }

    private void ask() {
        try {
            OptionalInt answer = model.probe(BlockingProbe.TIMEOUT.minusMillis(500));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("url", model.baseUrl());
            details.put("reachable", answer.isPresent());
            answer.ifPresent(status -> details.put("httpStatus", status));
            last = details;
            lastAtNanos = System.nanoTime();
        } finally {
            asking.set(false);
        }
    }
}
