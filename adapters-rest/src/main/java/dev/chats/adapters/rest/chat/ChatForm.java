package dev.chats.adapters.rest.chat;

import dev.chats.adapters.rest.request.ValidationErrors;
import dev.chats.domain.folder.FolderId;

import java.util.Map;
import java.util.Optional;

/**
 * Open WebUI's {@code ChatForm} ({@code {"chat": {...}, "folder_id": null}}), validated from a JSON body: a
 * missing or non-object {@code chat}, or a non-string {@code folder_id}, answers 422.
 */
record ChatForm(Map<String, Object> chat, Optional<FolderId> folderId) {

    static ChatForm read(Map<String, Object> body) {
        ValidationErrors errors = new ValidationErrors();
        Map<String, Object> chat = null;
        if (!body.containsKey("chat")) {
            errors.missing(body, "body", "chat");
        } else if (body.get("chat") instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> document = (Map<String, Object>) map;
            chat = document;
        } else {
            errors.add("dict_type", "Input should be a valid dictionary", body.get("chat"), "body", "chat");
        }
        Optional<FolderId> folderId = Optional.empty();
        Object folder = body.get("folder_id");
        if (folder instanceof String id && !id.isEmpty()) {
            if (id.length() > FolderId.MAX_LENGTH) {
                errors.add("string_too_long", "String should have at most " + FolderId.MAX_LENGTH + " characters",
                        id, "body", "folder_id");
            } else {
                folderId = Optional.of(new FolderId(id));
            }
        } else if (folder != null && !(folder instanceof String)) {
            errors.add("string_type", "Input should be a valid string", folder, "body", "folder_id");
        }
        errors.throwIfAny();
        return new ChatForm(chat, folderId);
    }
}
