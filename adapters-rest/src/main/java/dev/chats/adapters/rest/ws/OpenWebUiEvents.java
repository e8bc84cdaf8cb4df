package dev.chats.adapters.rest.ws;

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

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each chat event as Open WebUI's clients know it (reference §7.2): a type such as {@code chat:created}, the chat and
 * message it concerns, and its data in Open WebUI's snake_case names. Vapi chats keep Vapi's webhook names
 * ({@code chat.created}, dotted) and the camelCase fields of Vapi's {@code Chat}, without the conversation.
 */
final class OpenWebUiEvents implements ChatEvent.Visitor<OpenWebUiEvents.Wire> {

    static final OpenWebUiEvents INSTANCE = new OpenWebUiEvents();

    /** One event in Open WebUI's terms; {@code chatId} and {@code messageId} may be null. */
    record Wire(String type, String chatId, String messageId, Map<String, Object> data) {
    }

    private OpenWebUiEvents() {
    }

    static Wire of(ChatEvent event) {
        return event.accept(INSTANCE);
    }

    @Override
    public Wire chatCreated(ChatCreated event) {
        return sidebar("chat:created", event.chat());
    }

    @Override
    public Wire chatUpdated(ChatUpdated event) {
        return sidebar("chat:updated", event.chat());
    }

    @Override
    public Wire chatPinned(ChatPinned event) {
        return sidebar("chat:pinned", event.chat());
    }

    @Override
    public Wire chatArchived(ChatArchived event) {
        return sidebar("chat:archived", event.chat());
    }

    @Override
    public Wire allChatsArchived(AllChatsArchived event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("archived", event.archived());
        data.put("all", true);
        return new Wire("chat:archived", null, null, data);
    }

    @Override
    public Wire chatMoved(ChatMoved event) {
        return sidebar("chat:moved", event.chat());
    }

    @Override
    public Wire chatShareChanged(ChatShareChanged event) {
        return sidebar("chat:shared", event.chat());
    }

    @Override
    public Wire chatTagsChanged(ChatTagsChanged event) {
        Wire wire = sidebar("chat:tags", event.chat());
        wire.data().put("tags", event.chat().tagIds());
        return wire;
    }

    @Override
    public Wire chatDeleted(ChatDeleted event) {
        String id = event.chatId().value();
        return new Wire("chat:deleted", id, null, Map.of("id", id));
    }

    @Override
    public Wire allChatsDeleted(AllChatsDeleted event) {
        return new Wire("chat:deleted", null, null, Map.of("all", true));
    }

    @Override
    public Wire messageContentChanged(MessageContentChanged event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("chat_id", event.chatId().value());
        data.put("message_id", event.messageId());
        data.put("content", event.content());
        return new Wire("chat:message", event.chatId().value(), event.messageId(), data);
    }

    @Override
    public Wire messageEventPushed(MessageEventPushed event) {
        return new Wire(event.event().type(), event.chatId().value(), event.messageId(), event.event().data());
    }

    @Override
    public Wire folderCreated(FolderCreated event) {
        return new Wire("folder:created", null, null, folder(event.folder()));
    }

    @Override
    public Wire folderUpdated(FolderUpdated event) {
        return new Wire("folder:updated", null, null, folder(event.folder()));
    }

    @Override
    public Wire folderDeleted(FolderDeleted event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", event.folderId().value());
        data.put("folder_ids", event.subtree().stream().map(FolderId::value).toList());
        data.put("delete_contents", event.contentsDeleted());
        return new Wire("folder:deleted", null, null, data);
    }

    @Override
    public Wire vapiChatCreated(VapiChatCreated event) {
        return vapi("chat.created", event.chat());
    }

    @Override
    public Wire vapiChatDeleted(VapiChatDeleted event) {
        return vapi("chat.deleted", event.chat());
    }

    private static Wire sidebar(String type, ChatOutline chat) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", chat.id().value());
        data.put("title", chat.title());
        data.put("updated_at", chat.updatedAt());
        data.put("created_at", chat.createdAt());
        data.put("pinned", chat.pinned());
        data.put("archived", chat.archived());
        data.put("folder_id", chat.folderId() == null ? null : chat.folderId().value());
        data.put("share_id", chat.shareId());
        return new Wire(type, chat.id().value(), null, data);
    }

    private static Map<String, Object> folder(Folder folder) {
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

    private static Wire vapi(String type, VapiChatOutline chat) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", chat.id().value());
        data.put("orgId", chat.ownerId().value());
        data.put("name", chat.name());
        data.put("assistantId", chat.assistantId());
        data.put("sessionId", chat.sessionId());
        data.put("previousChatId", chat.previousChatId() == null ? null : chat.previousChatId().value());
        data.put("createdAt", Instant.ofEpochMilli(chat.createdAt()).toString());
        data.put("updatedAt", Instant.ofEpochMilli(chat.updatedAt()).toString());
        return new Wire(type, chat.id().value(), null, data);
    }
}
