package dev.chats.domain.port;

import dev.chats.domain.folder.Folder;
import dev.chats.domain.folder.FolderId;

import java.util.Optional;

/** Output port: stores folders. */
public interface FolderRepository {

    void add(Folder folder);

    Optional<Folder> findById(FolderId id);
}
