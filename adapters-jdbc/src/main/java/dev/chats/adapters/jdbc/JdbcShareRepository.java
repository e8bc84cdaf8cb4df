package dev.chats.adapters.jdbc;

import dev.chats.domain.chat.ChatId;
import dev.chats.domain.port.ShareRepository;
import dev.chats.domain.share.Share;
import dev.chats.domain.user.UserId;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** Shares in {@code chat_share}: one snapshot per chat, whole, since a share is read as one piece. */
@Singleton
@JdbcPersistence
public final class JdbcShareRepository implements ShareRepository {

    private final Transactions transactions;
    private final JsonColumns json;

    public JdbcShareRepository(JdbcDatabase database) {
        this.transactions = database.transactions();
        this.json = database.json();
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
            try (PreparedStatement query = connection.prepareStatement("SELECT id, chat_id, user_id, title, document,"
                    + " created_at, updated_at FROM chat_share WHERE id = ?")) {
                query.setString(1, shareId);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Share(row.getString("id"), new ChatId(row.getString("chat_id")),
                            new UserId(row.getString("user_id")), row.getString("title"),
                            json.readObject(row.getString("document")), row.getLong("created_at"),
                            row.getLong("updated_at")));
                }
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
}
