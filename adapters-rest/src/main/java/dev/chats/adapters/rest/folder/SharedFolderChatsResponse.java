package dev.chats.adapters.rest.folder;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.chats.application.port.in.folder.SharedFolderChatsUseCase.FolderChat;
import dev.chats.application.port.in.folder.SharedFolderChatsUseCase.FolderChats;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The newest Open WebUI's {@code GET /folders/{id}/shared/chats}: the folder's chats and the caller's permission. */
@Serdeable
public record SharedFolderChatsResponse(List<Item> chats, @JsonProperty("folder_permission") String folderPermission) {

    static SharedFolderChatsResponse from(FolderChats folder) {
        return new SharedFolderChatsResponse(folder.chats().stream().map(Item::from).toList(),
                folder.permission().wireName());
    }

    /**
     * One chat, with its owner's name and whether the caller may only read it. {@code last_read_at} is when the
     * caller last opened it upstream; this server keeps no read marks, so it is always null.
     */
    @Serdeable
    public record Item(
            String id,
            String title,
            @JsonProperty("user_id") String userId,
            @JsonProperty("updated_at") long updatedAt,
            @JsonProperty("created_at") long createdAt,
            @JsonProperty("last_read_at") Long lastReadAt,
            @JsonProperty("owner_name") String ownerName,
            boolean readonly) {

        static Item from(FolderChat chat) {
            return new Item(chat.chat().id().value(), chat.chat().title(), chat.owner().value(),
                    chat.chat().updatedAt(), chat.chat().createdAt(), null, chat.ownerName(), chat.readonly());
        }
    }
}
