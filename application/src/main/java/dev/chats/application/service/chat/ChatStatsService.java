package dev.chats.application.service.chat;

import dev.chats.application.port.in.AccessProhibitedException;
import dev.chats.application.port.in.chat.ChatNotFoundException;
import dev.chats.application.port.in.chat.ChatStatsUseCase;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.PageRequest;
import dev.chats.domain.chat.SortDirection;
import dev.chats.domain.permission.PermissionPolicy;
import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.stats.ChatFacts;
import dev.chats.domain.stats.ChatStatistics;
import dev.chats.domain.user.User;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Chat statistics from the store's facts ({@link ChatRepository#findFacts}): a page of chats at a time, the
 * conversations never assembled here, the figures computed by {@link ChatStatistics}.
 */
public final class ChatStatsService implements ChatStatsUseCase {

    private final ChatRepository chats;
    private final PermissionPolicy policy;

    public ChatStatsService(ChatRepository chats, PermissionPolicy policy) {
        this.chats = chats;
        this.policy = policy;
    }

    @Override
    public UsagePage usage(User actor, long page, int itemsPerPage) {
        List<UsageItem> items = new ArrayList<>();
        for (ChatFacts chat : chats.findFacts(actor.id(), OptionalLong.empty(), SortDirection.DESC,
                PageRequest.ofPage(page, itemsPerPage))) {
            ChatStatistics.usage(chat).ifPresent(stats -> items.add(new UsageItem(chat, stats)));
        }
        return new UsagePage(items, chats.countChats(actor.id(), OptionalLong.empty()));
    }

    @Override
    public ExportPage export(User actor, OptionalLong updatedAfter, long page) {
        requireExportAllowed(actor);
        List<ChatFacts> items = chats.findFacts(actor.id(), updatedAfter, SortDirection.ASC,
                PageRequest.ofPage(page, EXPORT_PAGE_SIZE));
        return new ExportPage(items, chats.countChats(actor.id(), updatedAfter), page);
    }

    @Override
    public Iterable<ChatFacts> exportAll(User actor, OptionalLong updatedAfter) {
        requireExportAllowed(actor);
        return new PagedIterable<>(window -> chats.findFacts(actor.id(), updatedAfter, SortDirection.ASC, window),
                100);
    }

    @Override
    public ChatFacts exportOne(User actor, ChatId id) {
        requireExportAllowed(actor);
        ChatFacts chat = chats.findFacts(id).orElseThrow(() -> new ChatNotFoundException(id));
        if (!chat.owner().equals(actor.id()) && !actor.isAdmin()) {
            throw new AccessProhibitedException("not the owner of chat " + id.value());
        }
        return chat;
    }

    private void requireExportAllowed(User actor) {
        if (!policy.mayExportStatistics(actor)) {
            throw new AccessProhibitedException("community sharing is off");
        }
    }
}
