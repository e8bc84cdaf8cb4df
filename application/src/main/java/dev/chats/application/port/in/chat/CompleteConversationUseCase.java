package dev.chats.application.port.in.chat;

import dev.chats.domain.completion.Completion;
import dev.chats.domain.completion.ModelMessage;
import dev.chats.domain.user.User;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Open WebUI's {@code POST /api/chat/completions}: the server's model connection completes a conversation the client
 * sends. When the request names one of the caller's stored chats and the assistant message to fill, the answer is
 * written into that message once the model has finished, and the chat's clients are told as for any message edit.
 * {@link #start} checks the request before anything is answered, so a streamed answer never begins for a chat the
 * caller may not write.
 */
public interface CompleteConversationUseCase {

    /**
     * @throws ChatNotFoundException when the named chat is not the actor's (admins may write into any chat)
     */
    Run start(User actor, Conversation conversation);

    /** A checked request, ready to go to the model. */
    interface Run {

        /**
         * Asks the model and writes the answer into the named message once it is whole.
         *
         * @param onDelta receives each piece of the answer as it arrives; null to wait for the whole answer
         */
        Completion complete(Consumer<String> onDelta);
    }

    /**
     * What to complete.
     *
     * @param chatId    the stored chat the answer belongs to; null, or Open WebUI's {@code local:…} and
     *                  {@code channel:…} ids, for a conversation that is not stored
     * @param messageId the assistant message of that chat to write the answer into; null to store nothing
     */
    record Conversation(String model, List<ModelMessage> messages, Double temperature, Integer maxTokens,
                        String chatId, String messageId) {

        public Conversation {
            Objects.requireNonNull(model, "model");
            messages = List.copyOf(messages);
        }

        /** Whether {@link #chatId} names a stored chat rather than a temporary one. */
        public boolean namesStoredChat() {
            return chatId != null && !chatId.isEmpty() && !chatId.startsWith("local:")
                    && !chatId.startsWith("channel:");
        }
    }
}
