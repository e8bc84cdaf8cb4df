package dev.chats.application.port.in.vapi;

import dev.chats.domain.user.User;
import dev.chats.domain.vapi.VapiChat;
import dev.chats.domain.vapi.VapiChatId;

import java.util.function.Consumer;

/**
 * Use case: run one chat turn with the model's answer streamed. {@link #start} checks everything that can be
 * checked before the model is called (so a bad request still answers with an error status); the returned stream
 * then runs the model and stores the chat at the end, under the id it announced.
 */
public interface StreamVapiChatUseCase {

    /** A checked turn, ready to run. */
    interface Turn {

        /** The id the chat will be stored under. */
        VapiChatId id();

        /**
         * Calls the model, hands each non-empty delta to {@code onDelta}, stores and answers the chat. If the model
         * fails or {@code onDelta} throws (the client went away), nothing is stored and the exception propagates.
         */
        VapiChat run(Consumer<String> onDelta);
    }

    /** Same failures before the model is called as {@link CreateVapiChatUseCase#create}. */
    Turn start(User actor, NewVapiChat command);
}
