package dev.chats.domain.vapi;

import java.util.List;

/** One page of chats and how many chats match the query across all pages. */
public record VapiChatPage(List<VapiChat> results, long totalItems) {

    public VapiChatPage {
        results = List.copyOf(results);
    }
}
