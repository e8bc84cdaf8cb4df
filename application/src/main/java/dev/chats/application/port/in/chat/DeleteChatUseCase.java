package dev.chats.application.port.in.chat;

import dev.chats.application.port.in.AccessProhibitedException;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.user.User;

/** Use case: delete one chat with its messages. */
public interface DeleteChatUseCase {

    /**
     * @throws AccessProhibitedException if the actor may not delete chats
     * @throws ChatNotFoundException     if the chat is neither the actor's nor reachable by an admin
     */
    void delete(User actor, ChatId id);
}
