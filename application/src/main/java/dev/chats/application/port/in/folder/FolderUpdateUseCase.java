package dev.chats.application.port.in.folder;

import dev.chats.domain.folder.Folder;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.user.User;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Use case: rename a folder and shallow-merge new keys into its meta and data. */
public interface FolderUpdateUseCase {

    /**
     * @throws FolderNotFoundException  if the folder is not the actor's
     * @throws FolderNameTakenException if another sibling already has the new name (case-insensitive)
     */
    Folder update(User actor, FolderId id, Command command);

    /**
     * @param name      the new name, empty to keep the name
     * @param metaPatch keys to set in meta (top level), empty to leave meta alone
     * @param dataPatch keys to set in data (top level), empty to leave data alone
     */
    record Command(Optional<String> name, Optional<Map<String, Object>> metaPatch,
                   Optional<Map<String, Object>> dataPatch) {
        public Command {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(metaPatch, "metaPatch");
            Objects.requireNonNull(dataPatch, "dataPatch");
        }
    }
}
