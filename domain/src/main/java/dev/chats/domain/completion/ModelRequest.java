package dev.chats.domain.completion;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * "Complete this conversation": which model, where ({@code baseUrl} null means the server's configured connection,
 * otherwise an OpenAI-compatible endpoint the caller named), the messages in order, the sampling settings the
 * assistant gave (null when it gave none) and how long the whole call may take.
 */
public record ModelRequest(String baseUrl, String model, List<ModelMessage> messages, Double temperature,
                           Integer maxTokens, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    public ModelRequest {
        Objects.requireNonNull(model, "model");
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a conversation needs at least one message");
        }
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }
}
