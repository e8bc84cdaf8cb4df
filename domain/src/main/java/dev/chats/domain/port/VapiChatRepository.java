package dev.chats.domain.port;

import dev.chats.domain.user.UserId;
import dev.chats.domain.vapi.VapiChat;
import dev.chats.domain.vapi.VapiChatId;
import dev.chats.domain.vapi.VapiChatPage;
import dev.chats.domain.vapi.VapiChatQuery;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Output port: the Vapi chats (completed turns) of every user. Every operation is scoped by the owner: another
 * user's chat is indistinguishable from one that does not exist. Lists are filtered, counted and paged by the store.
 * Chats are read and written as stored: a {@link VapiChat#turnOnly() turn-only} chat holds only its own turn, and
 * {@link dev.chats.domain.vapi.VapiConversations} puts its context back from {@link #withAncestors} and
 * {@link #sessionTurns}, each one read however long the conversation.
 */
public interface VapiChatRepository {

    /** Stores a new chat, whole, in one atomic write. */
    void add(VapiChat chat);

    Optional<VapiChat> findById(UserId owner, VapiChatId id);

    /** Deletes the owner's chat and answers it as it was; empty if the owner has no such chat. */
    Optional<VapiChat> delete(UserId owner, VapiChatId id);

    /**
     * The owner's chats among {@code ids} and, for each turn-only one, the chats it continues through
     * {@code previousChatId}, up to and including the first that is not turn-only (or the first of the chain, or a
     * missing one): in one read however long the chains, each chat once, in no particular order.
     */
    List<VapiChat> withAncestors(UserId owner, Collection<VapiChatId> ids);

    /** The owner's turn-only chats in any of {@code sessionIds}, in one read, in no particular order. */
    List<VapiChat> sessionTurns(UserId owner, Collection<String> sessionIds);

    /**
     * Rewrites the owner's stored chat with the same id, e.g. with its whole context once the chat it continued is
     * deleted; false if there is none.
     */
    boolean replace(VapiChat chat);

    /** The page the query asks for, ordered by {@code createdAt} then id, with the total of matching chats. */
    VapiChatPage list(VapiChatQuery query);
}
