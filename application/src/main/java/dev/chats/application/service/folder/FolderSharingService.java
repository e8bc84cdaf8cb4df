package dev.chats.application.service.folder;

import dev.chats.application.port.in.AccessProhibitedException;
import dev.chats.application.port.in.chat.ShareChatUseCase.GrantCommand;
import dev.chats.application.port.in.folder.FolderNotFoundException;
import dev.chats.application.port.in.folder.FolderSharingUseCase;
import dev.chats.application.port.in.folder.SharedFolderChatsUseCase;
import dev.chats.application.port.in.folder.SharedFoldersUseCase;
import dev.chats.domain.chat.ChatOrder;
import dev.chats.domain.chat.ChatQuery;
import dev.chats.domain.chat.ChatSummary;
import dev.chats.domain.chat.Flag;
import dev.chats.domain.chat.FolderScope;
import dev.chats.domain.chat.PageRequest;
import dev.chats.domain.folder.Folder;
import dev.chats.domain.share.FolderGrant;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.share.FolderShareAccess;
import dev.chats.domain.folder.FolderTree;
import dev.chats.domain.share.GrantedFolder;
import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.port.Clock;
import dev.chats.domain.port.FolderRepository;
import dev.chats.domain.port.IdGenerator;
import dev.chats.domain.port.UserRepository;
import dev.chats.domain.share.AccessGrant;
import dev.chats.domain.user.User;
import dev.chats.domain.user.UserId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Folder sharing as Open WebUI's newest folders router has it: the owner grants users read or write on a folder
 * (and so on its subfolders); they find it under "shared with me" and read the chats filed in it, never change them.
 * Only the owner changes who it is shared with: admins have no more reach into others' folders than anyone.
 */
public final class FolderSharingService implements FolderSharingUseCase, SharedFoldersUseCase,
        SharedFolderChatsUseCase {

    private final FolderRepository folders;
    private final ChatRepository chats;
    private final UserRepository users;
    private final FolderReach reach;
    private final IdGenerator ids;
    private final Clock clock;

    public FolderSharingService(FolderRepository folders, ChatRepository chats, UserRepository users,
                                IdGenerator ids, Clock clock) {
        this.folders = folders;
        this.chats = chats;
        this.users = users;
        this.reach = new FolderReach(folders);
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public FolderWithGrants read(User actor, FolderId id) {
        Folder folder = readable(actor, id).folder();
        return new FolderWithGrants(folder, folders.grantsOf(folder.ownerId(), folder.id()));
    }

    @Override
    public FolderWithGrants updateGrants(User actor, FolderId id, List<GrantCommand> requested) {
        Folder folder = readable(actor, id).folder();
        if (!folder.isOwnedBy(actor.id())) {
            throw new AccessProhibitedException("only the folder's owner may share it");
        }
        long now = clock.nowEpochSeconds();
        Map<List<Object>, FolderGrant> distinct = new LinkedHashMap<>();
        for (GrantCommand grant : requested) {
            distinct.putIfAbsent(List.of(grant.principalType(), grant.principalId(), grant.permission()),
                    new FolderGrant(new AccessGrant(ids.newId(), grant.principalType(), grant.principalId(),
                            grant.permission()), now));
        }
        List<FolderGrant> grants = List.copyOf(distinct.values());
        if (!folders.replaceGrants(folder.ownerId(), folder.id(), grants)) {
            throw new FolderNotFoundException(id);
        }
        return new FolderWithGrants(folder, grants);
    }

    @Override
    public List<SharedFolder> sharedWith(User actor) {
        Map<UserId, Map<FolderId, AccessGrant.Access>> rootsByOwner = new HashMap<>();
        for (GrantedFolder granted : folders.grantedTo(actor.id())) {
            if (!granted.owner().equals(actor.id())) {
                rootsByOwner.computeIfAbsent(granted.owner(), owner -> new HashMap<>())
                        .merge(granted.folder(), granted.permission(), FolderSharingService::higher);
            }
        }
        List<SharedFolder> shared = new ArrayList<>();
        rootsByOwner.forEach((owner, roots) -> {
            List<Folder> owned = folders.findAllOwnedBy(owner);
            FolderTree tree = new FolderTree(owned);
            // A subfolder holds the highest permission of the shared folders above it and its own.
            Map<FolderId, AccessGrant.Access> reached = new HashMap<>();
            roots.forEach((root, permission) -> tree.subtree(root)
                    .forEach(id -> reached.merge(id, permission, FolderSharingService::higher)));
            String ownerName = users.findById(owner).map(User::name).orElse(null);
            owned.stream().filter(folder -> reached.containsKey(folder.id()))
                    .forEach(folder -> shared.add(new SharedFolder(folder, ownerName, reached.get(folder.id()))));
        });
        shared.sort(Comparator.comparingLong((SharedFolder entry) -> entry.folder().createdAt())
                .thenComparing(entry -> entry.folder().id().value()));
        return shared;
    }

    @Override
    public FolderChats chats(User actor, FolderId id) {
        Readable folder = readable(actor, id);
        UserId owner = folder.folder().ownerId();
        String ownerName = users.findById(owner).map(User::name).orElse(null);
        ChatQuery query = new ChatQuery(Optional.of(owner), Flag.ONLY_FALSE, Flag.ANY, FolderScope.in(Set.of(id)),
                Optional.empty(), ChatOrder.RECENT_FIRST, new PageRequest(0, PageRequest.MAX_LIMIT));
        List<FolderChat> listed = new ArrayList<>();
        boolean readonly = !owner.equals(actor.id());
        for (PageRequest page = query.page(); ; page = new PageRequest(page.offset() + page.limit(), page.limit())) {
            List<ChatSummary> window = chats.findSummaries(query.withPage(page));
            window.forEach(chat -> listed.add(new FolderChat(chat, owner, ownerName, readonly)));
            if (window.size() < page.limit()) {
                break;
            }
        }
        return new FolderChats(listed, folder.permission());
    }

    /** A folder the actor may read, and what the actor may do with it. */
    private record Readable(Folder folder, AccessGrant.Access permission) {
    }

    private Readable readable(User actor, FolderId id) {
        Folder folder = folders.findById(id).orElseThrow(() -> new FolderNotFoundException(id));
        AccessGrant.Access permission = reach.permission(actor, folder)
                .orElseThrow(() -> new FolderNotFoundException(id));
        return new Readable(folder, permission);
    }

    private static AccessGrant.Access higher(AccessGrant.Access a, AccessGrant.Access b) {
        return FolderShareAccess.highest(List.of(a, b)).orElseThrow();
    }
}
