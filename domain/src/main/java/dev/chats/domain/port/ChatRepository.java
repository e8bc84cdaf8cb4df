package dev.chats.domain.port;

import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatStorage;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.ChatQuery;
import dev.chats.domain.chat.ChatSummary;
import dev.chats.domain.chat.PageRequest;
import dev.chats.domain.chat.SortDirection;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.stats.ChatFacts;
import dev.chats.domain.user.UserId;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Output port: stores chats, each as one chat record plus one record per message. Every write is atomic;
 * lists are filtered, ordered and paged by the store.
 */
public interface ChatRepository {

    /**
     * Stores a new chat and all its messages.
     *
     * @return the chat as stored ({@link ChatStorage#inserted()})
     */
    Chat add(Chat chat);

    /**
     * Stores the chat's changes if the stored version is still {@link Chat#version()}: the chat record and only the
     * message records in {@link ChatStorage#pendingMessageChanges()}.
     *
     * @return the chat at its new version ({@link ChatStorage#updated()})
     * @throws ChatVersionConflictException if the chat was changed or deleted since it was read
     */
    Chat update(Chat chat);

    /** The chat with its whole document, or empty. */
    Optional<Chat> findById(ChatId id);

    /**
     * The chat as an edit of message {@code messageId} needs it, without reading its other messages: the chat record
     * and document body, that message and the current one ({@code history.currentId}) where they exist, and the
     * position after the last message when {@code messageId} does not exist (see
     * {@link dev.chats.domain.chat.ChatDocument#restoreForEdit}); a store may give the whole chat instead. The edit is
     * stored with {@link #update}, which then writes the same as for the whole chat; such a chat refuses to give its
     * whole document. Empty if there is no such chat.
     */
    Optional<Chat> findForMessageEdit(ChatId id, String messageId);

    /** Deletes the chat with its messages and its share; false if there was none. */
    boolean delete(ChatId id);

    /** Deletes every chat of the owner with their messages and shares; the number deleted. */
    int deleteAllOwnedBy(UserId owner);

    /** Id, title and times of the matching chats, in the query's order and window; no document is read. */
    List<ChatSummary> findSummaries(ChatQuery query);

    /** The matching chats with their documents, in the query's order and window. */
    List<Chat> findChats(ChatQuery query);

    /**
     * Archives or unarchives every chat of the owner in one statement: each changed chat's version moves on,
     * {@code updated_at} and {@code folder_id} stay as they are.
     *
     * @return the number of chats changed
     */
    int setArchivedOfAll(UserId owner, boolean archived);

    /** How many chats of the owner, archived ones included, are in these folders. */
    long countInFolders(UserId owner, Set<FolderId> folders);

    /** Deletes the owner's chats in these folders with their messages and shares; the number deleted. */
    int deleteInFolders(UserId owner, Set<FolderId> folders);

    /** Moves the owner's chats in these folders to the root level (version moves on); the number moved. */
    int moveToRoot(UserId owner, Set<FolderId> folders);

    /**
     * The statistics facts ({@link ChatFacts}) of a page of the owner's chats, archived included, ordered by
     * {@code updatedAt} in {@code direction} then by id, only those updated after {@code updatedAfter} when it is
     * given. Each message contributes its role, model, times and content length; the conversation itself is not
     * assembled and no message content leaves the store's read.
     */
    List<ChatFacts> findFacts(UserId owner, OptionalLong updatedAfter, SortDirection direction, PageRequest page);

    /** How many chats match the query's filters (its order and window aside). */
    long count(ChatQuery query);

    /** How many chats the owner has, archived included; only those updated after {@code updatedAfter} if given. */
    long countChats(UserId owner, OptionalLong updatedAfter);

    /** The statistics facts of one chat, whoever owns it. */
    Optional<ChatFacts> findFacts(ChatId id);
}
