package dev.chats.adapters.redis;

import dev.chats.domain.chat.ChatOutline;
import dev.chats.domain.chat.event.AllChatsArchived;
import dev.chats.domain.chat.event.AllChatsDeleted;
import dev.chats.domain.chat.event.ChatArchived;
import dev.chats.domain.chat.event.ChatCreated;
import dev.chats.domain.chat.event.ChatDeleted;
import dev.chats.domain.chat.event.ChatEvent;
import dev.chats.domain.chat.event.ChatMoved;
import dev.chats.domain.chat.event.ChatPinned;
import dev.chats.domain.chat.event.ChatShareChanged;
import dev.chats.domain.chat.event.ChatTagsChanged;
import dev.chats.domain.chat.event.ChatUpdated;
import dev.chats.domain.chat.event.FolderCreated;
import dev.chats.domain.chat.event.FolderDeleted;
import dev.chats.domain.chat.event.FolderUpdated;
import dev.chats.domain.chat.event.MessageContentChanged;
import dev.chats.domain.chat.event.MessageEventPushed;
import dev.chats.domain.chat.event.VapiChatCreated;
import dev.chats.domain.chat.event.VapiChatDeleted;
import dev.chats.domain.folder.Folder;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.vapi.VapiChatOutline;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes each kind of chat event as a JSON tree for the channel: its kind under {@code type} and its values under
 * snake_case names, every one of them, so that {@link EventReader} rebuilds an equal event on the other instance.
 * The kind names belong to this channel alone: renaming a record does not change them.
 */
final class EventWriter implements ChatEvent.Visitor<Map<String, Object>> {

    static final String CHAT_CREATED = "chat_created";
    static final String CHAT_UPDATED = "chat_updated";
    static final String CHAT_PINNED = "chat_pinned";
    static final String CHAT_ARCHIVED = "chat_archived";
    static final String ALL_CHATS_ARCHIVED = "all_chats_archived";
    static final String CHAT_MOVED = "chat_moved";
    static final String CHAT_SHARE_CHANGED = "chat_share_changed";
    static final String CHAT_TAGS_CHANGED = "chat_tags_changed";
    static final String CHAT_DELETED = "chat_deleted";
    static final String ALL_CHATS_DELETED = "all_chats_deleted";
    static final String MESSAGE_CONTENT_CHANGED = "message_content_changed";
    static final String MESSAGE_EVENT_PUSHED = "message_event_pushed";
    static final String FOLDER_CREATED = "folder_created";
    static final String FOLDER_UPDATED = "folder_updated";
    static final String FOLDER_DELETED = "folder_deleted";
    static final String VAPI_CHAT_CREATED = "vapi_chat_created";
    static final String VAPI_CHAT_DELETED = "vapi_chat_deleted";

    static final EventWriter INSTANCE = new EventWriter();

    private EventWriter() {
    }

    @Override
    public Map<String, Object> chatCreated(ChatCreated event) {
        return withChat(CHAT_CREATED, event.chat());
    }

    @Override
    public Map<String, Object> chatUpdated(ChatUpdated event) {
        return withChat(CHAT_UPDATED, event.chat());
    }

    @Override
    public Map<String, Object> chatPinned(ChatPinned event) {
        return withChat(CHAT_PINNED, event.chat());
    }

    @Override
    public Map<String, Object> chatArchived(ChatArchived event) {
        return withChat(CHAT_ARCHIVED, event.chat());
    }

    @Override
    public Map<String, Object> allChatsArchived(AllChatsArchived event) {
        Map<String, Object> fields = kind(ALL_CHATS_ARCHIVED, event);
        fields.put("archived", event.archived());
        return fields;
    }

    @Override
    public Map<String, Object> chatMoved(ChatMoved event) {
        return withChat(CHAT_MOVED, event.chat());
    }

    @Override
    public Map<String, Object> chatShareChanged(ChatShareChanged event) {
        return withChat(CHAT_SHARE_CHANGED, event.chat());
    }

    @Override
    public Map<String, Object> chatTagsChanged(ChatTagsChanged event) {
        return withChat(CHAT_TAGS_CHANGED, event.chat());
    }

