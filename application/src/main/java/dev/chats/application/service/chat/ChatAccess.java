package dev.chats.application.service.chat;

import dev.chats.application.port.in.chat.ChatNotFoundException;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.permission.PermissionPolicy;
import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.user.User;

/**
 * Loads a chat as the acting user may see it. Another user's chat answers exactly as a missing one does, so
 * its existence is never revealed.
 */
final class ChatAccess {

    private final ChatRepository chats;
    private final PermissionPolicy policy;

    ChatAccess(ChatRepository chats, PermissionPolicy policy) {
        this.chats = chats;
        this.policy = policy;
    }

    /** The actor's own chat. */
    Chat owned(User actor, ChatId id) {
        return chats.findById(id)
                .filter(chat -> chat.isOwnedBy(actor.id()))
                .orElseThrow(() -> new ChatNotFoundException(id));
    }

    /** The actor's own chat, or any chat when the actor is an admin allowed to access others' chats. */
    Chat ownedOrAdministered(User actor, ChatId id) {
        return chats.findById(id)
                .filter(chat -> chat.isOwnedBy(actor.id()) || policy.mayAccessOthersChats(actor))
                .orElseThrow(() -> new ChatNotFoundException(id));
    }

    /**
     * The actor's own chat, or any chat when the actor is an admin: Open WebUI lets admins edit any chat's
     * messages whatever the chat-access setting.
     */
    Chat ownedOrAdministeredForEdit(User actor, ChatId id) {
        return chats.findById(id)
                .filter(chat -> chat.isOwnedBy(actor.id()) || actor.isAdmin())
                .orElseThrow(() -> new ChatNotFoundException(id));
    }

    /**
     * As {@link #ownedOrAdministeredForEdit}, with only what an edit of the message reads
     * ({@link ChatRepository#findForMessageEdit}): the chat can be edited and stored, not answered whole.
     */
    Chat forMessageEdit(User actor, ChatId id, String messageId) {
        return chats.findForMessageEdit(id, messageId)
                .filter(chat -> chat.isOwnedBy(actor.id()) || actor.isAdmin())
                .orElseThrow(() -> new ChatNotFoundException(id));
    }
}
