package dev.chats.application.service.chat;

import dev.chats.application.port.in.AccessProhibitedException;
import dev.chats.application.port.in.chat.ChatNotFoundException;
import dev.chats.application.port.in.chat.DeleteAllChatsUseCase;
import dev.chats.application.port.in.chat.DeleteChatUseCase;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.event.AllChatsDeleted;
import dev.chats.domain.chat.event.ChatDeleted;
import dev.chats.domain.permission.Permission;
import dev.chats.domain.permission.PermissionPolicy;
import dev.chats.domain.port.ChatEvents;
import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.port.TagRepository;
import dev.chats.domain.user.User;

/** Deletes chats, one or all of a user's, when the user holds {@code chat.delete}. */
public final class DeleteChatService implements DeleteChatUseCase, DeleteAllChatsUseCase {

    private final ChatRepository chats;
    private final TagRepository tags;
    private final PermissionPolicy policy;
    private final ChatAccess access;
    private final ChatEvents events;

    public DeleteChatService(ChatRepository chats, TagRepository tags, PermissionPolicy policy, ChatEvents events) {
        this.chats = chats;
        this.tags = tags;
        this.policy = policy;
        this.access = new ChatAccess(chats, policy);
        this.events = events;
    }

    @Override
    public void delete(User actor, ChatId id) {
        requireDeletePermission(actor);
        Chat chat = access.ownedOrAdministered(actor, id);
        if (!chats.delete(chat.id())) {
            throw new ChatNotFoundException(id);
        }
        tags.deleteUncarried(chat.ownerId(), chat.tagIds());
        events.publish(new ChatDeleted(chat.ownerId(), chat.id()));
    }

    @Override
    public int deleteAll(User actor) {
        requireDeletePermission(actor);
        int deleted = chats.deleteAllOwnedBy(actor.id());
        tags.deleteAllUncarried(actor.id());
        events.publish(new AllChatsDeleted(actor.id()));
        return deleted;
    }

    private void requireDeletePermission(User actor) {
        if (!policy.allows(actor, Permission.CHAT_DELETE)) {
            throw new AccessProhibitedException("chat.delete is not granted");
        }
    }
}
