package dev.chats.application.port.in.chat;

import dev.chats.domain.chat.ChatSummary;
import dev.chats.domain.user.User;

import java.util.List;

/** Use case: search the actor's chats with Open WebUI's search-box grammar. */
public interface SearchChatsUseCase {

    int PAGE_SIZE = 60;

    List<ChatSummary> search(User actor, String text, long page);
}
