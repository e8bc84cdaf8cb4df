package dev.chats.application.service.chat;

import dev.chats.application.port.in.chat.PinChatUseCase;
import dev.chats.application.service.chat.VersionedWrite.Stored;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.ChatOrder;
import dev.chats.domain.chat.ChatQuery;
import dev.chats.domain.chat.ChatSummary;
import dev.chats.domain.chat.Flag;
import dev.chats.domain.chat.FolderScope;
import dev.chats.domain.chat.PageRequest;
import dev.chats.domain.chat.event.ChatPinned;
import dev.chats.domain.permission.PermissionPolicy;
import dev.chats.domain.port.ChatEvents;
import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.port.Clock;
import dev.chats.domain.user.User;

import java.util.Optional;

/** Pinning: pinned chats sit above the list, whatever their folder. */
public final class PinChatService implements PinChatUseCase {

    private final ChatRepository chats;
    private final ChatAccess access;
    private final Clock clock;
    private final ChatEvents events;

    public PinChatService(ChatRepository chats, PermissionPolicy policy, Clock clock, ChatEvents events) {
        this.chats = chats;
        this.access = new ChatAccess(chats, policy);
        this.clock = clock;
        this.events = events;
    }

    @Override
    public Chat togglePin(User actor, ChatId id) {
        Stored<ChatPinned> toggled = VersionedWrite.apply(() -> access.owned(actor, id), chat -> {
            ChatPinned pinned = chat.togglePinned(clock.nowEpochSeconds());
            return new Stored<>(chats.update(chat), pinned);
        });
        events.publish(toggled.event());
        return toggled.chat();
    }

    @Override
    public boolean isPinned(User actor, ChatId id) {
        return access.owned(actor, id).pinned();
    }

    @Override
    public Iterable<ChatSummary> pinned(User actor) {
        ChatQuery query = new ChatQuery(Optional.of(actor.id()), Flag.ONLY_FALSE, Flag.ONLY_TRUE, FolderScope.any(),
                Optional.empty(), ChatOrder.RECENT_FIRST, new PageRequest(0, PagedIterable.FETCH_SIZE));
        return PagedIterable.of(window -> chats.findSummaries(query.withPage(window)));
    }
}
