package dev.chats.domain.chat;

import java.util.Objects;

/**
 * What a repository needs of a chat to store it, kept off the aggregate's own surface: the document split for
 * storage, the message rows the chat's edits must write, whether a tag index kept beside the chat must change, and
 * the chat as it is once stored. Only repositories (and their tests) use it; the application works with
 * {@link Chat}.
 */
public final class ChatStorage {

    private final Chat chat;

    private ChatStorage(Chat chat) {
        this.chat = chat;
    }

    public static ChatStorage of(Chat chat) {
        return new ChatStorage(Objects.requireNonNull(chat, "chat"));
    }

    /** The document split for storage: the body without its messages, the messages, the legacy list's text. */
    public ChatDocument document() {
        return chat.storedDocument();
    }

    /** The message rows that saving the chat must write. */
    public MessageChanges pendingMessageChanges() {
        return chat.pendingMessageChanges();
    }

    /**
     * Whether the chat's tags or archived flag differ from what is stored (always, for a chat not stored yet):
     * stores that keep a tag index beside the chat update it only then, not on every message write.
     */
    public boolean tagsOrArchivedChanged() {
        return chat.tagsOrArchivedChangedSinceRead();
    }

    /** The new chat as it is once inserted: same version, nothing pending. */
    public Chat inserted() {
        return chat.afterInsert();
    }

    /** The chat as it is once its changes are stored over the version it was read at: next version, nothing pending. */
    public Chat updated() {
        return chat.afterUpdate();
    }
}
