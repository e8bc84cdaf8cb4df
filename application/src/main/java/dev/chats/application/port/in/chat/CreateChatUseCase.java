package dev.chats.application.port.in.chat;

import dev.chats.application.port.in.folder.FolderNotFoundException;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.user.User;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Use case: start a new chat from a client's document, optionally inside one of the user's folders. */
public interface CreateChatUseCase {

    /**
     * @throws FolderNotFoundException if the folder is not the actor's
     */
    Chat create(User actor, Command command);

    /** The document as sent and the folder to file it in (empty for the root). */
    record Command(Map<String, Object> document, Optional<FolderId> folderId) {
        public Command {
            Objects.requireNonNull(document, "document");
            Objects.requireNonNull(folderId, "folderId");
        }
    }
}
