package dev.chats.application.port.in.chat;

import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.user.User;

import java.util.Map;

/** Use case: merge a client's partial document into the actor's chat (shallow, top-level). */
public interface UpdateChatUseCase {

    /**
     * @throws ChatNotFoundException if the chat is not the actor's
     */
    Chat update(User actor, ChatId id, Map<String, Object> documentPatch);
}
