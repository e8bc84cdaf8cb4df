package dev.chats.application.port.in.vapi;

import dev.chats.domain.json.JsonTree;
import dev.chats.domain.vapi.InvalidVapiChatException;
import dev.chats.domain.vapi.VapiChat;
import dev.chats.domain.vapi.VapiChatId;

import java.util.List;
import java.util.Map;

/**
 * Command: run one chat turn ({@code POST /chat}). Checks itself: {@code input} is a non-empty string or a
 * non-empty list; at least one of an assistant (by id or sent), a session or a previous chat; never both a session
 * and a previous chat; a session fixes its assistant; {@code name} at most 40 characters.
 */
public record NewVapiChat(String assistantId, Map<String, Object> assistant, Map<String, Object> assistantOverrides,
                          String name, String sessionId, VapiChatId previousChatId, Object input, boolean stream) {

    public NewVapiChat {
        if (input == null || input instanceof String s && s.isEmpty() || input instanceof List<?> l && l.isEmpty()) {
            throw InvalidVapiChatException.fields(List.of("input should not be empty"));
        }
        if (!(input instanceof String) && !(input instanceof List<?>)) {
            throw InvalidVapiChatException.fields(List.of("input must be a string or an array of messages"));
        }
        if (name != null && name.length() > VapiChat.MAX_NAME_LENGTH) {
            throw InvalidVapiChatException.fields(List.of("name must be shorter than or equal to "
                    + VapiChat.MAX_NAME_LENGTH + " characters"));
        }
        if (assistantId == null && assistant == null && sessionId == null && previousChatId == null) {
            throw InvalidVapiChatException.rule(
                    "Requires at least one of: assistantId/assistant, sessionId, or previousChatId");
        }
        if (sessionId != null && previousChatId != null) {
            throw InvalidVapiChatException.rule("sessionId and previousChatId are mutually exclusive");
        }
        if (sessionId != null && (assistantId != null || assistant != null)) {
            throw InvalidVapiChatException.rule("Sessions are tied to one assistant: you cannot specify assistantId"
                    + " or assistant when using sessionId");
        }
        assistant = assistant == null ? null : JsonTree.copyObject(assistant);
        assistantOverrides = assistantOverrides == null ? null : JsonTree.copyObject(assistantOverrides);
        input = JsonTree.deepCopy(input);
    }
}