    @Override
    public Map<String, Object> chatDeleted(ChatDeleted event) {
        Map<String, Object> fields = kind(CHAT_DELETED, event);
        fields.put("chat_id", event.chatId().value());
        return fields;
    }

    @Override
    public Map<String, Object> allChatsDeleted(AllChatsDeleted event) {
        return kind(ALL_CHATS_DELETED, event);
    }

    @Override
    public Map<String, Object> messageContentChanged(MessageContentChanged event) {
        Map<String, Object> fields = kind(MESSAGE_CONTENT_CHANGED, event);
        fields.put("chat_id", event.chatId().value());
        fields.put("message_id", event.messageId());
        fields.put("content", event.content());
        return fields;
    }

    @Override
    public Map<String, Object> messageEventPushed(MessageEventPushed event) {
        Map<String, Object> fields = kind(MESSAGE_EVENT_PUSHED, event);
        fields.put("chat_id", event.chatId().value());
        fields.put("message_id", event.messageId());
        fields.put("event_type", event.event().type());
        fields.put("data", event.event().data());
        return fields;
    }

    @Override
    public Map<String, Object> folderCreated(FolderCreated event) {
        return withFolder(FOLDER_CREATED, event.folder());
    }

    @Override
    public Map<String, Object> folderUpdated(FolderUpdated event) {
        return withFolder(FOLDER_UPDATED, event.folder());
    }

    @Override
    public Map<String, Object> folderDeleted(FolderDeleted event) {
        Map<String, Object> fields = kind(FOLDER_DELETED, event);
        fields.put("folder_id", event.folderId().value());
        fields.put("subtree", event.subtree().stream().map(FolderId::value).toList());
        fields.put("contents_deleted", event.contentsDeleted());
        return fields;
    }

    @Override
    public Map<String, Object> vapiChatCreated(VapiChatCreated event) {
        return withVapiChat(VAPI_CHAT_CREATED, event.chat());
    }

    @Override
    public Map<String, Object> vapiChatDeleted(VapiChatDeleted event) {
        return withVapiChat(VAPI_CHAT_DELETED, event.chat());
    }

    /** The kind and the recipient, which every event carries. */
    private static Map<String, Object> kind(String type, ChatEvent event) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", type);
        fields.put("owner", event.recipient().value());
        return fields;
    }

    private static Map<String, Object> withChat(String type, ChatOutline chat) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", type);
        Map<String, Object> outline = new LinkedHashMap<>();
        outline.put("id", chat.id().value());
        outline.put("owner", chat.ownerId().value());
        outline.put("title", chat.title());
        outline.put("created_at", chat.createdAt());
        outline.put("updated_at", chat.updatedAt());
        outline.put("pinned", chat.pinned());
        outline.put("archived", chat.archived());
        outline.put("folder_id", chat.folderId() == null ? null : chat.folderId().value());
        outline.put("share_id", chat.shareId());
        outline.put("tag_ids", chat.tagIds());
        fields.put("chat", outline);
        return fields;
    }

    private static Map<String, Object> withFolder(String type, Folder folder) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", type);
        Map<String, Object> written = new LinkedHashMap<>();
        written.put("id", folder.id().value());
        written.put("owner", folder.ownerId().value());
        written.put("parent_id", folder.parent().map(FolderId::value).orElse(null));
        written.put("name", folder.name());
        written.put("expanded", folder.expanded());
        written.put("meta", folder.meta());
        written.put("data", folder.data());
        written.put("created_at", folder.createdAt());
        written.put("updated_at", folder.updatedAt());
        fields.put("folder", written);
        return fields;
    }

    private static Map<String, Object> withVapiChat(String type, VapiChatOutline chat) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", type);
        Map<String, Object> outline = new LinkedHashMap<>();
        outline.put("id", chat.id().value());
        outline.put("owner", chat.ownerId().value());
        outline.put("name", chat.name());
        outline.put("assistant_id", chat.assistantId());
        outline.put("session_id", chat.sessionId());
        outline.put("previous_chat_id", chat.previousChatId() == null ? null : chat.previousChatId().value());
        outline.put("created_at", chat.createdAt());
        outline.put("updated_at", chat.updatedAt());
        fields.put("chat", outline);
        return fields;
    }
}
