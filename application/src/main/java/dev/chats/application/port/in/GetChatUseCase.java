package dev.chats.application.port.in;

import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.user.User;

/** Use case: read one chat with its whole document. */
public interface GetChatUseCase {

    /**
     * The actor's own chat, or any chat for an admin allowed to access others' chats.
     *
     * @throws ChatNotFoundException otherwise, whether or not the chat exists
     */
    Chat get(User actor, ChatId id);
}
