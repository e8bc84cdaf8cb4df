package dev.chats.domain.port;

import dev.chats.domain.folder.Folder;
import dev.chats.domain.share.FolderGrant;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.share.GrantedFolder;
import dev.chats.domain.user.UserId;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Output port: stores folders and who they are shared with. Lists and subtree walks read the owner's whole set;
 * single writes never do. Grants are read by owner and folder, or by grantee, never by scanning everyone's folders.
 */
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

    /** Deletes these folders and their grants; the number deleted. Chats in them are the caller's business. */
    int deleteAll(Collection<FolderId> ids);

    /** The grants on the owner's folder, in the order they were set; empty if there are none. */
    List<FolderGrant> grantsOf(UserId owner, FolderId folder);

    /**
     * Replaces every grant on the owner's folder with these, atomically; an empty list removes them all.
     *
     * @return false, storing nothing, if the owner has no folder with this id
     */
    boolean replaceGrants(UserId owner, FolderId folder, List<FolderGrant> grants);

    /**
     * The folders that user grants naming {@code grantee}, or every user, open: one entry per such grant, whoever
     * owns the folder (the grantee's own folders included), in no particular order. Group grants are not listed.
     */
    List<GrantedFolder> grantedTo(UserId grantee);
}
