package dev.chats.application.port.in.vapi;

import dev.chats.domain.user.User;
import dev.chats.domain.vapi.VapiChat;
import dev.chats.domain.vapi.VapiChatId;

/** Use case: delete one of the caller's chats, answering it as it was. Chats continuing it stay readable. */
public interface DeleteVapiChatUseCase {

    /** @throws VapiChatNotFoundException missing or another user's */
    VapiChat delete(User actor, VapiChatId id);
}
