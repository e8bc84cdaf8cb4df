package dev.chats.adapters.rest.chat;

import dev.chats.adapters.rest.error.ApiException;
import dev.chats.application.port.in.chat.ChatNotFoundException;
import dev.chats.domain.chat.ChatId;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.function.Supplier;

/** What the chat routes answer alike: ids and chats that are not visible, title lists, streamed lists. */
final class ChatAnswers {

    private ChatAnswers() {
    }

    /** A path id that cannot be a chat id answers exactly like a chat that is not visible. */
    static ChatId chatId(String raw, String notVisibleDetail) {
        try {
            return new ChatId(raw);
        } catch (IllegalArgumentException e) {
            throw ApiException.unauthorized(notVisibleDetail);
        }
    }

    /**
     * Open WebUI answers 401 when a chat is missing or not the caller's, with a detail string that differs per
     * route; both cases answer the same, so another user's chat stays invisible.
     */
    static <T> T answerNotVisibleAs(String detail, Supplier<T> call) {
        try {
            return call.get();
        } catch (ChatNotFoundException e) {
            throw ApiException.unauthorized(detail);
        }
    }

    /** Streams a lazily paged list as a JSON array without holding it in memory; paging runs off the event loop. */
    static <T> Flux<T> stream(Iterable<T> items) {
        return Flux.fromIterable(items).subscribeOn(Schedulers.boundedElastic());
    }

    static List<ChatTitleIdResponse> titles(List<dev.chats.domain.chat.ChatSummary> summaries) {
        return summaries.stream().map(ChatTitleIdResponse::from).toList();
    }
}
