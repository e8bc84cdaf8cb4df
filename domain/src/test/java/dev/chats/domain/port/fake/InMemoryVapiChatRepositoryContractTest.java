package dev.chats.domain.port.fake;

import dev.chats.domain.port.VapiChatRepository;
import dev.chats.domain.port.contract.VapiChatRepositoryContract;

/** Runs the Vapi chat persistence contract against the in-memory fake; a new instance per test is the clean store. */
class InMemoryVapiChatRepositoryContractTest extends VapiChatRepositoryContract {

    private final InMemoryVapiChatRepository chats = new InMemoryVapiChatRepository();

    @Override
    protected VapiChatRepository vapiChats() {
        return chats;
    }
}
