package dev.chats.domain.vapi;

import dev.chats.domain.user.UserId;

import java.util.Objects;

/**
 * A Vapi chat without its conversation: its id, owner, name and references, times in epoch milliseconds. What an
 * event about the chat tells the owner's clients; one that wants the turn reads it whole.
 *
 * @param previousChatId the turn this one continues, or null
 */
public record VapiChatOutline(VapiChatId id, UserId ownerId, String name, String assistantId, String sessionId,
                              VapiChatId previousChatId, long createdAt, long updatedAt) {

    public VapiChatOutline {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerId, "ownerId");
    }
}
