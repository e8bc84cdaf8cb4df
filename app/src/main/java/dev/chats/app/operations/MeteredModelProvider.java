package dev.chats.app.operations;

import dev.chats.domain.completion.Completion;
import dev.chats.domain.completion.ModelRequest;
import dev.chats.domain.port.ModelProvider;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The model port, measured: each call's duration by mode ({@code complete}, {@code stream}) and outcome
 * ({@code ok}, {@code failed}) as {@code chats.model.calls}, and the tokens the model reported as
 * {@code chats.model.tokens} by kind ({@code prompt}, {@code completion}). A whole answer's call duration is also
 * handed to {@code onCallTime} (the request's {@code Server-Timing}); a stream's is not, since its answer's head has
 * left before the call ends, while the request may still be read on another thread.
 */
public final class MeteredModelProvider implements ModelProvider {

    private final ModelProvider model;
    private final MeterRegistry registry;
    private final Counter promptTokens;
    private final Counter completionTokens;
    private final LongConsumer onCallTime;

    public MeteredModelProvider(ModelProvider model, MeterRegistry registry, LongConsumer onCallTime) {
        this.model = model;
        this.registry = registry;
        this.onCallTime = onCallTime;
        this.promptTokens = tokens("prompt");
        this.completionTokens = tokens("completion");
    }

    @Override
    public Completion complete(ModelRequest request) {
        return measured("complete", () -> model.complete(request), onCallTime);
    }

    @Override
    public Completion stream(ModelRequest request, Consumer<String> onDelta) {
        return measured("stream", () -> model.stream(request, onDelta), nanos -> { });
    }

    private Completion measured(String mode, Supplier<Completion> call, LongConsumer callTime) {
        long started = System.nanoTime();
        String outcome = "failed";
        try {
            Completion completion = call.get();
            outcome = "ok";
            promptTokens.increment(completion.usage().promptTokens());
            completionTokens.increment(completion.usage().completionTokens());
            return completion;
        } finally {
            long nanos = System.nanoTime() - started;
            Timer.builder("chats.model.calls").description("Calls to the model server")
                    .tag("mode", mode).tag("outcome", outcome).register(registry)
                    .record(nanos, TimeUnit.NANOSECONDS);
            callTime.accept(nanos);
        }
    }

    private Counter tokens(String kind) {
        return Counter.builder("chats.model.tokens").description("Tokens the model server reported using")
                .tag("kind", kind).register(registry);
    }
}
