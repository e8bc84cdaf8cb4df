package dev.chats.application.port.in.chat;

import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.user.User;

import java.util.Optional;

/** Use case: copy one of the actor's chats into a new chat that records where it branched off. */
public interface CloneChatUseCase {

    /**
     * @param title the new title; empty or blank gives "Clone of &lt;title&gt;"
     * @throws ChatNotFoundException if the chat is not the actor's
     */
    Chat cloneChat(User actor, ChatId id, Optional<String> title);
}
