package dev.chats.application.port.in.chat;

import dev.chats.application.port.in.AccessProhibitedException;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.user.User;

/** Use case: an admin exports every user's chats. */
public interface ExportAllChatsUseCase {

    /**
     * Read from the store page by page as the caller iterates.
     *
     * @throws AccessProhibitedException unless the actor is an admin and admin export is enabled
     */
    Iterable<Chat> exportAll(User actor);
}
