package dev.chats.domain.port;

import dev.chats.domain.folder.Folder;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.user.UserId;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Output port: stores folders. Lists and subtree walks read the owner's whole set; single writes never do. */
public interface FolderRepository {

    /** @throws FolderNameConflictException if a sibling of the same owner already has the name */
    void add(Folder folder);

    Optional<Folder> findById(FolderId id);

    /**
     * Whether a folder of the owner directly under {@code parent} (null: the root level), other than
     * {@code except}, has the name {@code name} as {@link dev.chats.domain.search.FolderNames#key} compares names.
     * A keyed look-up, so its cost does not grow with the owner's folders.
     */
    boolean siblingNamed(UserId owner, FolderId parent, String name, FolderId except);

    /** Every folder of the owner, oldest first, ties by id. */
    List<Folder> findAllOwnedBy(UserId owner);

    /**
     * Replaces the stored folder with the same id; false if there is none.
     *
     * @throws FolderNameConflictException if, under its (new) parent, a sibling already has the (new) name
     */
    boolean update(Folder folder);

    /** Deletes these folders; the number deleted. Chats in them are the caller's business. */
    int deleteAll(Collection<FolderId> ids);
}
