package dev.chats.application.service;

import dev.chats.application.port.in.EditMessageUseCase;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.MessageEvent;
import dev.chats.domain.permission.PermissionPolicy;
import dev.chats.domain.port.ChatEvent;
import dev.chats.domain.port.ChatEvents;
import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.port.Clock;
import dev.chats.domain.text.StorableText;
import dev.chats.domain.user.User;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Message edits from tools and pipelines: one message's content or an event's side effect, stored as a write of
 * the touched message rows, then relayed to the chat owner's clients in Open WebUI's envelope.
 */
public final class EditMessageService implements EditMessageUseCase {

    private final ChatRepository chats;
    private final ChatAccess access;
    private final Clock clock;
    private final ChatEvents events;

    public EditMessageService(ChatRepository chats, PermissionPolicy policy, Clock clock, ChatEvents events) {
        this.chats = chats;
        this.access = new ChatAccess(chats, policy);
        this.clock = clock;
        this.events = events;
    }

    @Override
    public Chat upsertContent(User actor, ChatId id, String messageId, String content) {
        String clean = StorableText.clean(content);
        Chat updated = VersionedWrite.apply(() -> access.ownedOrAdministeredForEdit(actor, id), chat -> {
            chat.upsertMessageContent(messageId, clean, null, clock.nowEpochSeconds());
            return chats.update(chat);
        });
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("chat_id", id.value());
        data.put("message_id", messageId);
        data.put("content", clean);
        events.publish(new ChatEvent(updated.ownerId(), "chat:message", id.value(), messageId, data));
        return updated;
    }

    @Override
    public void pushEvent(User actor, ChatId id, String messageId, String type, Map<String, Object> data) {
        MessageEvent event = new MessageEvent(type, data);
        // One read either way: the versioned write's read also checks access.
        Chat chat = MessageEvent.STORED_TYPES.contains(type)
                ? VersionedWrite.apply(() -> access.ownedOrAdministeredForEdit(actor, id), current ->
                        current.applyMessageEvent(messageId, event, clock.nowEpochSeconds())
                                ? chats.update(current) : current)
                : access.ownedOrAdministeredForEdit(actor, id);
        events.publish(new ChatEvent(chat.ownerId(), type, id.value(), messageId, event.data()));
    }
}
