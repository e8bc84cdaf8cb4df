package dev.chats.domain.port.fake;

import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.port.contract.ChatRepositoryContract;

/**
 * Runs the chat persistence contract against the in-memory fake; JUnit's new instance per test is the clean
 * store.
 */
class InMemoryChatRepositoryContractTest extends ChatRepositoryContract {

    private final InMemoryChatRepository chats = new InMemoryChatRepository();

    @Override
    protected ChatRepository chats() {
        return chats;
    }
}
