package dev.chats.domain.port.fake;

import dev.chats.domain.port.FolderRepository;
import dev.chats.domain.port.contract.FolderRepositoryContract;

/**
 * Runs the folder persistence contract against the in-memory fake; JUnit's new instance per test is the clean
 * store.
 */
class InMemoryFolderRepositoryContractTest extends FolderRepositoryContract {

    private final InMemoryFolderRepository folders = new InMemoryFolderRepository();

    @Override
    protected FolderRepository folders() {
        return folders;
    }
}
