package dev.chats.app.operations;

import dev.chats.adapters.openai.OpenAiChatCompletions;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Reports whether the model server ({@code OPENAI_API_BASE_URL}) answers, as {@code model}. It is always UP: only
 * the Vapi routes need the model, and they answer its absence themselves, so an unreachable model must not take the
 * instance out of service. The last answer is kept for {@link #REFRESH}, so frequent probes do not call the model
 * server (perhaps a paid API) each time.
 */
@Singleton
final class ModelHealthIndicator implements HealthIndicator {

    static final Duration REFRESH = Duration.ofSeconds(30);

    private final OpenAiChatCompletions model;
    private final BlockingProbe probe;
    private volatile Map<String, Object> last;
    private volatile long lastAtNanos;

    ModelHealthIndicator(OpenAiChatCompletions model, BlockingProbe probe) {
        this.model = model;
        this.probe = probe;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return probe.run("model", HealthStatus.UP,
                () -> HealthResult.builder("model", HealthStatus.UP).details(details()).build());
    }

    private Map<String, Object> details() {
        Map<String, Object> known = last;
        if (known != null && System.nanoTime() - lastAtNanos < REFRESH.toNanos()) {
            return known;
        }
        OptionalInt answer = model.probe(BlockingProbe.TIMEOUT.minusMillis(500));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("url", model.baseUrl());
        details.put("reachable", answer.isPresent());
        answer.ifPresent(status -> details.put("httpStatus", status));
        last = details;
        lastAtNanos = System.nanoTime();
        return details;
    }
}
