package dev.chats.adapters.jdbc;

import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.port.FolderRepository;
import dev.chats.domain.port.RevokedTokens;
import dev.chats.domain.port.ShareRepository;
import dev.chats.domain.port.TagRepository;
import dev.chats.domain.port.UserRepository;
import dev.chats.domain.port.contract.ChatRepositoryContract;
import dev.chats.domain.port.contract.FolderRepositoryContract;
import dev.chats.domain.port.contract.RevokedTokensContract;
import dev.chats.domain.port.contract.ShareRepositoryContract;
import dev.chats.domain.port.contract.TagRepositoryContract;
import dev.chats.domain.port.contract.UserRepositoryContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;

/**
 * The persistence contract of every output port through the JDBC adapter, once per database: each subclass names
 * its vendor, {@link TestDatabase} finds the database (or skips), and every test starts on an empty store.
 */
abstract class JdbcRepositoriesContract {

    protected abstract TestDatabase.Vendor vendor();

    TestDatabase database() {
        return TestDatabase.of(vendor());
    }

    @Nested
    class Chats extends ChatRepositoryContract {
        private final ChatRepository chats = new JdbcChatRepository(database().database());

        @BeforeEach
        void clean() {
            database().clean();
        }

        @Override
        protected ChatRepository chats() {
            return chats;
        }
    }

    @Nested
    class Users extends UserRepositoryContract {
        private final UserRepository users = new JdbcUserRepository(database().database());

        @BeforeEach
        void clean() {
            database().clean();
        }

        @Override
        protected UserRepository users() {
            return users;
        }
    }

    @Nested
    class Folders extends FolderRepositoryContract {
        private final FolderRepository folders = new JdbcFolderRepository(database().database());

        @BeforeEach
        void clean() {
            database().clean();
        }

        @Override
        protected FolderRepository folders() {
            return folders;
        }
    }

    @Nested
    class Tags extends TagRepositoryContract {
        private final TagRepository tags = new JdbcTagRepository(database().database());
        private final ChatRepository chats = new JdbcChatRepository(database().database());

        @BeforeEach
        void clean() {
            database().clean();
        }

        @Override
        protected TagRepository tags() {
            return tags;
        }

        @Override
        protected ChatRepository chats() {
            return chats;
        }
    }

    @Nested
    class Shares extends ShareRepositoryContract {
        private final ShareRepository shares = new JdbcShareRepository(database().database());
        private final ChatRepository chats = new JdbcChatRepository(database().database());

        @BeforeEach
        void clean() {
            database().clean();
        }

        @Override
        protected ShareRepository shares() {
            return shares;
        }

        @Override
        protected ChatRepository chats() {
            return chats;
        }
    }

    @Nested
    class Revocations extends RevokedTokensContract {
        private final RevokedTokens revokedTokens = new JdbcRevokedTokens(database().database());

        @BeforeEach
        void clean() {
            database().clean();
        }

        @Override
        protected RevokedTokens revokedTokens() {
            return revokedTokens;
        }
    }
}
