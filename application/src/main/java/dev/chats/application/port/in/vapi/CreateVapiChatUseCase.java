package dev.chats.application.port.in.vapi;

import dev.chats.domain.user.User;
import dev.chats.domain.vapi.VapiChat;

/** Use case: run one chat turn through the assistant's model and store it, answering once the model finished. */
public interface CreateVapiChatUseCase {

    /**
     * @throws dev.chats.domain.vapi.InvalidVapiChatException         the request breaks a rule
     * @throws VapiChatNotFoundException                               a referenced chat, session or assistant
     * @throws dev.chats.domain.port.ModelUnavailableException         the model failed; nothing was stored
     * @throws dev.chats.domain.port.ModelEndpointRefusedException     the assistant names a URL not allowed
     */
    VapiChat create(User actor, NewVapiChat command);
}
