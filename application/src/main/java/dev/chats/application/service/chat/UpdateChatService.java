package dev.chats.application.service.chat;

import dev.chats.application.port.in.chat.UpdateChatUseCase;
import dev.chats.application.service.chat.VersionedWrite.Stored;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.event.ChatUpdated;
import dev.chats.domain.permission.PermissionPolicy;
import dev.chats.domain.port.ChatEvents;
import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.port.Clock;
import dev.chats.domain.user.User;

import java.util.Map;

/** Merges client updates into chats, retrying on concurrent writes so none is lost. */
public final class UpdateChatService implements UpdateChatUseCase {

    private final ChatRepository chats;
    private final ChatAccess access;
    private final Clock clock;
    private final ChatEvents events;

    public UpdateChatService(ChatRepository chats, PermissionPolicy policy, Clock clock, ChatEvents events) {
        this.chats = chats;
        this.access = new ChatAccess(chats, policy);
        this.clock = clock;
        this.events = events;
    }

    @Override
    public Chat update(User actor, ChatId id, Map<String, Object> documentPatch) {
        Stored<ChatUpdated> updated = VersionedWrite.apply(() -> access.owned(actor, id), chat -> {
            ChatUpdated event = chat.mergeDocument(documentPatch, clock.nowEpochSeconds());
            return new Stored<>(chats.update(chat), event);
        });
        events.publish(updated.event());
        return updated.chat();
    }
}
