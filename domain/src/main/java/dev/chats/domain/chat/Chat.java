package dev.chats.domain.chat;

import dev.chats.domain.chat.event.ChatArchived;
import dev.chats.domain.chat.event.ChatMoved;
import dev.chats.domain.chat.event.ChatPinned;
import dev.chats.domain.chat.event.ChatUpdated;
import dev.chats.domain.chat.event.MessageContentChanged;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.json.JsonTree;
import dev.chats.domain.tag.TagName;
import dev.chats.domain.user.UserId;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Aggregate root: one user's conversation with its title, flags, folder and document. Every change goes through
 * an intention-revealing method, which returns the event that tells the owner's clients, where the change always
 * happens; the repository writes a change only if the stored version is still the one this chat was read at, so no
 * concurrent write is lost.
 */
public final class Chat {

    private static final String TAGS = "tags";

    private final ChatId id;
    private final UserId ownerId;
    private final long createdAt;
    private final long version;
    private ChatDocument document;
    private String title;
    private long updatedAt;
    private String shareId;
    private boolean archived;
    private boolean pinned;
    private Map<String, Object> meta;
    private FolderId folderId;
    private MessageChanges pendingMessageChanges;
    /** Tag ids and archived flag as stored when this chat was read; null for a chat not stored yet. */
    private final TagState tagStateAsRead;

    private Chat(ChatId id, UserId ownerId, ChatDocument document, long createdAt, long updatedAt, String shareId,
                 boolean archived, boolean pinned, Map<String, ?> meta, FolderId folderId, long version,
                 MessageChanges pendingMessageChanges, boolean stored) {
        this.id = Objects.requireNonNull(id, "id");
        this.ownerId = Objects.requireNonNull(ownerId, "owner");
        this.document = Objects.requireNonNull(document, "document");
        this.title = document.title();
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.shareId = shareId;
        this.archived = archived;
        this.pinned = pinned;
        this.meta = JsonTree.copyObject(meta == null ? Map.of() : meta);
        this.folderId = folderId;
        this.version = version;
        this.pendingMessageChanges = pendingMessageChanges;
        this.tagStateAsRead = stored ? tagState() : null;
    }

    /** A new chat as a client creates it: title from the document, created and updated now, nothing set. */
    public static Chat start(ChatId id, UserId owner, Map<String, ?> document, FolderId folderId, long now) {
        ChatDocument doc = ChatDocument.fromClient(document);
        return new Chat(id, owner, doc, now, now, null, false, false, Map.of(), folderId, 1,
                doc.allMessagesAsChanges(), false);
    }

    /** A chat as stored, at the version it was read. */
    public static Chat restore(ChatId id, UserId owner, ChatDocument document, long createdAt, long updatedAt,
                               String shareId, boolean archived, boolean pinned, Map<String, ?> meta,
                               FolderId folderId, long version) {
        return new Chat(id, owner, document, createdAt, updatedAt, shareId, archived, pinned, meta, folderId,
                version, MessageChanges.none(), true);
    }

    /**
     * Applies a client's update: a shallow top-level merge of the document, the title re-derived from it, and
     * {@code updated_at} moved to now.
     */
    public ChatUpdated mergeDocument(Map<String, ?> patch, long now) {
        ChatDocument.Merge merge = document.mergedWith(patch);
        String newTitle = merge.document().title();
        document = merge.document();
        title = newTitle;
        pendingMessageChanges = pendingMessageChanges.plus(merge.changes());
        touch(now);
        return new ChatUpdated(outline());
    }

    /**
     * A chat brought in from elsewhere (import, clone): its document, meta, pin and folder as given, its own times,
     * never archived or shared.
     */
    public static Chat imported(ChatId id, UserId owner, Map<String, ?> document, Map<String, ?> meta, boolean pinned,
                                FolderId folderId, long createdAt, long updatedAt) {
        ChatDocument doc = ChatDocument.fromClient(document);
        return new Chat(id, owner, doc, createdAt, updatedAt, null, false, pinned, meta, folderId, 1,
                doc.allMessagesAsChanges(), false);
    }

    /**
     * A copy of this chat owned by {@code owner}: the document gains {@code originalChatId},
     * {@code branchPointMessageId} (the current message, or null) and the new title; meta, pin and folder are
     * copied; it is neither archived nor shared.
     */
    public Chat cloneAs(ChatId newId, UserId owner, String title, String originalId, long now) {
        Map<String, Object> copy = document.toMap();
        copy.put("originalChatId", originalId);
        copy.put("branchPointMessageId", document.currentMessageId().orElse(null));
        copy.put("title", title);
        return imported(newId, owner, copy, meta, pinned, folderId, now, now);
    }

