package dev.chats.application.port.in.chat;

import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.user.User;

/** Use case: read one chat with its whole document. */
public interface GetChatUseCase {

    /**
     * The actor's own chat, any chat for an admin allowed to access others' chats, or a chat whose owner granted the
     * actor (or every user) access to its share.
     *
     * @throws ChatNotFoundException otherwise, whether or not the chat exists
     */
    Chat get(User actor, ChatId id);
}
