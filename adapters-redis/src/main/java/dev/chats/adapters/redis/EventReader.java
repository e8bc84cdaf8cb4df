package dev.chats.adapters.redis;

import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.ChatOutline;
import dev.chats.domain.chat.MessageEvent;
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
import dev.chats.domain.user.UserId;
import dev.chats.domain.vapi.VapiChatId;
import dev.chats.domain.vapi.VapiChatOutline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.chats.adapters.redis.EventWriter.ALL_CHATS_ARCHIVED;
import static dev.chats.adapters.redis.EventWriter.ALL_CHATS_DELETED;
import static dev.chats.adapters.redis.EventWriter.CHAT_ARCHIVED;
import static dev.chats.adapters.redis.EventWriter.CHAT_CREATED;
import static dev.chats.adapters.redis.EventWriter.CHAT_DELETED;
import static dev.chats.adapters.redis.EventWriter.CHAT_MOVED;
import static dev.chats.adapters.redis.EventWriter.CHAT_PINNED;
import static dev.chats.adapters.redis.EventWriter.CHAT_SHARE_CHANGED;
import static dev.chats.adapters.redis.EventWriter.CHAT_TAGS_CHANGED;
import static dev.chats.adapters.redis.EventWriter.CHAT_UPDATED;
import static dev.chats.adapters.redis.EventWriter.FOLDER_CREATED;
import static dev.chats.adapters.redis.EventWriter.FOLDER_DELETED;
import static dev.chats.adapters.redis.EventWriter.FOLDER_UPDATED;
import static dev.chats.adapters.redis.EventWriter.MESSAGE_CONTENT_CHANGED;
import static dev.chats.adapters.redis.EventWriter.MESSAGE_EVENT_PUSHED;
import static dev.chats.adapters.redis.EventWriter.VAPI_CHAT_CREATED;
import static dev.chats.adapters.redis.EventWriter.VAPI_CHAT_DELETED;

/**
 * Rebuilds the event {@link EventWriter} wrote. A message that does not have the shape its kind requires is refused
 * with an {@link IllegalArgumentException} (the domain's own checks throw the same), never half-read.
 */
final class EventReader {

    private final Map<String, Object> fields;

    private EventReader(Map<String, Object> fields) {
        this.fields = fields;
    }

    static ChatEvent read(Map<String, Object> message) {
        EventReader in = new EventReader(message);
        String type = in.text("type");
        return switch (type) {
            case CHAT_CREATED -> new ChatCreated(in.chat());
            case CHAT_UPDATED -> new ChatUpdated(in.chat());
            case CHAT_PINNED -> new ChatPinned(in.chat());
            case CHAT_ARCHIVED -> new ChatArchived(in.chat());
            case ALL_CHATS_ARCHIVED -> new AllChatsArchived(in.owner(), in.flag("archived"));
            case CHAT_MOVED -> new ChatMoved(in.chat());
            case CHAT_SHARE_CHANGED -> new ChatShareChanged(in.chat());
            case CHAT_TAGS_CHANGED -> new ChatTagsChanged(in.chat());
            case CHAT_DELETED -> new ChatDeleted(in.owner(), new ChatId(in.text("chat_id")));
            case ALL_CHATS_DELETED -> new AllChatsDeleted(in.owner());
            case MESSAGE_CONTENT_CHANGED -> new MessageContentChanged(in.owner(), new ChatId(in.text("chat_id")),
                    in.text("message_id"), in.text("content"));
            case MESSAGE_EVENT_PUSHED -> new MessageEventPushed(in.owner(), new ChatId(in.text("chat_id")),
                    in.text("message_id"), new MessageEvent(in.text("event_type"), in.object("data")));
            case FOLDER_CREATED -> new FolderCreated(in.folder());
            case FOLDER_UPDATED -> new FolderUpdated(in.folder());
            case FOLDER_DELETED -> new FolderDeleted(in.owner(), new FolderId(in.text("folder_id")),
                    in.texts("subtree").stream().map(FolderId::new).toList(), in.flag("contents_deleted"));
            case VAPI_CHAT_CREATED -> new VapiChatCreated(in.vapiChat());
            case VAPI_CHAT_DELETED -> new VapiChatDeleted(in.vapiChat());
            default -> throw new IllegalArgumentException("unknown event kind " + type);
        };
    }

    private UserId owner() {
        return new UserId(text("owner"));
    }

    private ChatOutline chat() {
        EventReader chat = new EventReader(object("chat"));
        String folderId = chat.optionalText("folder_id");
        return new ChatOutline(new ChatId(chat.text("id")), chat.owner(), chat.text("title"),
                chat.number("created_at"), chat.number("updated_at"), chat.flag("pinned"), chat.flag("archived"),
                folderId == null ? null : new FolderId(folderId), chat.optionalText("share_id"),
                chat.texts("tag_ids"));
    }

    private Folder folder() {
        EventReader folder = new EventReader(object("folder"));
        String parentId = folder.optionalText("parent_id");
        return new Folder(new FolderId(folder.text("id")), folder.owner(),
                parentId == null ? null : new FolderId(parentId), folder.text("name"), folder.flag("expanded"),
                folder.optionalObject("meta"), folder.optionalObject("data"), folder.number("created_at"),
                folder.number("updated_at"));
    }

    private VapiChatOutline vapiChat() {
        EventReader chat = new EventReader(object("chat"));
        String previous = chat.optionalText("previous_chat_id");
        return new VapiChatOutline(new VapiChatId(chat.text("id")), chat.owner(), chat.optionalText("name"),
                chat.optionalText("assistant_id"), chat.optionalText("session_id"),
                previous == null ? null : new VapiChatId(previous), chat.number("created_at"),
                chat.number("updated_at"));
    }

    private String text(String name) {
        String value = optionalText(name);
        if (value == null) {
            throw missing(name);
        }
        return value;
    }

    private String optionalText(String name) {
        Object value = fields.get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw missing(name);
    }

    private long number(String name) {
        if (fields.get(name) instanceof Number number && number.doubleValue() == number.longValue()) {
            return number.longValue();
        }
        throw missing(name);
    }

    private boolean flag(String name) {
        if (fields.get(name) instanceof Boolean flag) {
            return flag;
        }
        throw missing(name);
    }

    private List<String> texts(String name) {
        if (!(fields.get(name) instanceof List<?> list)) {
            throw missing(name);
        }
        List<String> texts = new ArrayList<>(list.size());
        for (Object item : list) {
            if (!(item instanceof String text)) {
                throw missing(name);
            }
            texts.add(text);
        }
        return texts;
    }

    private Map<String, Object> object(String name) {
        Map<String, Object> object = optionalObject(name);
        if (object == null) {
            throw missing(name);
        }
        return object;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> optionalObject(String name) {
        Object value = fields.get(name);
        if (value == null || value instanceof Map<?, ?>) {
            return (Map<String, Object>) value;
        }
        throw missing(name);
    }

    private static IllegalArgumentException missing(String name) {
        return new IllegalArgumentException("no valid " + name);
    }
}
