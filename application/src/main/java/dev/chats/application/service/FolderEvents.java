package dev.chats.application.service;

import dev.chats.domain.folder.Folder;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.port.ChatEvent;
import dev.chats.domain.user.UserId;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The sidebar events that tell a user's clients a folder appeared, changed or went away. */
final class FolderEvents {

    private FolderEvents() {
    }

    static ChatEvent created(Folder folder) {
        return new ChatEvent(folder.ownerId(), "folder:created", null, null, summary(folder));
    }

    static ChatEvent updated(Folder folder) {
        return new ChatEvent(folder.ownerId(), "folder:updated", null, null, summary(folder));
    }

    /** The folder and its subfolders are gone; their chats were deleted or moved to the root. */
    static ChatEvent deleted(UserId owner, FolderId id, Collection<FolderId> subtree, boolean contentsDeleted) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id.value());
        data.put("folder_ids", subtree.stream().map(FolderId::value).toList());
        data.put("delete_contents", contentsDeleted);
        return new ChatEvent(owner, "folder:deleted", null, null, data);
    }

    private static Map<String, Object> summary(Folder folder) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", folder.id().value());
        data.put("name", folder.name());
        data.put("meta", folder.meta());
        data.put("parent_id", folder.parent().map(FolderId::value).orElse(null));
        data.put("is_expanded", folder.expanded());
        data.put("created_at", folder.createdAt());
        data.put("updated_at", folder.updatedAt());
        return data;
    }
}
