package dev.chats.domain.port.fake;

import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.port.TagRepository;
import dev.chats.domain.port.contract.TagRepositoryContract;

/**
 * Runs the tag persistence contract against the in-memory fakes, tags over chats; JUnit's new instance per test is
 * the clean store.
 */
class InMemoryTagRepositoryContractTest extends TagRepositoryContract {

    private final InMemoryChatRepository chats = new InMemoryChatRepository();
    private final InMemoryTagRepository tags = new InMemoryTagRepository(chats);

    @Override
    protected TagRepository tags() {
        return tags;
    }

    @Override
    protected ChatRepository chats() {
        return chats;
    }
}
