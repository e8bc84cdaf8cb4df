package dev.chats.domain.stats;

import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.Message;
import dev.chats.domain.user.UserId;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What chat statistics need of one chat, as a store reads it without assembling the conversation: its times, its
 * tags, the current message id and the facts of each message of {@code history.messages}, keyed as stored.
 */
public record ChatFacts(ChatId id, UserId owner, long createdAt, long updatedAt, List<Object> tags,
                        Object currentId, Map<String, MessageFacts> messages) {

    public ChatFacts {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        tags = tags == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(tags));
        messages = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(messages));
    }

    /**
     * The facts of a stored chat from its record: {@code meta}, the document body as stored (without its
     * messages; {@code history.currentId} is read from it) and its message records.
     */
    public static ChatFacts of(ChatId id, UserId owner, long createdAt, long updatedAt, Map<String, Object> meta,
                               Map<String, Object> body, Collection<Message> messages) {
        Map<String, MessageFacts> facts = new LinkedHashMap<>();
        for (Message message : messages) {
            facts.put(message.id(), MessageFacts.of(message.id(), message.body()));
        }
        return ofFacts(id, owner, createdAt, updatedAt, meta, body, facts);
    }

    /** As {@link #of}, with the messages already reduced to their facts, keyed by message id. */
    public static ChatFacts ofFacts(ChatId id, UserId owner, long createdAt, long updatedAt, Map<String, Object> meta,
                                    Map<String, Object> body, Map<String, MessageFacts> facts) {
        Object tags = meta == null ? null : meta.get("tags");
        Object currentId = body != null && body.get("history") instanceof Map<?, ?> history
                ? history.get("currentId") : null;
        return new ChatFacts(id, owner, createdAt, updatedAt,
                tags instanceof List<?> list ? List.copyOf(list.stream().filter(Objects::nonNull).toList()) : List.of(),
                currentId, facts);
    }
}
