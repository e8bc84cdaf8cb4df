package dev.chats.adapters.rest.chat;

import dev.chats.adapters.rest.error.ApiException;
import dev.chats.domain.chat.ChatOrder;
import dev.chats.domain.chat.ChatSortField;
import dev.chats.domain.chat.SortDirection;

import java.util.Optional;

/** Parses {@code order_by}/{@code direction}; values outside the allowed sets answer 400 naming them. */
final class ListOrders {
    private ListOrders() {
    }

    static ChatOrder parse(String orderBy, String direction) {
        ChatSortField field = Optional.ofNullable(orderBy).filter(s -> !s.isBlank())
                .map(s -> ChatSortField.fromWire(s).orElseThrow(() -> ApiException.badRequest(
                        "Invalid order_by field: allowed values are " + ChatSortField.allowedValues())))
                .orElse(ChatSortField.UPDATED_AT);
        SortDirection dir = Optional.ofNullable(direction).filter(s -> !s.isBlank())
                .map(s -> SortDirection.fromWire(s).orElseThrow(() -> ApiException.badRequest(
                        "Invalid direction: allowed values are asc, desc")))
                .orElse(SortDirection.DESC);
        return new ChatOrder(field, dir);
    }
}
