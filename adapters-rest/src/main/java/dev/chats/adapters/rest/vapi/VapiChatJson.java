package dev.chats.adapters.rest.vapi;

import dev.chats.domain.vapi.VapiChat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Vapi's {@code Chat} on the wire: camelCase, times as ISO 8601 in UTC with milliseconds (JavaScript's
 * {@code toISOString()} form), {@code orgId} the owner's id; fields the chat does not have are left out.
 */
final class VapiChatJson {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private VapiChatJson() {
    }

    static String iso(long epochMillis) {
        return ISO.format(Instant.ofEpochMilli(epochMillis));
    }

    static Map<String, Object> chat(VapiChat chat) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", chat.id().value());
        json.put("orgId", chat.ownerId().value());
        putIfPresent(json, "assistantId", chat.assistantId());
        putIfPresent(json, "assistant", chat.assistant());
        putIfPresent(json, "assistantOverrides", chat.assistantOverrides());
        putIfPresent(json, "name", chat.name());
        putIfPresent(json, "sessionId", chat.sessionId());
        putIfPresent(json, "previousChatId", chat.previousChatId() == null ? null : chat.previousChatId().value());
        json.put("input", chat.input());
        json.put("stream", chat.stream());
        json.put("messages", chat.messages());
        json.put("output", chat.output());
        json.put("costs", chat.costs());
        json.put("cost", chat.cost());
        json.put("createdAt", iso(chat.createdAt()));
        json.put("updatedAt", iso(chat.updatedAt()));
        return json;
    }

    private static void putIfPresent(Map<String, Object> json, String key, Object value) {
        if (value != null) {
            json.put(key, value);
        }
    }
}
