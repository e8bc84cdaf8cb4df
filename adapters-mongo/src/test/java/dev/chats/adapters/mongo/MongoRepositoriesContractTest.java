package dev.chats.adapters.mongo;

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

/** The persistence contract on MongoDB; see {@link TestMongo} for where it runs. */
class MongoRepositoriesContractTest {

    static MongoStore store() {
        return TestMongo.get().store();
    }

    @Nested
    class Chats extends ChatRepositoryContract {
        private final ChatRepository chats = new MongoChatRepository(store());

        @BeforeEach
        void clean() {
            TestMongo.get().clean();
        }

        @Override
        protected ChatRepository chats() {
            return chats;
        }
    }

    @Nested
    class Users extends UserRepositoryContract {
        private final UserRepository users = new MongoUserRepository(store());

        @BeforeEach
        void clean() {
            TestMongo.get().clean();
        }

        @Override
        protected UserRepository users() {
            return users;
        }
    }

    @Nested
    class Folders extends FolderRepositoryContract {
        private final FolderRepository folders = new MongoFolderRepository(store());

        @BeforeEach
        void clean() {
            TestMongo.get().clean();
        }

        @Override
        protected FolderRepository folders() {
            return folders;
        }
    }

    @Nested
    class Tags extends TagRepositoryContract {
        private final ChatRepository chats = new MongoChatRepository(store());
        private final TagRepository tags = new MongoTagRepository(store());

        @BeforeEach
        void clean() {
            TestMongo.get().clean();
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
        private final ChatRepository chats = new MongoChatRepository(store());
        private final ShareRepository shares = new MongoShareRepository(store());

        @BeforeEach
        void clean() {
            TestMongo.get().clean();
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
        private final RevokedTokens revokedTokens = new MongoRevokedTokens(store());

        @BeforeEach
        void clean() {
            TestMongo.get().clean();
        }

        @Override
        protected RevokedTokens revokedTokens() {
            return revokedTokens;
        }
    }
}
