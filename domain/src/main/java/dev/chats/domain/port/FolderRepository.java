package dev.chats.domain.port;

import dev.chats.domain.folder.Folder;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.user.UserId;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Output port: stores folders. A user has few folders, so trees are built from the whole set. */
public interface FolderRepository {

    void add(Folder folder);

    Optional<Folder> findById(FolderId id);

    /** Every folder of the owner, oldest first, ties by id. */
    List<Folder> findAllOwnedBy(UserId owner);

    /** Replaces the stored folder with the same id; false if there is none. */
    boolean update(Folder folder);

    /** Deletes these folders; the number deleted. Chats in them are the caller's business. */
    int deleteAll(Collection<FolderId> ids);
}
