package dev.chats.adapters.jdbc;

import dev.chats.adapters.jdbc.search.MariaDbSearchIndexer;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.ChatQuery;
import dev.chats.domain.chat.ChatSummary;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.port.contract.ChatRepositoryContract;
import dev.chats.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The chat contract on MariaDB once more, with every queued message indexed before each list or search, so that
 * text search goes through the full-text index; {@link MariaDbRepositoriesContractTest} covers the queued
 * messages that search scans before {@link MariaDbSearchIndexer} gets to them.
 */
class MariaDbIndexedSearchContractTest extends ChatRepositoryContract {

    private final TestDatabase database = TestDatabase.of(TestDatabase.Vendor.MARIADB);
    private final ChatRepository chats = new IndexedBeforeReads(new JdbcChatRepository(database.database()),
            MariaDbSearchIndexing.indexer(database.database(), false));

    @BeforeEach
    void clean() {
        database.clean();
    }

    @Override
    protected ChatRepository chats() {
        return chats;
    }

    /** The real repository, with the indexer's work done before every query that may search. */
    private record IndexedBeforeReads(JdbcChatRepository repository, MariaDbSearchIndexer indexer)
            implements ChatRepository {

        private void indexAll() {
            indexer.indexWrittenBefore(Long.MAX_VALUE);
        }

        @Override
        public List<ChatSummary> findSummaries(ChatQuery query) {
            indexAll();
            return repository.findSummaries(query);
        }

        @Override
        public List<Chat> findChats(ChatQuery query) {
            indexAll();
            return repository.findChats(query);
        }

        @Override
        public Chat add(Chat chat) {
            return repository.add(chat);
        }

        @Override
        public Chat update(Chat chat) {
            return repository.update(chat);
        }

        @Override
        public Optional<Chat> findById(ChatId id) {
            return repository.findById(id);
        }

        @Override
        public Optional<Chat> findForMessageEdit(ChatId id, String messageId) {
            return repository.findForMessageEdit(id, messageId);
        }

        @Override
        public boolean delete(ChatId id) {
            return repository.delete(id);
        }

        @Override
        public int deleteAllOwnedBy(UserId owner) {
            return repository.deleteAllOwnedBy(owner);
        }

        @Override
        public int setArchivedOfAll(UserId owner, boolean archived) {
            return repository.setArchivedOfAll(owner, archived);
        }

        @Override
        public long countInFolders(UserId owner, Set<FolderId> folders) {
            return repository.countInFolders(owner, folders);
        }

        @Override
        public java.util.List<dev.chats.domain.stats.ChatFacts> findFacts(UserId owner,
                java.util.OptionalLong updatedAfter, dev.chats.domain.chat.SortDirection direction,
                dev.chats.domain.chat.PageRequest page) {
            return repository.findFacts(owner, updatedAfter, direction, page);
        }

        @Override
        public long count(ChatQuery query) {
            indexAll();
            return repository.count(query);
        }

        @Override
        public long countChats(UserId owner, java.util.OptionalLong updatedAfter) {
            return repository.countChats(owner, updatedAfter);
        }

        @Override
        public java.util.Optional<dev.chats.domain.stats.ChatFacts> findFacts(dev.chats.domain.chat.ChatId id) {
            return repository.findFacts(id);
        }

        @Override
        public int deleteInFolders(UserId owner, Set<FolderId> folders) {
            return repository.deleteInFolders(owner, folders);
        }

        @Override
        public int moveToRoot(UserId owner, Set<FolderId> folders) {
            return repository.moveToRoot(owner, folders);
        }
    }
}
