package dev.chats.application.port.in.chat;

import dev.chats.domain.chat.Chat;
import dev.chats.domain.user.User;

/** Use case: every chat of the actor with its document, archived included, most recent first. */
public interface ExportChatsUseCase {

    /** Read from the store page by page as the caller iterates. */
    Iterable<Chat> exportOwn(User actor);
}
