package dev.chats.application.port.in.chat;

import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.ChatSummary;
import dev.chats.domain.user.User;

/** Use cases: pin and unpin the actor's chats, and list the pinned ones. */
public interface PinChatUseCase {

    /** @throws ChatNotFoundException if the chat is not the actor's */
    Chat togglePin(User actor, ChatId id);

    /** @throws ChatNotFoundException if the chat is not the actor's */
    boolean isPinned(User actor, ChatId id);

    /** The actor's pinned, non-archived chats, most recent first, read page by page. */
    Iterable<ChatSummary> pinned(User actor);
}
