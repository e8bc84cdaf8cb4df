package dev.chats.domain.vapi;

import java.util.List;

/** One page of sessions and how many sessions match the query across all pages. */
public record VapiSessionPage(List<VapiSession> results, long totalItems) {

    public VapiSessionPage {
        results = List.copyOf(results);
    }
}
