package dev.chats.adapters.jdbc;

import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.SortDirection;
import dev.chats.domain.port.ShareRepository;
import dev.chats.domain.share.AccessGrant;
import dev.chats.domain.share.Share;
import dev.chats.domain.share.ShareListQuery;
import dev.chats.domain.share.ShareSummary;
import dev.chats.domain.user.UserId;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Shares in {@code chat_share}: one snapshot per chat, whole, since a share is read as one piece. */
@Singleton
@JdbcPersistence
public final class JdbcShareRepository implements ShareRepository {

    private final Transactions transactions;
    private final JsonColumns json;
    private final Rows rows;
    private final SqlDialect dialect;

    public JdbcShareRepository(JdbcDatabase database) {
        this.transactions = database.transactions();
        this.json = database.json();
        this.rows = database.rows();
        this.dialect = database.dialect();
    }

    @Override
    public void save(Share share) {
        try {
            upsert(share);
        } catch (JdbcAccessException e) {
            // Two first saves of one share raced: the other inserted it, so this one now updates it.
            if (!(e.getCause() instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23"))) {
                throw e;
            }
            upsert(share);
        }
    }

    private void upsert(Share share) {
        transactions.inTransaction("save share", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE chat_share SET title = ?,"
                    + " document = ?, updated_at = ? WHERE id = ?")) {
                update.setString(1, share.title());
                update.setString(2, json.write(share.document()));
                update.setLong(3, share.updatedAt());
                update.setString(4, share.id());
                if (update.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO chat_share (id, chat_id,"
                    + " user_id, title, document, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, share.id());
                insert.setString(2, share.chatId().value());
                insert.setString(3, share.ownerId().value());
                insert.setString(4, share.title());
                insert.setString(5, json.write(share.document()));
                insert.setLong(6, share.createdAt());
                insert.setLong(7, share.updatedAt());
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<Share> findById(String shareId) {
        return transactions.read("find share", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT " + ShareRow.COLUMNS + " FROM chat_share WHERE id = ?")) {
                query.setString(1, shareId);
                return rows.first(query, ShareRow.class).map(row -> row.toShare(json));
            }
        });
    }

    @Override
    public boolean delete(String shareId) {
        return transactions.inTransaction("delete share", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM chat_share WHERE id = ?")) {
                delete.setString(1, shareId);
                return delete.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<ShareSummary> findByOwner(ShareListQuery query) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT " + ShareTitleRow.COLUMNS
                + " FROM chat_share WHERE user_id = ?");
        parameters.add(query.owner().value());
        query.titleContains().ifPresent(text -> {
            sql.append(" AND LOWER(title) LIKE ?").append(dialect.likeEscapeClause());
            parameters.add(ChatQuerySql.containsPattern(text, dialect.likeEscape()));
        });
        sql.append(" ORDER BY ").append(StoredNames.sortColumn(query.order().field()))
                .append(query.order().direction() == SortDirection.ASC ? " ASC" : " DESC")
                .append(", id ASC LIMIT ? OFFSET ?");
        parameters.add(query.page().limit());
        parameters.add(query.page().offset());
        return transactions.read("list shares", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                SqlParameters.bind(statement, parameters);
                return rows.all(statement, ShareTitleRow.class).stream().map(ShareTitleRow::toSummary).toList();
            }
        });
    }

    @Override
    public List<AccessGrant> grantsOf(UserId owner, ChatId chat) {
        return transactions.read("read share grants", connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT " + ShareGrantRow.COLUMNS
                    + " FROM chat_share_grant WHERE user_id = ? AND chat_id = ? ORDER BY position")) {
                query.setString(1, owner.value());
                query.setString(2, chat.value());
                return rows.all(query, ShareGrantRow.class).stream().map(ShareGrantRow::toGrant).toList();
            }
        });
    }

    @Override
    public void replaceGrants(UserId owner, ChatId chat, List<AccessGrant> grants) {
        transactions.inTransaction("replace share grants", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM chat_share_grant WHERE user_id = ? AND chat_id = ?")) {
                delete.setString(1, owner.value());
                delete.setString(2, chat.value());
                delete.executeUpdate();
            }
            if (grants.isEmpty()) {
                return null;
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO chat_share_grant (user_id,"
                    + " chat_id, position, id, principal_type, principal_id, permission)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < grants.size(); i++) {
                    AccessGrant grant = grants.get(i);
                    insert.setString(1, owner.value());
                    insert.setString(2, chat.value());
                    insert.setInt(3, i);
                    insert.setString(4, grant.id());
                    insert.setString(5, StoredNames.principal(grant.principalType()));
                    insert.setString(6, grant.principalId());
                    insert.setString(7, StoredNames.access(grant.permission()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }
}
