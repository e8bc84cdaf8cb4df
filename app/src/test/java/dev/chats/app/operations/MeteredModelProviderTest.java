package dev.chats.app.operations;

import dev.chats.domain.completion.Completion;
import dev.chats.domain.completion.ModelMessage;
import dev.chats.domain.completion.ModelRequest;
import dev.chats.domain.completion.ModelUsage;
import dev.chats.domain.port.ModelProvider;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole answer's call time reaches the request's timing; a stream's does not (its answer's head has left). Both
 * are counted in the registry.
 */
class MeteredModelProviderTest {

    private static final ModelRequest REQUEST = new ModelRequest(null, "m", List.of(new ModelMessage("user", "hi")),
            null, null, null);

    /** A model that answers after 20 ms, whole or in one delta. */
    private static final ModelProvider MODEL = new ModelProvider() {
        @Override
        public Completion complete(ModelRequest request) {
            pause();
            return new Completion("hello", new ModelUsage(3, 2));
        }

        @Override
        public Completion stream(ModelRequest request, Consumer<String> onDelta) {
            pause();
            onDelta.accept("hello");
            return new Completion("hello", new ModelUsage(3, 2));
        }
    };

    @Test
    void wholeAnswersHandTheirTimeOn_streamsDoNot_bothAreCounted() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<Long> handedOn = new ArrayList<>();
        MeteredModelProvider metered = new MeteredModelProvider(MODEL, registry, handedOn::add);

        metered.complete(REQUEST);
        metered.stream(REQUEST, delta -> { });

        assertThat(handedOn).hasSize(1);
        assertThat(handedOn.get(0)).isGreaterThanOrEqualTo(20_000_000L);
        assertThat(registry.get("chats.model.calls").tag("mode", "complete").timer().count()).isEqualTo(1);
        assertThat(registry.get("chats.model.calls").tag("mode", "stream").timer().count()).isEqualTo(1);
        assertThat(registry.get("chats.model.tokens").tag("kind", "prompt").counter().count()).isEqualTo(6.0);
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
