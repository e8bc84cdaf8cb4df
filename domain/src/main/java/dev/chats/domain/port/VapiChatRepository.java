package dev.chats.domain.port;

import dev.chats.domain.user.UserId;
import dev.chats.domain.vapi.VapiChat;
import dev.chats.domain.vapi.VapiChatId;
import dev.chats.domain.vapi.VapiChatPage;
import dev.chats.domain.vapi.VapiChatQuery;

import java.util.Optional;

/**
 * Output port: the Vapi chats (completed turns) of every user. Every operation is scoped by the owner: another
 * user's chat is indistinguishable from one that does not exist. Lists are filtered, counted and paged by the store.
 */
public interface VapiChatRepository {

    /** Stores a new chat, whole, in one atomic write. */
    void add(VapiChat chat);

    Optional<VapiChat> findById(UserId owner, VapiChatId id);

    /** Deletes the owner's chat and answers it as it was; empty if the owner has no such chat. */
    Optional<VapiChat> delete(UserId owner, VapiChatId id);

    /** The page the query asks for, ordered by {@code createdAt} then id, with the total of matching chats. */
    VapiChatPage list(VapiChatQuery query);
}
