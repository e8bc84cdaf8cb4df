package dev.chats.application.port.in.vapi;

import dev.chats.domain.json.JsonTree;
import dev.chats.domain.vapi.InvalidVapiChatException;
import dev.chats.domain.vapi.VapiChat;
import dev.chats.domain.vapi.VapiSession;

import java.util.List;
import java.util.Map;

/**
 * Command: open a session ({@code POST /session}); every field optional. Checks itself: {@code name} at most 40
 * characters, {@code expirationSeconds} 60–2 592 000 (default 86 400).
 */
public record NewVapiSession(String name, VapiSession.Status status, Integer expirationSeconds, String assistantId,
                             Map<String, Object> assistant, Map<String, Object> assistantOverrides,
                             List<Map<String, Object>> messages) {

    public NewVapiSession {
        if (name != null && name.length() > VapiChat.MAX_NAME_LENGTH) {
            throw InvalidVapiChatException.fields(List.of("name must be shorter than or equal to "
                    + VapiChat.MAX_NAME_LENGTH + " characters"));
        }
        if (expirationSeconds != null && (expirationSeconds < VapiSession.MIN_EXPIRATION_SECONDS
                || expirationSeconds > VapiSession.MAX_EXPIRATION_SECONDS)) {
            throw InvalidVapiChatException.fields(List.of(expirationSeconds < VapiSession.MIN_EXPIRATION_SECONDS
                    ? "expirationSeconds must not be less than " + VapiSession.MIN_EXPIRATION_SECONDS
                    : "expirationSeconds must not be greater than " + VapiSession.MAX_EXPIRATION_SECONDS));
        }
        assistant = assistant == null ? null : JsonTree.copyObject(assistant);
        assistantOverrides = assistantOverrides == null ? null : JsonTree.copyObject(assistantOverrides);
        messages = messages == null ? List.of() : messages.stream().map(JsonTree::copyObject).toList();
    }
}
