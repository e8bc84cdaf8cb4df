package dev.chats.application.port.in.vapi;

import dev.chats.domain.user.User;
import dev.chats.domain.vapi.VapiChat;
import dev.chats.domain.vapi.VapiChatId;

/** Use case: read one of the caller's chats. */
public interface GetVapiChatUseCase {

    /** @throws VapiChatNotFoundException missing or another user's */
    VapiChat get(User actor, VapiChatId id);
}
