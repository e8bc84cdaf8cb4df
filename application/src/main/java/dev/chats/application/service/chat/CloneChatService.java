package dev.chats.application.service.chat;

import dev.chats.application.port.in.chat.CloneChatUseCase;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.event.ChatCreated;
import dev.chats.domain.permission.PermissionPolicy;
import dev.chats.domain.port.ChatEvents;
import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.port.Clock;
import dev.chats.domain.port.IdGenerator;
import dev.chats.domain.user.User;

import java.util.Optional;

/** Clones: a branch of a conversation, recorded in the copy's {@code originalChatId}/{@code branchPointMessageId}. */
public final class CloneChatService implements CloneChatUseCase {

    private final ChatRepository chats;
    private final ChatAccess access;
    private final Clock clock;
    private final IdGenerator ids;
    private final ChatEvents events;

    public CloneChatService(ChatRepository chats, PermissionPolicy policy, Clock clock, IdGenerator ids,
                            ChatEvents events) {
        this.chats = chats;
        this.access = new ChatAccess(chats, policy);
        this.clock = clock;
        this.ids = ids;
        this.events = events;
    }

    @Override
    public Chat cloneChat(User actor, ChatId id, Optional<String> title) {
        Chat original = access.owned(actor, id);
        String newTitle = title.filter(t -> !t.isEmpty()).orElse("Clone of " + original.title());
        Chat copy = original.cloneAs(new ChatId(ids.newId()), actor.id(), newTitle, original.id().value(),
                clock.nowEpochSeconds());
        Chat stored = chats.add(copy);
        events.publish(new ChatCreated(stored.outline()));
        return stored;
    }
}
