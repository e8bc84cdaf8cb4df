package dev.chats.application.port.in.chat;

import dev.chats.domain.chat.ChatSummary;
import dev.chats.domain.user.User;

import java.util.List;

/** Use case: the sidebar list of the actor's non-archived chats, titles only. */
public interface ListChatTitlesUseCase {

    /** Page {@code page} (1-based) of {@link #PAGE_SIZE}. */
    List<ChatSummary> page(User actor, Options options, long page);

    /** Every matching chat, read from the store page by page as the caller iterates. */
    Iterable<ChatSummary> all(User actor, Options options);

    int PAGE_SIZE = 60;

    /** Whether pinned chats and chats inside folders are listed too. */
    record Options(boolean includePinned, boolean includeFolders) {
    }
}
