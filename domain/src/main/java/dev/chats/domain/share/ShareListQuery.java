package dev.chats.domain.share;

import dev.chats.domain.chat.ChatOrder;
import dev.chats.domain.chat.PageRequest;
import dev.chats.domain.user.UserId;

import java.util.Objects;
import java.util.Optional;

/**
 * A page of one owner's shares: optionally only those whose title contains {@code titleContains}
 * (case-insensitive, {@code %} and {@code _} literal), in {@code order} then by share id.
 */
public record ShareListQuery(UserId owner, Optional<String> titleContains, ChatOrder order, PageRequest page) {

    public ShareListQuery {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(titleContains, "titleContains");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(page, "page");
    }
}
