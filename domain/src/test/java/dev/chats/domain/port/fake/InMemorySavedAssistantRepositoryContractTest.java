package dev.chats.domain.port.fake;

import dev.chats.domain.port.SavedAssistantRepository;
import dev.chats.domain.port.contract.SavedAssistantRepositoryContract;

/** Runs the saved-assistant persistence contract against the in-memory fake. */
class InMemorySavedAssistantRepositoryContractTest extends SavedAssistantRepositoryContract {

    private final InMemorySavedAssistantRepository assistants = new InMemorySavedAssistantRepository();

    @Override
    protected SavedAssistantRepository savedAssistants() {
        return assistants;
    }
}
