package dev.chats.domain.port.fake;

import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.port.ShareRepository;
import dev.chats.domain.port.contract.ShareRepositoryContract;

/**
 * Runs the share persistence contract against the in-memory fakes, shares over chats; JUnit's new instance per test
 * is the clean store.
 */
class InMemoryShareRepositoryContractTest extends ShareRepositoryContract {

    private final InMemoryChatRepository chats = new InMemoryChatRepository();
    private final InMemoryShareRepository shares = new InMemoryShareRepository(chats);

    @Override
    protected ShareRepository shares() {
        return shares;
    }

    @Override
    protected ChatRepository chats() {
        return chats;
    }
}
