package dev.chats.domain.port;

import dev.chats.domain.completion.Completion;
import dev.chats.domain.completion.ModelRequest;

import java.util.function.Consumer;

/**
 * Output port: a language model that completes a conversation, whole or as a stream of text deltas ending with the
 * usage. Failures of the upstream (unreachable, an error status, an unreadable answer, past the timeout) are
 * {@link ModelUnavailableException}; an endpoint this server may not call is {@link ModelEndpointRefusedException}.
 */
public interface ModelProvider {

    /** The whole answer, once the model has finished. */
    Completion complete(ModelRequest request);

    /**
     * Streams the answer: each non-empty piece of text goes to {@code onDelta} as it arrives, on the calling
     * thread; returns the whole answer with its usage at the end. If {@code onDelta} throws (the client went
     * away), the upstream call is abandoned and the exception propagates.
     */
    Completion stream(ModelRequest request, Consumer<String> onDelta);
}
