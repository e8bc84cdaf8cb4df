package dev.chats.application.service.vapi;

import dev.chats.domain.port.ChatEvent;
import dev.chats.domain.vapi.VapiChat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The events that tell a user's clients a Vapi chat was stored or deleted, under Vapi's webhook names
 * {@code chat.created} and {@code chat.deleted} (dotted, unlike Open WebUI's {@code chat:created}). The data names the
 * chat in the Vapi {@code Chat}'s field names — id, owner, name and references, ISO times — without its conversation,
 * which a client that wants it reads with {@code GET /chat/{id}}: an event must stay small whatever the chat holds.
 */
final class VapiChatEvents {

    static final String CREATED = "chat.created";
    static final String DELETED = "chat.deleted";

    private VapiChatEvents() {
    }

    static ChatEvent created(VapiChat chat) {
        return new ChatEvent(chat.ownerId(), CREATED, chat.id().value(), null, summary(chat));
    }

    static ChatEvent deleted(VapiChat chat) {
        return new ChatEvent(chat.ownerId(), DELETED, chat.id().value(), null, summary(chat));
    }

    private static Map<String, Object> summary(VapiChat chat) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", chat.id().value());
        data.put("orgId", chat.ownerId().value());
        data.put("name", chat.name());
        data.put("assistantId", chat.assistantId());
        data.put("sessionId", chat.sessionId());
        data.put("previousChatId", chat.previousChatId() == null ? null : chat.previousChatId().value());
        data.put("createdAt", Instant.ofEpochMilli(chat.createdAt()).toString());
        data.put("updatedAt", Instant.ofEpochMilli(chat.updatedAt()).toString());
        return data;
    }
}
