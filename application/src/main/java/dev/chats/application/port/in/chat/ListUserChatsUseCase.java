package dev.chats.application.port.in.chat;

import dev.chats.application.port.in.AccessProhibitedException;
import dev.chats.domain.chat.ChatOrder;
import dev.chats.domain.chat.ChatSummary;
import dev.chats.domain.chat.PageRequest;
import dev.chats.domain.user.User;
import dev.chats.domain.user.UserId;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Use case: an admin lists one user's chats, archived included. */
public interface ListUserChatsUseCase {

    /**
     * @throws AccessProhibitedException unless the actor is an admin allowed to access others' chats
     */
    List<ChatSummary> list(User actor, UserId owner, Query query);

    /** Title filter (case-insensitive substring), order and window. */
    record Query(Optional<String> titleContains, ChatOrder order, PageRequest page) {
        public Query {
            Objects.requireNonNull(titleContains, "titleContains");
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(page, "page");
        }
    }
}
