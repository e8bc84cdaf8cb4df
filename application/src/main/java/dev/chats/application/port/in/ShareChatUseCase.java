package dev.chats.application.port.in;

import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.share.Share;
import dev.chats.domain.user.User;

/** Use cases: publish snapshots of the actor's chats, read them, and copy them into one's own chats. */
public interface ShareChatUseCase {

    /**
     * Publishes a snapshot of the chat, or refreshes it under the same share id.
     *
     * @return the chat, carrying its share id
     * @throws AccessProhibitedException without the {@code chat.share} permission
     * @throws ChatNotFoundException     if the chat is not the actor's
     */
    Chat share(User actor, ChatId id);

    /** Withdraws the chat's snapshot; false if it was not shared. */
    boolean unshare(User actor, ChatId id);

    /** @throws ShareNotFoundException if no share has this id */
    Share readShared(User actor, String shareId);

    /** A new chat of the actor copied from the snapshot. @throws ShareNotFoundException if there is none */
    Chat cloneShared(User actor, String shareId);
}
