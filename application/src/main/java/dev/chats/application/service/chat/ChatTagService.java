package dev.chats.application.service.chat;

import dev.chats.application.port.in.chat.ChatTagsUseCase;
import dev.chats.application.port.in.chat.ListTagsUseCase;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.ChatOrder;
import dev.chats.domain.chat.ChatQuery;
import dev.chats.domain.chat.ChatSummary;
import dev.chats.domain.chat.Flag;
import dev.chats.domain.chat.FolderScope;
import dev.chats.domain.chat.PageRequest;
import dev.chats.domain.chat.event.ChatTagsChanged;
import dev.chats.domain.permission.PermissionPolicy;
import dev.chats.domain.port.ChatEvents;
import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.port.TagRepository;
import dev.chats.domain.tag.Tag;
import dev.chats.domain.tag.TagName;
import dev.chats.domain.user.User;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tags on chats. A chat's {@code meta.tags} says which tags it carries; a user's tag record exists while one of
 * the user's chats carries the tag and is listed while a non-archived one does.
 */
public final class ChatTagService implements ChatTagsUseCase, ListTagsUseCase {

    private final ChatRepository chats;
    private final TagRepository tags;
    private final ChatAccess access;
    private final ChatEvents events;

    public ChatTagService(ChatRepository chats, TagRepository tags, PermissionPolicy policy, ChatEvents events) {
        this.chats = chats;
        this.tags = tags;
        this.access = new ChatAccess(chats, policy);
        this.events = events;
    }

    @Override
    public List<Tag> tagsOf(User actor, ChatId id) {
        Chat chat = access.owned(actor, id);
        return tags.findByIds(actor.id(), chat.tagIds());
    }

    @Override
    public List<Tag> addTag(User actor, ChatId id, String name) {
        TagName tag = TagName.of(name);
        Chat tagged = VersionedWrite.apply(() -> access.owned(actor, id), chat -> {
            if (!chat.addTag(tag)) {
                return chat;
            }
            // The record before the chat that carries it; adding it again on a retry changes nothing.
            tags.addIfAbsent(Tag.named(tag, actor.id()));
            return chats.update(chat);
        });
        events.publish(new ChatTagsChanged(tagged.outline()));
        return tags.findByIds(actor.id(), tagged.tagIds());
    }

    @Override
    public List<Tag> removeTag(User actor, ChatId id, String name) {
        String tagId = TagName.normalise(name);
        Chat untagged = VersionedWrite.apply(() -> access.owned(actor, id),
                chat -> chat.removeTag(tagId) ? chats.update(chat) : chat);
        tags.deleteUncarried(actor.id(), List.of(tagId));
        events.publish(new ChatTagsChanged(untagged.outline()));
        return tags.findByIds(actor.id(), untagged.tagIds());
    }

    @Override
    public void clearTags(User actor, ChatId id) {
        List<String> removed = new ArrayList<>();
        Chat cleared = VersionedWrite.apply(() -> access.owned(actor, id), chat -> {
            removed.clear();
            removed.addAll(chat.clearTags());
            return chats.update(chat);
        });
        tags.deleteUncarried(actor.id(), removed);
        events.publish(new ChatTagsChanged(cleared.outline()));
    }

    @Override
    public List<Tag> listTags(User actor) {
        return tags.findListed(actor.id());
    }

    @Override
    public List<ChatSummary> chatsTagged(User actor, String name, PageRequest page) {
        String tagId = TagName.normalise(name);
        List<ChatSummary> carriers = chats.findSummaries(new ChatQuery(Optional.of(actor.id()), Flag.ANY, Flag.ANY,
                FolderScope.any(), Optional.empty(), ChatOrder.RECENT_FIRST, page).withAllTags(Set.of(tagId)));
        if (carriers.isEmpty()) {
            tags.deleteUncarried(actor.id(), List.of(tagId));
        }
        return carriers;
    }
}
