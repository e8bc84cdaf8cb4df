package dev.chats.application.service.chat;

import dev.chats.application.port.in.AccessProhibitedException;
import dev.chats.application.port.in.chat.ExportAllChatsUseCase;
import dev.chats.application.port.in.chat.ExportChatsUseCase;
import dev.chats.application.port.in.chat.ListChatTitlesUseCase;
import dev.chats.application.port.in.chat.ListUserChatsUseCase;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatOrder;
import dev.chats.domain.chat.ChatQuery;
import dev.chats.domain.chat.ChatSummary;
import dev.chats.domain.chat.Flag;
import dev.chats.domain.chat.FolderScope;
import dev.chats.domain.chat.PageRequest;
import dev.chats.domain.permission.PermissionPolicy;
import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.user.User;
import dev.chats.domain.user.UserId;

import java.util.List;
import java.util.Optional;

/** Answers the chat lists: the sidebar titles, the user's export, and the admin views. */
public final class ChatListingService
        implements ListChatTitlesUseCase, ExportChatsUseCase, ExportAllChatsUseCase, ListUserChatsUseCase {

    private final ChatRepository chats;
    private final PermissionPolicy policy;

    public ChatListingService(ChatRepository chats, PermissionPolicy policy) {
        this.chats = chats;
        this.policy = policy;
    }

    @Override
    public List<ChatSummary> page(User actor, Options options, long page) {
        return chats.findSummaries(sidebar(actor, options, PageRequest.ofPage(page, PAGE_SIZE)));
    }

    @Override
    public Iterable<ChatSummary> all(User actor, Options options) {
        ChatQuery query = sidebar(actor, options, new PageRequest(0, PagedIterable.FETCH_SIZE));
        return PagedIterable.of(window -> chats.findSummaries(query.withPage(window)));
    }

    private static ChatQuery sidebar(User actor, Options options, PageRequest page) {
        return new ChatQuery(Optional.of(actor.id()), Flag.ONLY_FALSE,
                options.includePinned() ? Flag.ANY : Flag.ONLY_FALSE,
                options.includeFolders() ? FolderScope.any() : FolderScope.rootOnly(),
                Optional.empty(), ChatOrder.RECENT_FIRST, page);
    }

    @Override
    public Iterable<Chat> exportOwn(User actor) {
        ChatQuery query = ChatQuery.allOf(actor.id(), new PageRequest(0, PagedIterable.FETCH_SIZE));
        return PagedIterable.of(window -> chats.findChats(query.withPage(window)));
    }

    @Override
    public Iterable<Chat> exportAll(User actor) {
        if (!policy.mayExportAllChats(actor)) {
            throw new AccessProhibitedException("admin export is not allowed");
        }
        ChatQuery query = new ChatQuery(Optional.empty(), Flag.ANY, Flag.ANY, FolderScope.any(), Optional.empty(),
                ChatOrder.RECENT_FIRST, new PageRequest(0, PagedIterable.FETCH_SIZE));
        return PagedIterable.of(window -> chats.findChats(query.withPage(window)));
    }

    @Override
    public List<ChatSummary> list(User actor, UserId owner, Query query) {
        if (!policy.mayAccessOthersChats(actor)) {
            throw new AccessProhibitedException("admin chat access is not allowed");
        }
        return chats.findSummaries(new ChatQuery(Optional.of(owner), Flag.ANY, Flag.ANY, FolderScope.any(),
                query.titleContains(), query.order(), query.page()));
    }
}
