package dev.chats.application.port.in.vapi;

import dev.chats.domain.user.User;
import dev.chats.domain.vapi.VapiChatPage;
import dev.chats.domain.vapi.VapiChatQuery;

/** Use case: one page of the caller's chats, filtered and counted by the store. */
public interface ListVapiChatsUseCase {

    /** The query's owner is replaced by the caller: nobody lists another user's chats. */
    VapiChatPage list(User actor, VapiChatQuery query);
}
