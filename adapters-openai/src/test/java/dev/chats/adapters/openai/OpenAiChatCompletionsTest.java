package dev.chats.adapters.openai;

import dev.chats.domain.completion.Completion;
import dev.chats.domain.completion.ModelMessage;
import dev.chats.domain.completion.ModelRequest;
import dev.chats.domain.completion.ModelUsage;
import dev.chats.domain.port.ModelEndpointRefusedException;
import dev.chats.domain.port.ModelUnavailableException;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Chat Completions adapter against the deterministic fake upstream, over real HTTP on loopback. */
class OpenAiChatCompletionsTest {

    private final FakeOpenAiUpstream upstream = new FakeOpenAiUpstream();

    @AfterEach
    void stop() {
        upstream.close();
    }

    private OpenAiChatCompletions adapter(String allowed) {
        return new OpenAiChatCompletions(new OpenAiSettings(upstream.baseUrl() + "/", "sk-server-key", allowed),
                JsonMapper.createDefault());
    }

    private static ModelRequest request(String baseUrl, Duration timeout) {
        return new ModelRequest(baseUrl, "m", List.of(new ModelMessage("system", "You help."),
                new ModelMessage("user", "hello")), 0.5, 250, timeout);
    }

    @Test
    void givenServerConnection_complete_answersTheWholeTextWithUsageAndSendsTheProtocolsRequest() {
        Completion completion = adapter("").complete(request(null, null));

        assertThat(completion).isEqualTo(new Completion("ECHO[2]: hello", new ModelUsage(10, 5)));
        assertThat(upstream.lastPath()).isEqualTo("/v1/chat/completions");
        assertThat(upstream.lastAuthorization()).isEqualTo("Bearer sk-server-key");
        assertThat(upstream.lastBody()).containsEntry("model", "m").containsEntry("stream", false)
                .containsEntry("temperature", 0.5).containsEntry("max_tokens", 250)
                .doesNotContainKey("stream_options");
        assertThat(upstream.lastMessages()).containsExactly(Map.of("role", "system", "content", "You help."),
                Map.of("role", "user", "content", "hello"));
    }

    @Test
    void givenServerConnection_stream_deliversNonEmptyDeltasInOrderThenUsage() {
        List<String> deltas = new ArrayList<>();

        Completion completion = adapter("").stream(request(null, null), deltas::add);

        assertThat(deltas).containsExactlyElementsOf(FakeOpenAiUpstream.thirds("ECHO[2]: hello")).hasSize(3)
                .allSatisfy(delta -> assertThat(delta).isNotEmpty());
        assertThat(String.join("", deltas)).isEqualTo("ECHO[2]: hello");
        assertThat(completion).isEqualTo(new Completion("ECHO[2]: hello", new ModelUsage(10, 5)));
        assertThat(upstream.lastBody()).containsEntry("stream", true)
                .containsEntry("stream_options", Map.of("include_usage", true));
    }

    @Test
    void givenAllowedCustomUrl_complete_callsItWithoutTheServersKey() {
        Completion completion = adapter("http://127.0.0.1:1/v1, " + upstream.baseUrl())
                .complete(request(upstream.baseUrl() + "/", null));

        assertThat(completion.text()).isEqualTo("ECHO[2]: hello");
        assertThat(upstream.lastAuthorization()).isNull();
    }

    @Test
    void givenCustomUrlNotAllowed_completeAndStream_refuseWithoutCallingIt() {
        String url = upstream.baseUrl();

        assertThatThrownBy(() -> adapter("").complete(request(url, null)))
                .isInstanceOf(ModelEndpointRefusedException.class);
        assertThatThrownBy(() -> adapter(url + "0").stream(request(url, null), delta -> { }))
                .isInstanceOf(ModelEndpointRefusedException.class);
        assertThat(upstream.requests()).isZero();
    }

