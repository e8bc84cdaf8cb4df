package dev.chats.application.port.in.chat;

import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.ChatSummary;
import dev.chats.domain.user.User;

import java.util.List;

/** Use cases: archive and restore the actor's chats, and list the archive. */
public interface ArchiveChatUseCase {

    /**
     * Archives or restores the chat; either way it leaves its folder.
     *
     * @throws ChatNotFoundException if the chat is not the actor's
     */
    Chat toggleArchive(User actor, ChatId id);

    /** Archives every chat of the actor, leaving folders and times alone. */
    void archiveAll(User actor);

    /** Restores every archived chat of the actor, leaving folders and times alone. */
    void unarchiveAll(User actor);

    /** A window of the actor's archived chats, filtered by title and ordered as asked. */
    List<ChatSummary> archived(User actor, ListUserChatsUseCase.Query query);

    /** How many archived chats the actor has, counted in the store. */
    long countArchived(User actor);

    /** Every archived chat of the actor with its document, most recent first, read page by page. */
    Iterable<Chat> exportArchived(User actor);
}
