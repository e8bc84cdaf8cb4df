package dev.chats.application.service.chat;

import dev.chats.application.port.in.chat.ArchiveChatUseCase;
import dev.chats.application.port.in.chat.ListUserChatsUseCase;
import dev.chats.application.service.chat.VersionedWrite.Stored;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.ChatOrder;
import dev.chats.domain.chat.ChatQuery;
import dev.chats.domain.chat.ChatSummary;
import dev.chats.domain.chat.Flag;
import dev.chats.domain.chat.FolderScope;
import dev.chats.domain.chat.PageRequest;
import dev.chats.domain.chat.event.AllChatsArchived;
import dev.chats.domain.chat.event.ChatArchived;
import dev.chats.domain.permission.PermissionPolicy;
import dev.chats.domain.port.ChatEvents;
import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.port.Clock;
import dev.chats.domain.port.TagRepository;
import dev.chats.domain.tag.Tag;
import dev.chats.domain.user.User;

import java.util.List;
import java.util.Optional;

/**
 * The archive. An archived chat leaves its folder and stops counting for its tags; restoring it brings its tags
 * back with the display names they had.
 */
public final class ArchiveChatService implements ArchiveChatUseCase {

    private final ChatRepository chats;
    private final TagRepository tags;
    private final ChatAccess access;
    private final Clock clock;
    private final ChatEvents events;

    public ArchiveChatService(ChatRepository chats, TagRepository tags, PermissionPolicy policy, Clock clock,
                              ChatEvents events) {
        this.chats = chats;
        this.tags = tags;
        this.access = new ChatAccess(chats, policy);
        this.clock = clock;
        this.events = events;
    }

    @Override
    public Chat toggleArchive(User actor, ChatId id) {
        Stored<ChatArchived> toggled = VersionedWrite.apply(() -> access.owned(actor, id), chat -> {
            ChatArchived archived = chat.toggleArchived(clock.nowEpochSeconds());
            return new Stored<>(chats.update(chat), archived);
        });
        Chat chat = toggled.chat();
        if (!chat.archived()) {
            // Records are kept while any chat carries the tag; one imported without a record gets it now.
            chat.tagIds().forEach(tagId -> tags.addIfAbsent(new Tag(tagId, actor.id(), tagId, null)));
        }
        events.publish(toggled.event());
        return chat;
    }

    @Override
    public void archiveAll(User actor) {
        chats.setArchivedOfAll(actor.id(), true);
        events.publish(new AllChatsArchived(actor.id(), true));
    }

    @Override
    public void unarchiveAll(User actor) {
        chats.setArchivedOfAll(actor.id(), false);
        events.publish(new AllChatsArchived(actor.id(), false));
    }

    @Override
    public List<ChatSummary> archived(User actor, ListUserChatsUseCase.Query query) {
        return chats.findSummaries(new ChatQuery(Optional.of(actor.id()), Flag.ONLY_TRUE, Flag.ANY,
                FolderScope.any(), query.titleContains(), query.order(), query.page()));
    }

    @Override
    public long countArchived(User actor) {
        return chats.count(new ChatQuery(Optional.of(actor.id()), Flag.ONLY_TRUE, Flag.ANY, FolderScope.any(),
                Optional.empty(), ChatOrder.RECENT_FIRST, new PageRequest(0, 1)));
    }

    @Override
    public Iterable<Chat> exportArchived(User actor) {
        ChatQuery query = new ChatQuery(Optional.of(actor.id()), Flag.ONLY_TRUE, Flag.ANY, FolderScope.any(),
                Optional.empty(), ChatOrder.RECENT_FIRST, new PageRequest(0, PagedIterable.FETCH_SIZE));
        return PagedIterable.of(window -> chats.findChats(query.withPage(window)));
    }
}
