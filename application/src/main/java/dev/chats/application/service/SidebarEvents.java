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
        data.put("folder_id", chat.folderId().map(Object::toString).orElse(null));
        return data;
    }
}
