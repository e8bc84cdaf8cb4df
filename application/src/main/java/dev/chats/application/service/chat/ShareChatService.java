package dev.chats.application.service.chat;

import dev.chats.application.port.in.AccessProhibitedException;
import dev.chats.application.port.in.chat.ChatNotFoundException;
import dev.chats.application.port.in.chat.ShareChatUseCase;
import dev.chats.application.port.in.chat.ShareNotFoundException;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.ChatOrder;
import dev.chats.domain.chat.event.ChatCreated;
import dev.chats.domain.chat.event.ChatShareChanged;
import dev.chats.domain.permission.Permission;
import dev.chats.domain.permission.PermissionPolicy;
import dev.chats.domain.port.ChatEvents;
import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.port.Clock;
import dev.chats.domain.port.IdGenerator;
import dev.chats.domain.port.ShareRepository;
import dev.chats.domain.share.AccessGrant;
import dev.chats.domain.share.Share;
import dev.chats.domain.share.ShareAccess;
import dev.chats.domain.share.ShareListQuery;
import dev.chats.domain.share.ShareSummary;
import dev.chats.domain.text.StorableText;
import dev.chats.domain.user.User;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Shares: a snapshot of a chat published under its own id, readable by any signed-in user who has the link unless
 * the owner granted it to particular users ({@link ShareAccess}). The snapshot changes only when the owner shares
 * again; the grants stay until the owner changes them or unshares.
 */
public final class ShareChatService implements ShareChatUseCase {

    private final ChatRepository chats;
    private final ShareRepository shares;
    private final PermissionPolicy policy;
    private final ChatAccess access;
    private final Clock clock;
    private final IdGenerator ids;
    private final ChatEvents events;

    public ShareChatService(ChatRepository chats, ShareRepository shares, PermissionPolicy policy, Clock clock,
                            IdGenerator ids, ChatEvents events) {
        this.chats = chats;
        this.shares = shares;
        this.policy = policy;
        this.access = new ChatAccess(chats, policy);
        this.clock = clock;
        this.ids = ids;
        this.events = events;
    }

    @Override
    public Chat share(User actor, ChatId id) {
        if (!policy.allows(actor, Permission.CHAT_SHARE)) {
            throw new AccessProhibitedException("chat.share is not granted");
        }
        // The share id is claimed on the chat first, under its version: concurrent first shares agree on one id.
        Chat shared = VersionedWrite.apply(() -> access.owned(actor, id), chat -> {
            if (chat.shareId().isPresent()) {
                return chat;
            }
            chat.markShared(ids.newId());
            return chats.update(chat);
        });
        String shareId = shared.shareId().orElseThrow();
        long now = clock.nowEpochSeconds();
        shares.save(shares.findById(shareId)
                .map(existing -> existing.refreshedFrom(shared, now))
                .orElseGet(() -> Share.of(shareId, shared, now)));
        events.publish(new ChatShareChanged(shared.outline()));
        return shared;
    }

    @Override
    public boolean unshare(User actor, ChatId id) {
        boolean[] wasShared = new boolean[1];
        Chat unshared = VersionedWrite.apply(() -> access.owned(actor, id), current -> {
            current.shareId().ifPresent(shares::delete);
            // Open WebUI clears a share's grants with it: sharing again starts as a plain link share.
            shares.replaceGrants(current.ownerId(), current.id(), List.of());
            wasShared[0] = current.markUnshared();
            return wasShared[0] ? chats.update(current) : current;
        });
        if (wasShared[0]) {
            events.publish(new ChatShareChanged(unshared.outline()));
        }
        return wasShared[0];
    }

    @Override
    public void unshareAll(User actor) {
        // The chats are gathered first: unsharing while paging would move the window under the reader.
        List<ChatId> shared = new ArrayList<>();
        PagedIterable.of(window -> shares.findByOwner(new ShareListQuery(actor.id(), Optional.empty(),
                ChatOrder.RECENT_FIRST, window))).forEach(summary -> shared.add(summary.chatId()));
        for (ChatId chat : shared) {
            try {
                unshare(actor, chat);
            } catch (ChatNotFoundException e) {
                // Deleted meanwhile: its shares went with it.
            }
        }
    }

    @Override
    public Share readShared(User actor, String shareId) {
        if (!StorableText.isStorable(shareId)) {
            // No share can have such an id; some stores would refuse even to look it up.
            throw new ShareNotFoundException();
        }
        Share share = shares.findById(shareId).orElseThrow(ShareNotFoundException::new);
        if (!policy.mayAccessOthersChats(actor)
                && !ShareAccess.mayOpen(actor.id(), share.ownerId(), shares.grantsOf(share.ownerId(), share.chatId()))) {
            // A share restricted to others is, to this reader, a share that does not exist.
            throw new ShareNotFoundException();
        }
        return share;
    }

    @Override
    public List<ShareSummary> listShared(User actor, SharedListQuery query) {
        return shares.findByOwner(new ShareListQuery(actor.id(), query.titleContains(), query.order(), query.page()));
    }

    @Override
    public List<AccessGrant> accessGrants(User actor, ChatId id) {
        Chat chat = access.ownedOrAdministered(actor, id);
        return shares.grantsOf(chat.ownerId(), chat.id());
    }

    @Override
    public Chat updateAccessGrants(User actor, ChatId id, List<GrantCommand> grants) {
        Chat chat = access.ownedOrAdministered(actor, id);
        List<AccessGrant> replacement = new ArrayList<>(grants.size());
        for (GrantCommand grant : grants) {
            replacement.add(new AccessGrant(ids.newId(), grant.principalType(), grant.principalId(),
                    grant.permission()));
        }
        shares.replaceGrants(chat.ownerId(), chat.id(), replacement);
        return chat;
    }

    @Override
    public Chat cloneShared(User actor, String shareId) {
        Share share = readShared(actor, shareId);
        long now = clock.nowEpochSeconds();
        Chat snapshot = Chat.imported(share.chatId(), share.ownerId(), share.document(), Map.of(), false, null,
                share.createdAt(), share.updatedAt());
        // The sharer's meta, pin and folder stay with the sharer: the copy starts at the cloner's root.
        Chat copy = snapshot.cloneAs(new ChatId(ids.newId()), actor.id(), "Clone of " + share.title(), share.id(),
                now);
        Chat stored = chats.add(copy);
        events.publish(new ChatCreated(stored.outline()));
        return stored;
    }
}
