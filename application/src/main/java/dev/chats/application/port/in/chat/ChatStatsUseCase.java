package dev.chats.application.port.in.chat;

import dev.chats.application.port.in.AccessProhibitedException;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.stats.ChatFacts;
import dev.chats.domain.stats.ChatStatistics;
import dev.chats.domain.user.User;

import java.util.List;
import java.util.OptionalLong;

/** Use cases: Open WebUI's experimental chat statistics — usage per chat, and the statistics export. */
public interface ChatStatsUseCase {

    /** Page size of the export, as upstream. */
    int EXPORT_PAGE_SIZE = 10;

    /**
     * A page of the actor's chats, newest first, with their usage figures; chats without a current message are
     * left out of the page (not out of the total), as upstream.
     */
    UsagePage usage(User actor, long page, int itemsPerPage);

    /** A page of the actor's chats' export figures, oldest first, only those updated after {@code updatedAfter}. */
    ExportPage export(User actor, OptionalLong updatedAfter, long page);

    /** Every export figure of the actor's chats, oldest first, read from the store a page at a time as iterated. */
    Iterable<ChatFacts> exportAll(User actor, OptionalLong updatedAfter);

    /**
     * One chat's export figures.
     *
     * @throws ChatNotFoundException      if there is no such chat
     * @throws AccessProhibitedException  if it is another user's and the actor is not an admin
     */
    ChatFacts exportOne(User actor, ChatId id);

    /** One chat and its usage figures. */
    record UsageItem(ChatFacts chat, ChatStatistics.Aggregate stats) {
    }

    /** A page of usage figures and how many chats the actor has. */
    record UsagePage(List<UsageItem> items, long total) {
    }

    /** A page of export figures, how many chats match and which page this is. */
    record ExportPage(List<ChatFacts> items, long total, long page) {
    }
}
