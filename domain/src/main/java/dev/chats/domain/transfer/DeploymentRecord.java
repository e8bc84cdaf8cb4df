package dev.chats.domain.transfer;

import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.folder.Folder;
import dev.chats.domain.share.FolderGrant;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.share.AccessGrant;
import dev.chats.domain.share.Share;
import dev.chats.domain.tag.Tag;
import dev.chats.domain.user.StoredApiKey;
import dev.chats.domain.user.TokenId;
import dev.chats.domain.user.User;
import dev.chats.domain.user.UserId;
import dev.chats.domain.vapi.SavedAssistant;
import dev.chats.domain.vapi.VapiChat;
import dev.chats.domain.vapi.VapiSession;

import java.util.List;
import java.util.Objects;

/**
 * One record of a deployment as the stores keep it, with its ids, times and documents: what a copy reads from one
 * store and writes to another unchanged, bypassing every business rule.
 */
public sealed interface DeploymentRecord {

    RecordKind kind();

    RecordKey key();

    /** A user with the password hash and credentials version. */
    record UserRecord(User user) implements DeploymentRecord {
        public RecordKind kind() {
            return RecordKind.USER;
        }

        public RecordKey key() {
            return RecordKey.of(user.id().value());
        }
    }

    record FolderRecord(Folder folder) implements DeploymentRecord {
        public RecordKind kind() {
            return RecordKind.FOLDER;
        }

        public RecordKey key() {
            return RecordKey.of(folder.id().value());
        }
    }

    /** A chat with its whole document, every message included, and its stored version. */
    record ChatRecord(Chat chat) implements DeploymentRecord {
        public RecordKind kind() {
            return RecordKind.CHAT;
        }

        public RecordKey key() {
            return RecordKey.of(chat.id().value());
        }
    }

    record TagRecord(Tag tag) implements DeploymentRecord {
        public RecordKind kind() {
            return RecordKind.TAG;
        }

        public RecordKey key() {
            return RecordKey.of(tag.ownerId().value(), tag.id());
        }
    }

    record ShareRecord(Share share) implements DeploymentRecord {
        public RecordKind kind() {
            return RecordKind.SHARE;
        }

        public RecordKey key() {
            return RecordKey.of(share.id());
        }
    }

    /** Who besides the owner may open a chat's share, in the order the owner set them. */
    record ShareGrantsRecord(UserId owner, ChatId chat, List<AccessGrant> grants) implements DeploymentRecord {
        public ShareGrantsRecord {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(chat, "chat");
            grants = List.copyOf(grants);
        }

        public RecordKind kind() {
            return RecordKind.SHARE_GRANTS;
        }

        public RecordKey key() {
            return RecordKey.of(owner.value(), chat.value());
        }
    }

    /** Who besides the owner may reach a folder, in the order the owner set them, with their times. */
    record FolderGrantsRecord(UserId owner, FolderId folder, List<FolderGrant> grants) implements DeploymentRecord {
        public FolderGrantsRecord {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(folder, "folder");
            grants = List.copyOf(grants);
        }

        public RecordKind kind() {
            return RecordKind.FOLDER_GRANTS;
        }

        public RecordKey key() {
            return RecordKey.of(owner.value(), folder.value());
        }
    }

    /** A user's API key as stored: its hash and hint, never the key itself. */
    record ApiKeyRecord(StoredApiKey apiKey) implements DeploymentRecord {
        public RecordKind kind() {
            return RecordKind.API_KEY;
        }

        public RecordKey key() {
            return RecordKey.of(apiKey.owner().value());
        }
    }

    /** A signed-out session token, refused until it expires (epoch seconds). */
    record RevokedTokenRecord(UserId owner, TokenId token, long expiresAt) implements DeploymentRecord {
        public RevokedTokenRecord {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(token, "token");
        }

        public RecordKind kind() {
            return RecordKind.REVOKED_TOKEN;
        }

        public RecordKey key() {
            return RecordKey.of(owner.value(), token.value());
        }
    }

    record SavedAssistantRecord(SavedAssistant assistant) implements DeploymentRecord {
        public RecordKind kind() {
            return RecordKind.SAVED_ASSISTANT;
        }

        public RecordKey key() {
            return RecordKey.of(assistant.ownerId().value(), assistant.id().value());
        }
    }

    record VapiSessionRecord(VapiSession session) implements DeploymentRecord {
        public RecordKind kind() {
            return RecordKind.VAPI_SESSION;
        }

        public RecordKey key() {
            return RecordKey.of(session.ownerId().value(), session.id().value());
        }
    }

    record VapiChatRecord(VapiChat chat) implements DeploymentRecord {
        public RecordKind kind() {
            return RecordKind.VAPI_CHAT;
        }

        public RecordKey key() {
            return RecordKey.of(chat.ownerId().value(), chat.id().value());
        }
    }
}
