package dev.chats.domain.port.fake;

import dev.chats.domain.folder.Folder;
import dev.chats.domain.share.FolderGrant;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.share.GrantedFolder;
import dev.chats.domain.port.FolderNameConflictException;
import dev.chats.domain.port.FolderRepository;
import dev.chats.domain.search.FolderNames;
import dev.chats.domain.user.UserId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Test double: a {@link FolderRepository} in memory that passes the persistence contract. A folder's meta and data
 * are mutable maps, so it is copied on the way in and on the way out. Adding an id that is already stored fails with
 * {@link IllegalStateException}, as a primary key would.
 */
public final class InMemoryFolderRepository implements FolderRepository {

    private final Map<FolderId, Folder> folders = new HashMap<>();
    private final Map<FolderId, List<FolderGrant>> grants = new HashMap<>();

    @Override
    public synchronized void add(Folder folder) {
        if (folders.containsKey(folder.id())) {
            throw new IllegalStateException("folder " + folder.id() + " is already stored");
        }
        requireNameFree(folder);
        folders.put(folder.id(), copy(folder));
    }

    @Override
    public synchronized Optional<Folder> findById(FolderId id) {
        return Optional.ofNullable(folders.get(id)).map(InMemoryFolderRepository::copy);
    }

    private void requireNameFree(Folder folder) {
        if (siblingNamed(folder.ownerId(), folder.parentId(), folder.name(), folder.id())) {
            throw new FolderNameConflictException(folder.name());
        }
    }

    @Override
    public synchronized boolean siblingNamed(UserId owner, FolderId parent, String name, FolderId except) {
        return folders.values().stream().anyMatch(folder -> folder.isOwnedBy(owner)
                && Objects.equals(folder.parentId(), parent) && !folder.id().equals(except)
                && FolderNames.sameName(folder.name(), name));
    }

    @Override
    public synchronized List<Folder> findAllOwnedBy(UserId owner) {
        return folders.values().stream()
                .filter(folder -> folder.isOwnedBy(owner))
                .sorted(Comparator.comparingLong(Folder::createdAt).thenComparing(folder -> folder.id().value()))
                .map(InMemoryFolderRepository::copy)
                .toList();
    }

    @Override
    public synchronized boolean update(Folder folder) {
        if (!folders.containsKey(folder.id())) {
            return false;
        }
        requireNameFree(folder);
        return folders.replace(folder.id(), copy(folder)) != null;
    }

    @Override
    public synchronized int deleteAll(Collection<FolderId> ids) {
        int deleted = 0;
        for (FolderId id : Set.copyOf(ids)) {
            grants.remove(id);
            if (folders.remove(id) != null) {
                deleted++;
            }
        }
        return deleted;
    }

    @Override
    public synchronized List<FolderGrant> grantsOf(UserId owner, FolderId folder) {
        Folder stored = folders.get(folder);
        return stored == null || !stored.isOwnedBy(owner) ? List.of() : grants.getOrDefault(folder, List.of());
    }

    @Override
    public synchronized boolean replaceGrants(UserId owner, FolderId folder, List<FolderGrant> replacement) {
        Folder stored = folders.get(folder);
        if (stored == null || !stored.isOwnedBy(owner)) {
            return false;
        }
        if (replacement.isEmpty()) {
            grants.remove(folder);
        } else {
            grants.put(folder, List.copyOf(replacement));
        }
        return true;
    }

    @Override
    public synchronized List<GrantedFolder> grantedTo(UserId grantee) {
        List<GrantedFolder> found = new ArrayList<>();
        grants.forEach((folder, list) -> list.stream().map(FolderGrant::grant)
                .filter(grant -> grant.admits(grantee.value()))
                .forEach(grant -> found.add(new GrantedFolder(folders.get(folder).ownerId(), folder,
                        grant.permission()))));
        return found;
    }

    /** Folder's constructor deep-copies meta and data. */
    private static Folder copy(Folder folder) {
        return new Folder(folder.id(), folder.ownerId(), folder.parentId(), folder.name(), folder.expanded(),
                folder.meta(), folder.data(), folder.createdAt(), folder.updatedAt());
    }
}