    @Test
    void givenUpstreamFailing_completeAndStream_areModelUnavailable() {
        upstream.mode(FakeOpenAiUpstream.Mode.FAIL);
        List<String> deltas = new ArrayList<>();

        assertThatThrownBy(() -> adapter("").complete(request(null, null)))
                .isInstanceOf(ModelUnavailableException.class).hasMessageContaining("500");
        assertThatThrownBy(() -> adapter("").stream(request(null, null), deltas::add))
                .isInstanceOf(ModelUnavailableException.class).hasMessageContaining("500");
        assertThat(deltas).isEmpty();
    }

    @Test
    void givenUpstreamAnsweringGarbage_completeAndStream_areModelUnavailable() {
        upstream.mode(FakeOpenAiUpstream.Mode.GARBAGE);

        assertThatThrownBy(() -> adapter("").complete(request(null, null)))
                .isInstanceOf(ModelUnavailableException.class);
        assertThatThrownBy(() -> adapter("").stream(request(null, null), delta -> { }))
                .isInstanceOf(ModelUnavailableException.class);
    }

    @Test
    void givenSlowUpstream_complete_givesUpAfterTheTimeout() {
        upstream.mode(FakeOpenAiUpstream.Mode.SLOW);
        upstream.delayMillis(5_000);
        long start = System.nanoTime();

        assertThatThrownBy(() -> adapter("").complete(request(null, Duration.ofMillis(500))))
                .isInstanceOf(ModelUnavailableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void givenUpstreamStoppingMidAnswer_complete_givesUpAfterTheTimeout() {
        upstream.mode(FakeOpenAiUpstream.Mode.HANG_MID_STREAM);
        upstream.delayMillis(20_000);
        long start = System.nanoTime();

        // The answer's head arrives at once: the timeout must bound its body as well, not only the head.
        assertThatThrownBy(() -> adapter("").complete(request(null, Duration.ofSeconds(1))))
                .isInstanceOf(ModelUnavailableException.class).hasMessageContaining("did not answer within");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void givenUpstreamAnsweringWithoutEnd_completeAndStream_stopAtTheSizeLimit() {
        upstream.mode(FakeOpenAiUpstream.Mode.ENDLESS);
        long[] streamed = new long[1];

        assertThatThrownBy(() -> adapter("").complete(request(null, Duration.ofSeconds(60))))
                .isInstanceOf(ModelUnavailableException.class).hasMessageContaining("larger than 16 MiB");
        assertThatThrownBy(() -> adapter("").stream(request(null, Duration.ofSeconds(60)),
                delta -> streamed[0] += delta.length()))
                .isInstanceOf(ModelUnavailableException.class).hasMessageContaining("larger than 16 MiB");
        assertThat(streamed[0]).isPositive().isLessThanOrEqualTo(OpenAiChatCompletions.MAX_ANSWER_BYTES);
    }

    @Test
    void givenUpstreamStoppingMidStream_stream_givesUpAfterTheIdleTimeout() {
        upstream.mode(FakeOpenAiUpstream.Mode.HANG_MID_STREAM);
        upstream.delayMillis(20_000);
        List<String> deltas = new ArrayList<>();
        long start = System.nanoTime();

        // 2 s: long enough for the answer's head to arrive on a loaded machine (the suite builds modules side by
        // side), far shorter than the upstream's 20 s pause, which the idle timeout must cut.
        assertThatThrownBy(() -> adapter("").stream(request(null, Duration.ofSeconds(2)), deltas::add))
                .isInstanceOf(ModelUnavailableException.class).hasMessageContaining("sent nothing");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(deltas).hasSize(1);
    }

    @Test
    void givenConsumerThrowing_stream_abandonsTheCallAndPropagates() {
        IllegalStateException gone = new IllegalStateException("client went away");

        assertThatThrownBy(() -> adapter("").stream(request(null, null), delta -> {
            throw gone;
        })).isSameAs(gone);
    }

    @Test
    void givenNothingListening_complete_isModelUnavailable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        OpenAiChatCompletions adapter = new OpenAiChatCompletions(
                new OpenAiSettings("http://127.0.0.1:" + port + "/v1", "", ""), JsonMapper.createDefault());

        assertThatThrownBy(() -> adapter.complete(request(null, null))).isInstanceOf(ModelUnavailableException.class);
    }
}
