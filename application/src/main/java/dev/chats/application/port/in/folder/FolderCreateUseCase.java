package dev.chats.application.port.in.folder;

import dev.chats.domain.folder.Folder;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.user.User;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Use case: create a folder at the root or inside one of the actor's folders. */
public interface FolderCreateUseCase {

    /**
     * @throws FolderNotFoundException  if the parent is not the actor's
     * @throws FolderNameTakenException if a sibling already has the name (case-insensitive)
     */
    Folder create(User actor, Command command);

    /**
     * @param parentId the parent folder, empty for the root
     * @param meta     display data, or null
     * @param data     folder settings, or null
     */
    record Command(String name, Optional<FolderId> parentId, Map<String, Object> meta, Map<String, Object> data) {
        public Command {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(parentId, "parentId");
        }
    }
}
