package dev.chats.adapters.rest.chat;

import dev.chats.adapters.rest.request.QueryParams;
import dev.chats.domain.chat.PageRequest;

import java.util.Optional;

/** Reads the window: {@code page} (60 per page), or the older {@code skip}/{@code limit} (default 0/50). */
final class ListWindows {

    /** Open WebUI's page of every list route. */
    static final int PAGE_SIZE = 60;
    private static final int LEGACY_DEFAULT_LIMIT = 50;

    private ListWindows() {
    }

    static PageRequest pageOrSkipLimit(String page, String skip, String limit) {
        Optional<Long> pageNumber = QueryParams.integer("page", page, 1);
        Optional<Long> skipRows = QueryParams.integer("skip", skip, 0);
        Optional<Long> limitRows = QueryParams.integer("limit", limit, 1);
        if (pageNumber.isEmpty() && (skipRows.isPresent() || limitRows.isPresent())) {
            int size = (int) Math.min(limitRows.orElse((long) LEGACY_DEFAULT_LIMIT), PageRequest.MAX_LIMIT);
            return new PageRequest(skipRows.orElse(0L), size);
        }
        return PageRequest.ofPage(pageNumber.orElse(1L), PAGE_SIZE);
    }
}
