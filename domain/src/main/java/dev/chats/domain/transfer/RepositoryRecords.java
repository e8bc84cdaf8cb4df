package dev.chats.domain.transfer;

import dev.chats.domain.chat.ChatId;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.port.ApiKeyRepository;
import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.port.FolderRepository;
import dev.chats.domain.port.RevokedTokens;
import dev.chats.domain.port.SavedAssistantRepository;
import dev.chats.domain.port.ShareRepository;
import dev.chats.domain.port.TagRepository;
import dev.chats.domain.port.UserRepository;
import dev.chats.domain.port.VapiChatRepository;
import dev.chats.domain.port.VapiSessionRepository;
import dev.chats.domain.transfer.DeploymentRecord.ApiKeyRecord;
import dev.chats.domain.transfer.DeploymentRecord.ChatRecord;
import dev.chats.domain.transfer.DeploymentRecord.FolderGrantsRecord;
import dev.chats.domain.transfer.DeploymentRecord.FolderRecord;
import dev.chats.domain.transfer.DeploymentRecord.RevokedTokenRecord;
import dev.chats.domain.transfer.DeploymentRecord.SavedAssistantRecord;
import dev.chats.domain.transfer.DeploymentRecord.ShareGrantsRecord;
import dev.chats.domain.transfer.DeploymentRecord.ShareRecord;
import dev.chats.domain.transfer.DeploymentRecord.TagRecord;
import dev.chats.domain.transfer.DeploymentRecord.UserRecord;
import dev.chats.domain.transfer.DeploymentRecord.VapiChatRecord;
import dev.chats.domain.transfer.DeploymentRecord.VapiSessionRecord;
import dev.chats.domain.user.UserId;
import dev.chats.domain.vapi.SavedAssistantId;
import dev.chats.domain.vapi.VapiChatId;
import dev.chats.domain.vapi.VapiSessionId;

import java.util.List;
import java.util.Optional;

/**
 * The half of {@link DeploymentRecords} every store shares: a record is read by its key and written through the
 * store's own repositories, whose inserts keep what they are given (ids, times, versions) and derive what the
 * store derives anyway (search text, tag mirrors, large-document parts). A store adds the listing of keys in its
 * own order, the existence check and the counts, and the one read no repository offers (a revoked token's expiry).
 */
public abstract class RepositoryRecords implements DeploymentRecords {

    /** The repositories of one store. */
    public record Repositories(UserRepository users, ApiKeyRepository apiKeys, FolderRepository folders,
                               ChatRepository chats, TagRepository tags, ShareRepository shares, RevokedTokens revokedTokens,
                               SavedAssistantRepository assistants, VapiSessionRepository sessions,
                               VapiChatRepository vapiChats) {
    }

    private final Repositories repositories;

    protected RepositoryRecords(Repositories repositories) {
        this.repositories = repositories;
    }

    /** The revoked token under the key (owner, token id), or empty. */
    protected abstract Optional<RevokedTokenRecord> findRevokedToken(RecordKey key);

    @Override
    public Optional<DeploymentRecord> find(RecordKind kind, RecordKey key) {
        Repositories r = repositories;
        return switch (kind) {
            case USER -> r.users().findById(new UserId(key.first())).map(UserRecord::new);
            case API_KEY -> r.apiKeys().findByOwner(new UserId(key.first())).map(ApiKeyRecord::new);
            case FOLDER -> r.folders().findById(new FolderId(key.first())).map(FolderRecord::new);
            case CHAT -> r.chats().findById(new ChatId(key.first())).map(ChatRecord::new);
            case TAG -> r.tags().findByIds(new UserId(key.first()), List.of(key.last())).stream().findFirst()
                    .map(TagRecord::new);
            case SHARE -> r.shares().findById(key.first()).map(ShareRecord::new);
            case SHARE_GRANTS -> Optional.of(r.shares().grantsOf(new UserId(key.first()), new ChatId(key.last())))
                    .filter(grants -> !grants.isEmpty())
                    .map(grants -> new ShareGrantsRecord(new UserId(key.first()), new ChatId(key.last()), grants));
            case FOLDER_GRANTS -> Optional.of(r.folders().grantsOf(new UserId(key.first()),
                            new FolderId(key.last())))
                    .filter(grants -> !grants.isEmpty())
                    .map(grants -> new FolderGrantsRecord(new UserId(key.first()), new FolderId(key.last()), grants));
            case REVOKED_TOKEN -> findRevokedToken(key).map(DeploymentRecord.class::cast);
            case SAVED_ASSISTANT -> r.assistants().findById(new UserId(key.first()), new SavedAssistantId(key.last()))
                    .map(SavedAssistantRecord::new);
            case VAPI_SESSION -> r.sessions().findById(new UserId(key.first()), new VapiSessionId(key.last()))
                    .map(VapiSessionRecord::new);
            case VAPI_CHAT -> r.vapiChats().findById(new UserId(key.first()), new VapiChatId(key.last()))
                    .map(VapiChatRecord::new);
        };
    }

    @Override
    public void write(DeploymentRecord record) {
        Repositories r = repositories;
        if (record instanceof UserRecord user) {
            r.users().add(user.user());
        } else if (record instanceof ApiKeyRecord apiKey) {
            r.apiKeys().replace(apiKey.apiKey());
        } else if (record instanceof FolderRecord folder) {
            r.folders().add(folder.folder());
        } else if (record instanceof ChatRecord chat) {
            r.chats().add(chat.chat());
        } else if (record instanceof TagRecord tag) {
            r.tags().addIfAbsent(tag.tag());
        } else if (record instanceof ShareRecord share) {
            r.shares().save(share.share());
        } else if (record instanceof ShareGrantsRecord grants) {
            r.shares().replaceGrants(grants.owner(), grants.chat(), grants.grants());
        } else if (record instanceof FolderGrantsRecord grants) {
            r.folders().replaceGrants(grants.owner(), grants.folder(), grants.grants());
        } else if (record instanceof RevokedTokenRecord token) {
            r.revokedTokens().revoke(token.owner(), token.token(), token.expiresAt());
        } else if (record instanceof SavedAssistantRecord assistant) {
            r.assistants().add(assistant.assistant());
        } else if (record instanceof VapiSessionRecord session) {
            r.sessions().add(session.session());
        } else if (record instanceof VapiChatRecord chat) {
            r.vapiChats().add(chat.chat());
        }
    }
}
