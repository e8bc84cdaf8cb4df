package dev.chats.adapters.jdbc;

import dev.chats.domain.port.ApiKeyRepository;
import dev.chats.domain.port.FolderRepository;
import dev.chats.domain.port.RevokedTokens;
import dev.chats.domain.port.SavedAssistantRepository;
import dev.chats.domain.port.ShareRepository;
import dev.chats.domain.port.TagRepository;
import dev.chats.domain.port.UserRepository;
import dev.chats.domain.port.VapiChatRepository;
import dev.chats.domain.port.VapiSessionRepository;
import dev.chats.domain.transfer.DeploymentRecord;
import dev.chats.domain.transfer.DeploymentRecord.ChatRecord;
import dev.chats.domain.transfer.DeploymentRecord.RevokedTokenRecord;
import dev.chats.domain.transfer.RecordKey;
import dev.chats.domain.transfer.RecordKind;
import dev.chats.domain.transfer.RepositoryRecords;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Persistence adapter: every record of the deployment in the SQL database, for copies and backups. Keys are listed
 * in primary-key order, a page at a time (keyset: each page starts after the last key of the one before), so a
 * listing costs the same at any depth; records are read and written through the repositories.
 */
@Singleton
@JdbcPersistence
public final class JdbcDeploymentRecords extends RepositoryRecords {

    /** Where a kind lives: its table and the columns of its key, in key order. */
    private record Table(String name, List<String> key, boolean distinct) {

        String from() {
            return distinct ? "(SELECT DISTINCT " + String.join(", ", key) + " FROM " + name + ") k" : name;
        }
    }

    private final Transactions transactions;
    private final Rows rows;
    private final JdbcChatRepository chats;

    public JdbcDeploymentRecords(JdbcDatabase database, UserRepository users, ApiKeyRepository apiKeys,
                                 FolderRepository folders,
                                 JdbcChatRepository chats, TagRepository tags, ShareRepository shares,
                                 RevokedTokens revokedTokens, SavedAssistantRepository assistants,
                                 VapiSessionRepository sessions, VapiChatRepository vapiChats) {
        super(new Repositories(users, apiKeys, folders, chats, tags, shares, revokedTokens, assistants, sessions,
                vapiChats));
        this.transactions = database.transactions();
        this.rows = database.rows();
        this.chats = chats;
    }

    /** Chats in one transaction ({@link JdbcChatRepository#addAll}); other kinds one by one. */
    @Override
    public void writeAll(List<DeploymentRecord> records) {
        if (records.size() > 1 && records.stream().allMatch(ChatRecord.class::isInstance)) {
            chats.addAll(records.stream().map(record -> ((ChatRecord) record).chat()).toList());
        } else {
            super.writeAll(records);
        }
    }

    private static Table table(RecordKind kind) {
        return switch (kind) {
            case USER -> new Table("app_user", List.of("id"), false);
            case API_KEY -> new Table("api_key", List.of("user_id"), false);
            case FOLDER -> new Table("folder", List.of("id"), false);
            case CHAT -> new Table("chat", List.of("id"), false);
            case TAG -> new Table("tag", List.of("user_id", "id"), false);
            case SHARE -> new Table("chat_share", List.of("id"), false);
            case SHARE_GRANTS -> new Table("chat_share_grant", List.of("user_id", "chat_id"), true);
            case FOLDER_GRANTS -> new Table("folder_grant", List.of("user_id", "folder_id"), true);
            case REVOKED_TOKEN -> new Table("revoked_token", List.of("user_id", "jti"), false);
            case SAVED_ASSISTANT -> new Table("vapi_assistant", List.of("user_id", "id"), false);
            case VAPI_SESSION -> new Table("vapi_session", List.of("user_id", "id"), false);
            case VAPI_CHAT -> new Table("vapi_chat", List.of("user_id", "id"), false);
        };
    }

    @Override
    public List<RecordKey> keysAfter(RecordKind kind, RecordKey after, int limit) {
        Table table = table(kind);
        List<String> key = table.key();
        List<Object> parameters = new ArrayList<>();
        String where = "";
        if (after != null) {
            // (k1 > ?) OR (k1 = ? AND k2 > ?): the row-value comparison, spelled out for every dialect.
            where = " WHERE " + (key.size() == 1 ? key.get(0) + " > ?"
                    : "(" + key.get(0) + " > ? OR (" + key.get(0) + " = ? AND " + key.get(1) + " > ?))");
            parameters.add(after.first());
            if (key.size() > 1) {
                parameters.add(after.first());
                parameters.add(after.last());
            }
        }
        parameters.add(limit);
        String sql = "SELECT " + String.join(", ", key) + " FROM " + table.from() + where + " ORDER BY "
                + String.join(", ", key) + " LIMIT ?";
        return transactions.read("list " + kind.wireName() + " keys", connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                SqlParameters.bind(query, parameters);
                return keys(query, key.size());
            }
        });
    }

    @Override
    public Set<RecordKey> existing(RecordKind kind, Collection<RecordKey> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        Table table = table(kind);
        StringJoiner any = new StringJoiner(" OR ");
        List<Object> parameters = new ArrayList<>();
        for (RecordKey key : keys) {
            StringJoiner all = new StringJoiner(" AND ", "(", ")");
            for (int i = 0; i < table.key().size(); i++) {
                all.add(table.key().get(i) + " = ?");
                parameters.add(key.parts().get(i));
            }
            any.add(all.toString());
        }
        String sql = "SELECT " + String.join(", ", table.key()) + " FROM " + table.from() + " WHERE " + any;
        return transactions.read("find " + kind.wireName() + " keys", connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                SqlParameters.bind(query, parameters);
                return new HashSet<>(keys(query, table.key().size()));
            }
        });
    }

    @Override
    public long count(RecordKind kind) {
        String sql = "SELECT COUNT(*) FROM " + table(kind).from();
        return transactions.read("count " + kind.wireName() + " records", connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql); ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    @Override
    protected Optional<RevokedTokenRecord> findRevokedToken(RecordKey key) {
        return transactions.read("read a revoked token", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT " + RevokedTokenRow.COLUMNS + " FROM revoked_token WHERE user_id = ? AND jti = ?")) {
                query.setString(1, key.first());
                query.setString(2, key.last());
                return rows.first(query, RevokedTokenRow.class).map(RevokedTokenRow::toRecord);
            }
        });
    }

    private static List<RecordKey> keys(PreparedStatement query, int parts) throws java.sql.SQLException {
        List<RecordKey> keys = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                List<String> key = new ArrayList<>(parts);
                for (int i = 1; i <= parts; i++) {
                    key.add(rows.getString(i));
                }
                keys.add(new RecordKey(key));
            }
        }
        return keys;
    }
}
