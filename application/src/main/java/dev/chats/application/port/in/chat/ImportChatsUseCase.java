package dev.chats.application.port.in.chat;

import dev.chats.application.port.in.folder.FolderNotFoundException;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.user.User;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Use cases: bring chats exported elsewhere into the actor's chats, keeping their times, meta, pin and folder. */
public interface ImportChatsUseCase {

    /**
     * The single-chat form: the chat is stored and a record is made for each of its tags.
     *
     * @throws FolderNotFoundException if the folder is not the actor's
     */
    Chat importOne(User actor, ImportedChat chat);

    /** The list form: every chat is stored (all or none are checked first). */
    List<Chat> importAll(User actor, List<ImportedChat> chats);

    /** One chat to import; absent times mean now. */
    record ImportedChat(Map<String, Object> document, Map<String, Object> meta, boolean pinned,
                        Optional<FolderId> folder, Optional<Long> createdAt, Optional<Long> updatedAt) {
        public ImportedChat {
            Objects.requireNonNull(document, "document");
            meta = meta == null ? Map.of() : meta;
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(updatedAt, "updatedAt");
        }
    }
}
