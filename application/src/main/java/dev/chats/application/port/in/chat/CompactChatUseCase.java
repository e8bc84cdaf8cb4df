package dev.chats.application.port.in.chat;

import dev.chats.domain.chat.ChatId;
import dev.chats.domain.user.User;

/**
 * Context compaction (Open WebUI's {@code POST /chats/{id}/compact}): the model summarises the older messages of
 * the chat's current branch, and the summary is kept on the current message as {@code contextSummary}, so a client
 * can send the summary and the recent messages instead of the whole branch.
 */
public interface CompactChatUseCase {

    /**
     * @param model the model to summarise with; null to take the branch's last assistant model, then the chat's
     *              first model
     * @throws ChatNotFoundException when the chat is not the actor's
     * @throws NoCompactionModelException when no model is given or found
     */
    CompactionOutcome compact(User actor, ChatId id, String model);

    /** No model was named, and neither the branch nor the chat names one. */
    final class NoCompactionModelException extends RuntimeException {

        public NoCompactionModelException() {
            super("No model found for context compaction.");
        }
    }
}