    /**
     * The normalised tag ids of {@code meta.tags}, without duplicates, in the order they were added. Imported
     * chats may hold display names there; they count as their normalised ids.
     */
    public List<String> tagIds() {
        Object tags = meta.get(TAGS);
        if (!(tags instanceof List<?> list)) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (Object tag : list) {
            if (tag instanceof String name) {
                String id = TagName.normalise(name);
                if (!id.isEmpty() && id.length() <= TagName.MAX_LENGTH && !TagName.RESERVED_ID.equals(id)
                        && !ids.contains(id)) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    /** Adds the tag's id to {@code meta.tags} unless present; {@code updated_at} is unchanged. */
    public boolean addTag(TagName tag) {
        List<String> ids = new ArrayList<>(tagIds());
        if (ids.contains(tag.id())) {
            return false;
        }
        ids.add(tag.id());
        meta.put(TAGS, ids);
        return true;
    }

    /** Removes the tag id from {@code meta.tags}; false if the chat did not carry it. */
    public boolean removeTag(String tagId) {
        List<String> ids = new ArrayList<>(tagIds());
        boolean removed = ids.remove(TagName.normalise(tagId));
        if (removed) {
            meta.put(TAGS, ids);
        }
        return removed;
    }

    /** Empties {@code meta.tags}; returns the ids it held. */
    public List<String> clearTags() {
        List<String> before = tagIds();
        meta.put(TAGS, new ArrayList<>());
        return before;
    }

    /** Pins or unpins the chat. */
    public ChatPinned togglePinned(long now) {
        pinned = !pinned;
        touch(now);
        return new ChatPinned(outline());
    }

    /** Archives or restores the chat; either way it leaves its folder. */
    public ChatArchived toggleArchived(long now) {
        archived = !archived;
        folderId = null;
        touch(now);
        return new ChatArchived(outline());
    }

    /** Files the chat in a folder (null: the root); a filed chat is no longer pinned. */
    public ChatMoved moveToFolder(FolderId folder, long now) {
        folderId = folder;
        pinned = false;
        touch(now);
        return new ChatMoved(outline());
    }

    /** Records the share id under which a snapshot of this chat is published. */
    public void markShared(String newShareId) {
        shareId = Objects.requireNonNull(newShareId, "share id");
    }

    /** Forgets the share id; false if the chat was not shared. */
    public boolean markUnshared() {
        boolean wasShared = shareId != null;
        shareId = null;
        return wasShared;
    }

    /**
     * Sets a message's {@code content}, as {@link MessageTree} describes: an existing message keeps its other keys, a
     * new one is linked under the current message and becomes current. Only the touched message rows are written.
     */
    public MessageContentChanged upsertMessageContent(String messageId, String content, String role, long now) {
        MessageTree tree = new MessageTree(document);
        tree.upsertContent(messageId, content, role, now);
        take(tree, now);
        return new MessageContentChanged(ownerId, id, messageId, content);
    }

    /**
     * Applies the stored side effect of a message event ({@code status}, {@code message}, {@code replace},
     * {@code embeds}, {@code files}, {@code source}/{@code citation}); other types store nothing.
     *
     * @return whether the chat changed
     */
    public boolean applyMessageEvent(String messageId, MessageEvent event, long now) {
        MessageTree tree = new MessageTree(document);
        boolean changed = tree.apply(messageId, event, now);
        take(tree, now);
        return changed;
    }

    /** Takes the tree's edits, if it made any: its document, the rows to write, and the time of the change. */
    private void take(MessageTree tree, long now) {
        if (tree.changes().isEmpty()) {
            return;
        }
        document = tree.document();
        pendingMessageChanges = pendingMessageChanges.plus(tree.changes());
        touch(now);
    }

    private void touch(long now) {
        updatedAt = Math.max(updatedAt, now);
    }

    /** This new chat as it is once inserted: same version, nothing pending. */
    Chat afterInsert() {
        return new Chat(id, ownerId, document, createdAt, updatedAt, shareId, archived, pinned, meta, folderId,
                version, MessageChanges.none(), true);
    }

    /** This chat as it is once its changes are stored over the version it was read at: next version, nothing pending. */
    Chat afterUpdate() {
        return new Chat(id, ownerId, document, createdAt, updatedAt, shareId, archived, pinned, meta, folderId,
                version + 1, MessageChanges.none(), true);
    }

    /**
     * Whether the chat's tags or archived flag differ from what is stored (always, for a chat not stored yet):
     * stores that keep a tag index beside the chat update it only then, not on every message write.
     */
    boolean tagsOrArchivedChangedSinceRead() {
        return tagStateAsRead == null || !tagStateAsRead.equals(tagState());
    }

    private TagState tagState() {
        return new TagState(archived, tagIds());
    }

    private record TagState(boolean archived, List<String> tagIds) {
    }

    /** The chat without its document, as events about it name it. */
    public ChatOutline outline() {
        return new ChatOutline(id, ownerId, title, createdAt, updatedAt, pinned, archived, folderId, shareId,
                tagIds());
    }

    public boolean isOwnedBy(UserId user) {
        return ownerId.equals(user);
    }

    public ChatId id() {
        return id;
    }

    public UserId ownerId() {
        return ownerId;
    }

    public String title() {
        return title;
    }

    /** The whole document as the client sent it: a fresh copy. */
    public Map<String, Object> document() {
        return document.toMap();
    }

    /** The document split for storage. */
    ChatDocument storedDocument() {
        return document;
    }

    public long createdAt() {
        return createdAt;
    }

    public long updatedAt() {
        return updatedAt;
    }

    public Optional<String> shareId() {
        return Optional.ofNullable(shareId);
    }

    public boolean archived() {
        return archived;
    }

    public boolean pinned() {
        return pinned;
    }

    /** A fresh copy of the chat's meta (tags …). */
    public Map<String, Object> meta() {
        return JsonTree.copyObject(meta);
    }

    public Optional<FolderId> folderId() {
        return Optional.ofNullable(folderId);
    }

    /** The version this chat was read at (1 for a chat not stored yet). */
    public long version() {
        return version;
    }

    /** The message rows that saving this chat must write. */
    MessageChanges pendingMessageChanges() {
        return pendingMessageChanges;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Chat other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Chat[" + id + ", v" + version + "]";
    }
}
