package dev.chats.domain.port;

import dev.chats.domain.chat.ChatId;

/** The chat was changed by someone else since it was read: nothing was written. */
public class ChatVersionConflictException extends RuntimeException {

    public ChatVersionConflictException(ChatId id, long expectedVersion) {
        super("chat " + id + " is no longer at version " + expectedVersion);
    }
}
