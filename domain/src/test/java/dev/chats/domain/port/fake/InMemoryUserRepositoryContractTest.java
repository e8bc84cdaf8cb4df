package dev.chats.domain.port.fake;

import dev.chats.domain.port.UserRepository;
import dev.chats.domain.port.contract.UserRepositoryContract;

/**
 * Runs the user persistence contract against the in-memory fake; JUnit's new instance per test is the clean
 * store.
 */
class InMemoryUserRepositoryContractTest extends UserRepositoryContract {

    private final InMemoryUserRepository users = new InMemoryUserRepository();

    @Override
    protected UserRepository users() {
        return users;
    }
}
