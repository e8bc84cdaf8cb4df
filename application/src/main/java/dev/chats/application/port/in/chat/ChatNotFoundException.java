package dev.chats.application.port.in.chat;

import dev.chats.domain.chat.ChatId;

/** No chat with this id is visible to the acting user: it does not exist or belongs to someone else. */
public class ChatNotFoundException extends RuntimeException {

    public ChatNotFoundException(ChatId id) {
        super("chat " + id + " not found");
    }
}
