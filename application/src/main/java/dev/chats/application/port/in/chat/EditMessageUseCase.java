package dev.chats.application.port.in.chat;

import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.user.User;

import java.util.Map;

/**
 * Use cases: change one message of a chat and tell the owner's clients. The owner or an admin may; each write
 * stores only the touched message rows and never loses a concurrent one.
 */
public interface EditMessageUseCase {

    /**
     * Sets the message's content (adding the message under the current one if it is new), reading and writing only
     * the chat record and the messages it touches, however long the chat.
     *
     * @throws ChatNotFoundException if the chat is not the actor's and the actor is no admin
     */
    void setContent(User actor, ChatId id, String messageId, String content);

    /**
     * {@link #setContent}, then the whole chat as it is afterwards, read as a GET of it reads it.
     *
     * @throws ChatNotFoundException if the chat is not the actor's and the actor is no admin
     */
    Chat upsertContent(User actor, ChatId id, String messageId, String content);

    /**
     * Stores the event's side effect (if its type has one) and relays it to the owner's clients.
     *
     * @throws dev.chats.domain.chat.InvalidMessageEventException for an unknown type or malformed data
     */
    void pushEvent(User actor, ChatId id, String messageId, String type, Map<String, Object> data);
}
