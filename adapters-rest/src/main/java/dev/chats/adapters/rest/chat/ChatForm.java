package dev.chats.adapters.rest.chat;

import dev.chats.adapters.rest.request.BodyFields;
import dev.chats.domain.folder.FolderId;

import java.util.Map;
import java.util.Optional;

/**
 * Open WebUI's {@code ChatForm} ({@code {"chat": {...}, "folder_id": null}}), validated from a JSON body: a
 * missing or non-object {@code chat}, or a non-string {@code folder_id}, answers 422.
 */
record ChatForm(Map<String, Object> chat, Optional<FolderId> folderId) {

    static ChatForm read(Map<String, Object> body) {
        BodyFields fields = new BodyFields(body);
        Map<String, Object> chat = fields.requiredObject("chat");
        Optional<FolderId> folderId = fields.optionalFolderId("folder_id");
        fields.validate();
        return new ChatForm(chat, folderId);
    }
}
