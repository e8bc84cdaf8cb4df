package dev.chats.domain.vapi;

import dev.chats.domain.json.JsonTree;
import dev.chats.domain.user.UserId;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One completed turn of a Vapi chat, immutable once stored: who owns it, the assistant that ran it (saved, by id,
 * or sent with the request), how it continues earlier turns ({@code previousChatId} or {@code sessionId}), the
 * input as the client sent it (a string or a list of messages), the context the model saw ({@code messages}, the
 * earlier turns plus this input, without the assistant's system prompt), the model's {@code output}, what it cost,
 * and its times in epoch milliseconds (UTC): {@code createdAt} when the turn began, {@code updatedAt} when the
 * model finished. JSON-valued fields hold plain JDK trees (see {@link JsonTree}).
 *
 * <p>As stored, a chat with {@code turnOnly} holds only its own turn in {@code messages} (this input, as messages):
 * the conversation before it belongs to the chats it continues — its previous chat's, or its session's — and is put
 * back by {@link VapiConversations} when the chat is read, so storage per turn does not grow with the conversation.
 * A chat without {@code turnOnly} (what earlier versions stored, and what a read answers) holds the whole context.
 */
public record VapiChat(VapiChatId id, UserId ownerId, String assistantId, Map<String, Object> assistant,
                       Map<String, Object> assistantOverrides, String name, String sessionId,
                       VapiChatId previousChatId, Object input, boolean stream, List<Map<String, Object>> messages,
                       List<Map<String, Object>> output, List<Map<String, Object>> costs, double cost,
                       long createdAt, long updatedAt, boolean turnOnly) {

    public static final int MAX_NAME_LENGTH = 40;
    /** Longest assistant or session id kept: references are indexed. */
    public static final int MAX_REFERENCE_LENGTH = 255;

    public VapiChat {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerId, "ownerId");
        if (name != null && name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("name must be at most " + MAX_NAME_LENGTH + " characters");
        }
        if (assistantId != null && (assistantId.isEmpty() || assistantId.length() > MAX_REFERENCE_LENGTH)
                || sessionId != null && (sessionId.isEmpty() || sessionId.length() > MAX_REFERENCE_LENGTH)) {
            throw new IllegalArgumentException("assistant and session ids must be 1.." + MAX_REFERENCE_LENGTH
                    + " characters");
        }
        assistant = assistant == null ? null : JsonTree.copyObject(assistant);
        assistantOverrides = assistantOverrides == null ? null : JsonTree.copyObject(assistantOverrides);
        Objects.requireNonNull(input, "input");
        if (!(input instanceof String) && !(input instanceof List<?>)) {
            throw new IllegalArgumentException("input is a string or a list of messages");
        }
        input = JsonTree.deepCopy(input);
        messages = objects(messages, "messages");
        output = objects(output, "output");
        costs = objects(costs, "costs");
        if (!Double.isFinite(cost) || cost < 0) {
            throw new IllegalArgumentException("cost must be a finite, non-negative number");
        }
        if (updatedAt < createdAt) {
            throw new IllegalArgumentException("updatedAt cannot precede createdAt");
        }
    }

    /** A chat whose {@code messages} hold its whole context, as earlier versions stored every chat. */
    public VapiChat(VapiChatId id, UserId ownerId, String assistantId, Map<String, Object> assistant,
                    Map<String, Object> assistantOverrides, String name, String sessionId,
                    VapiChatId previousChatId, Object input, boolean stream, List<Map<String, Object>> messages,
                    List<Map<String, Object>> output, List<Map<String, Object>> costs, double cost,
                    long createdAt, long updatedAt) {
        this(id, ownerId, assistantId, assistant, assistantOverrides, name, sessionId, previousChatId, input, stream,
                messages, output, costs, cost, createdAt, updatedAt, false);
    }

    /** This chat as stored per turn: {@code messages} are only its own input messages. */
    public VapiChat asTurn(List<Map<String, Object>> ownMessages) {
        return new VapiChat(id, ownerId, assistantId, assistant, assistantOverrides, name, sessionId, previousChatId,
                input, stream, ownMessages, output, costs, cost, createdAt, updatedAt, true);
    }

    /** This chat with its whole context in {@code messages}, as a read answers it. */
    public VapiChat withContext(List<Map<String, Object>> context) {
        return new VapiChat(id, ownerId, assistantId, assistant, assistantOverrides, name, sessionId, previousChatId,
                input, stream, context, output, costs, cost, createdAt, updatedAt, false);
    }

    private static List<Map<String, Object>> objects(List<Map<String, Object>> list, String what) {
        Objects.requireNonNull(list, what);
        return list.stream().map(m -> Objects.requireNonNull(m, what + " entry")).map(JsonTree::copyObject)
                .map(JsonTree::readOnly).toList();
    }

    /** The chat without its conversation, as events name it. */
    public VapiChatOutline outline() {
        return new VapiChatOutline(id, ownerId, name, assistantId, sessionId, previousChatId, createdAt, updatedAt);
    }

    /** Whether the caller may see this chat: only its owner may, and to anyone else it does not exist. */
    public boolean isOwnedBy(UserId user) {
        return ownerId.equals(user);
    }
}
