package dev.chats.domain.chat;

import dev.chats.domain.json.JsonTree;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The message tree of one chat document and the edits tools and pipelines make to it: setting a message's content
 * (a new message is linked under the current one and becomes current) and storing the side effect of a message event.
 * Each edit rewrites only the messages it touches and records them as the rows a save must write; the chat takes the
 * edited document and those rows back in one step ({@link Chat} keeps the rules about the chat itself).
 */
final class MessageTree {

    private ChatDocument document;
    private MessageChanges changes = MessageChanges.none();

    MessageTree(ChatDocument document) {
        this.document = document;
    }

    /** The document with every edit made so far. */
    ChatDocument document() {
        return document;
    }

    /** The message rows the edits so far touched; empty if nothing was edited. */
    MessageChanges changes() {
        return changes;
    }

    /**
     * Sets a message's {@code content}. An existing message keeps its other keys and {@code history.currentId}
     * stays. A new message gets {@code id}, {@code parentId} (the current message), {@code childrenIds},
     * {@code role} ("user" unless given) and {@code timestamp}, is linked into its parent's {@code childrenIds},
     * and becomes the current message.
     */
    void upsertContent(String messageId, String content, String role, long now) {
        Optional<Message> existing = document.message(messageId);
        if (existing.isPresent()) {
            Map<String, Object> body = JsonTree.copyObject(existing.get().body());
            body.put("content", content);
            replace(List.of(new Message(messageId, existing.get().position(), body)), Optional.empty());
        } else {
            add(messageId, content, role, now);
        }
    }

    /**
     * Stores the side effect of a message event ({@code status}, {@code message}, {@code replace},
     * {@code embeds}, {@code files}, {@code source}/{@code citation}); other types store nothing.
     *
     * @return whether the tree changed
     */
    boolean apply(String messageId, MessageEvent event, long now) {
        Optional<Message> existing = document.message(messageId);
        Map<String, Object> data = event.data();
        switch (event.type()) {
            case "status" -> {
                return existing.map(m -> appendTo(m, "statusHistory", data)).orElse(false);
            }
            case "message" -> {
                if (existing.isEmpty()) {
                    return false;
                }
                Object stored = existing.get().body().get("content");
                String prefix = stored instanceof String text ? text : "";
                upsertContent(messageId, prefix + event.textContent(), null, now);
                return true;
            }
            case "replace" -> {
                upsertContent(messageId, event.textContent(), null, now);
                return true;
            }
            case "embeds", "files" -> {
                List<Object> incoming = event.listField(event.type());
                Message message = existing.orElseGet(() -> startEmpty(messageId, now));
                Map<String, Object> body = JsonTree.copyObject(message.body());
                List<Object> merged = new ArrayList<>(incoming);
                if (body.get(event.type()) instanceof List<?> stored) {
                    merged.addAll(stored);
                }
                body.put(event.type(), merged);
                replace(List.of(new Message(messageId, message.position(), body)), Optional.empty());
                return true;
            }
            case "source", "citation" -> {
                if (data.get("type") != null) {
                    return false;
                }
                // As with embeds and files, a source for a message not stored yet starts that message.
                return appendTo(existing.orElseGet(() -> startEmpty(messageId, now)), "sources", data);
            }
            default -> {
                return false;
            }
        }
    }

    /** Adds the message with empty content, as an event for a message not stored yet does; returns it. */
    private Message startEmpty(String messageId, long now) {
        add(messageId, "", null, now);
        return document.message(messageId).orElseThrow();
    }

    private void add(String messageId, Object content, String role, long now) {
        String parentId = document.currentMessageId().orElse(null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", messageId);
        body.put("parentId", parentId);
        body.put("childrenIds", new ArrayList<>());
        body.put("role", role == null || role.isBlank() ? "user" : role);
        body.put("content", content);
        body.put("timestamp", JsonTree.integer(now));
        List<Message> upserts = new ArrayList<>();
        upserts.add(new Message(messageId, document.nextPosition(), body));
        document.message(parentId == null ? "" : parentId).ifPresent(parent -> {
            Map<String, Object> parentBody = JsonTree.copyObject(parent.body());
            List<Object> children = parentBody.get("childrenIds") instanceof List<?> list
                    ? new ArrayList<>(list) : new ArrayList<>();
            if (!children.contains(messageId)) {
                children.add(messageId);
            }
            parentBody.put("childrenIds", children);
            upserts.add(new Message(parent.id(), parent.position(), parentBody));
        });
        replace(upserts, Optional.of(messageId));
    }

    private boolean appendTo(Message message, String key, Map<String, Object> item) {
        Map<String, Object> body = JsonTree.copyObject(message.body());
        List<Object> list = body.get(key) instanceof List<?> stored ? new ArrayList<>(stored) : new ArrayList<>();
        list.add(JsonTree.deepCopy(item));
        body.put(key, list);
        replace(List.of(new Message(message.id(), message.position(), body)), Optional.empty());
        return true;
    }

    private void replace(List<Message> upserts, Optional<String> newCurrentId) {
        boolean hadMessageMap = document.hasMessageMap();
        document = document.withMessages(upserts, newCurrentId);
        MessageChanges touched = MessageChanges.none();
        upserts.forEach(touched::upsert);
        if (!hadMessageMap) {
            // A legacy document just gained its message map: every message is a new row.
            document.messages().forEach(touched::upsert);
        }
        changes = changes.plus(touched);
    }
}
