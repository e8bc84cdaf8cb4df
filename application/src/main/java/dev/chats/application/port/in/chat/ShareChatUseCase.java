package dev.chats.application.port.in.chat;

import dev.chats.application.port.in.AccessProhibitedException;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.ChatOrder;
import dev.chats.domain.chat.PageRequest;
import dev.chats.domain.share.AccessGrant;
import dev.chats.domain.share.Share;
import dev.chats.domain.share.ShareSummary;
import dev.chats.domain.user.User;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Use cases: publish snapshots of the actor's chats, list them, say who may open them, read them, and copy them
 * into one's own chats.
 */
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

    /** Withdraws every share of the actor, with their grants, as {@link #unshare} does for each. */
    void unshareAll(User actor);

    /**
     * @throws ShareNotFoundException if no share has this id, or its grants leave the actor out (the owner and,
     *                                while admin chat access is on, admins are never left out)
     */
    Share readShared(User actor, String shareId);

    /** A new chat of the actor copied from the snapshot. @throws ShareNotFoundException as {@link #readShared} */
    Chat cloneShared(User actor, String shareId);

    /** A page of the actor's own shares, without documents. */
    List<ShareSummary> listShared(User actor, SharedListQuery query);

    /**
     * The grants on the chat's share.
     *
     * @throws ChatNotFoundException unless the chat is the actor's (or the actor an admin with chat access)
     */
    List<AccessGrant> accessGrants(User actor, ChatId chat);

    /**
     * Replaces the grants on the chat's share; each gets a new id. Grants to users that do not exist are kept as
     * given, as Open WebUI does: they simply admit no one.
     *
     * @return the chat
     * @throws ChatNotFoundException unless the chat is the actor's (or the actor an admin with chat access)
     */
    Chat updateAccessGrants(User actor, ChatId chat, List<GrantCommand> grants);

    /** Which of the actor's shares: title filter, order and window. */
    record SharedListQuery(Optional<String> titleContains, ChatOrder order, PageRequest page) {
        public SharedListQuery {
            Objects.requireNonNull(titleContains, "titleContains");
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(page, "page");
        }
    }

    /** One grant as asked for: a principal and what it may do. */
    record GrantCommand(AccessGrant.Principal principalType, String principalId, AccessGrant.Access permission) {
        public GrantCommand {
            Objects.requireNonNull(principalType, "principalType");
            Objects.requireNonNull(principalId, "principalId");
            Objects.requireNonNull(permission, "permission");
        }
    }
}
