package dev.chats.application.service.chat;

import dev.chats.application.port.in.chat.EditMessageUseCase;
import dev.chats.application.service.chat.VersionedWrite.Stored;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.MessageEvent;
import dev.chats.domain.chat.event.MessageContentChanged;
import dev.chats.domain.chat.event.MessageEventPushed;
import dev.chats.domain.permission.PermissionPolicy;
import dev.chats.domain.port.ChatEvents;
import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.port.Clock;
import dev.chats.domain.text.StorableText;
import dev.chats.domain.user.User;

import java.util.Map;

/**
 * Message edits from tools and pipelines: one message's content or an event's side effect, stored as a write of
 * the touched message rows, then told to the chat owner's clients.
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
    public void setContent(User actor, ChatId id, String messageId, String content) {
        String clean = StorableText.clean(content);
        Stored<MessageContentChanged> updated = VersionedWrite.apply(
                () -> access.forMessageEdit(actor, id, messageId), chat -> {
                    MessageContentChanged event = chat.upsertMessageContent(messageId, clean, null,
                            clock.nowEpochSeconds());
                    return new Stored<>(chats.update(chat), event);
                });
        events.publish(updated.event());
    }

    @Override
    public Chat upsertContent(User actor, ChatId id, String messageId, String content) {
        setContent(actor, id, messageId, content);
        // The write read only the messages it touched; the answer needs them all, so it is read once, as GET does.
        return access.ownedOrAdministeredForEdit(actor, id);
    }

    @Override
    public void pushEvent(User actor, ChatId id, String messageId, String type, Map<String, Object> data) {
        MessageEvent event = new MessageEvent(type, data);
        // One read either way, of only the messages an edit touches: the versioned write's read also checks access.
        Chat chat = MessageEvent.STORED_TYPES.contains(type)
                ? VersionedWrite.apply(() -> access.forMessageEdit(actor, id, messageId), current ->
                        current.applyMessageEvent(messageId, event, clock.nowEpochSeconds())
                                ? chats.update(current) : current)
                : access.forMessageEdit(actor, id, messageId);
        events.publish(new MessageEventPushed(chat.ownerId(), id, messageId, event));
    }
}
