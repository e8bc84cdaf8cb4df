package dev.chats.application.service;

import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.port.ChatEvent;
import dev.chats.domain.user.UserId;

import java.util.LinkedHashMap;
import java.util.Map;

/** The sidebar events that tell a user's clients a chat appeared, changed or went away. */
final class SidebarEvents {

    private SidebarEvents() {
    }

    static ChatEvent created(Chat chat) {
        return new ChatEvent(chat.ownerId(), "chat:created", chat.id().value(), null, summary(chat));
    }

    static ChatEvent updated(Chat chat) {
        return new ChatEvent(chat.ownerId(), "chat:updated", chat.id().value(), null, summary(chat));
    }

    /** A flag, folder or share of the chat changed: {@code chat:pinned}, {@code chat:archived} … */
    static ChatEvent changed(String type, Chat chat) {
        return new ChatEvent(chat.ownerId(), type, chat.id().value(), null, summary(chat));
    }

    /** Every chat of the owner was archived or restored at once. */
    static ChatEvent allArchived(UserId owner, boolean archived) {
        return new ChatEvent(owner, "chat:archived", null, null, Map.of("all", true, "archived", archived));
    }

    /** The chat's tags changed: the data carries the tag ids it holds now. */
    static ChatEvent tags(Chat chat) {
        Map<String, Object> data = summary(chat);
        data.put("tags", chat.tagIds());
        return new ChatEvent(chat.ownerId(), "chat:tags", chat.id().value(), null, data);
    }

    static ChatEvent deleted(UserId owner, ChatId id) {
        return new ChatEvent(owner, "chat:deleted", id.value(), null, Map.of("id", id.value()));
    }

    static ChatEvent allDeleted(UserId owner) {
        return new ChatEvent(owner, "chat:deleted", null, null, Map.of("all", true));
    }

    private static Map<String, Object> summary(Chat chat) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", chat.id().value());
        data.put("title", chat.title());
        data.put("updated_at", chat.updatedAt());
        data.put("created_at", chat.createdAt());
        data.put("pinned", chat.pinned());
        data.put("archived", chat.archived());
        data.put("folder_id", chat.folderId().map(f -> f.value()).orElse(null));
        data.put("share_id", chat.shareId().orElse(null));
        return data;
    }
}
