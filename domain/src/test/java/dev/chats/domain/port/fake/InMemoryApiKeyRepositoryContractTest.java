package dev.chats.domain.port.fake;

import dev.chats.domain.port.ApiKeyRepository;
import dev.chats.domain.port.UserRepository;
import dev.chats.domain.port.contract.ApiKeyRepositoryContract;

/** Runs the API key contract against the in-memory fake. */
class InMemoryApiKeyRepositoryContractTest extends ApiKeyRepositoryContract {

    private final InMemoryApiKeyRepository apiKeys = new InMemoryApiKeyRepository();
    private final InMemoryUserRepository users = new InMemoryUserRepository();

    @Override
    protected ApiKeyRepository apiKeys() {
        return apiKeys;
    }

    @Override
    protected UserRepository users() {
        return users;
    }
}
