package dev.chats.adapters.jdbc;

import dev.chats.domain.port.ApiKeyRepository;
import dev.chats.domain.user.ApiKeyHash;
import dev.chats.domain.user.StoredApiKey;
import dev.chats.domain.user.UserId;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Persistence adapter: API keys in the {@code api_key} table, one row per user (the primary key), found by the
 * unique {@code key_hash} on every request that presents a key. The row goes with its user (a cascading foreign key).
 */
@Singleton
@JdbcPersistence
public final class JdbcApiKeyRepository implements ApiKeyRepository {

    private final Transactions transactions;
    private final Rows rows;

    public JdbcApiKeyRepository(JdbcDatabase database) {
        this.transactions = database.transactions();
        this.rows = database.rows();
    }

    @Override
    public void replace(StoredApiKey key) {
        try {
            transactions.inTransaction("store an API key", connection -> upsert(connection, key));
        } catch (JdbcAccessException e) {
            // Two replacements for one user at once, both finding no row: the later insert loses to the earlier one,
            // and running it again updates that row instead, so the later key wins as it would have in turn.
            if (!Transactions.violatesIntegrity(e.getCause())) {
                throw e;
            }
            transactions.inTransaction("store an API key", connection -> upsert(connection, key));
        }
    }

    private static Void upsert(Connection connection, StoredApiKey key) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE api_key SET key_hash = ?, hint = ?, created_at = ? WHERE user_id = ?")) {
            update.setString(1, key.hash().value());
            update.setString(2, key.hint());
            update.setLong(3, key.createdAt());
            update.setString(4, key.owner().value());
            if (update.executeUpdate() == 1) {
                return null;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO api_key (user_id, key_hash, hint, created_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, key.owner().value());
            insert.setString(2, key.hash().value());
            insert.setString(3, key.hint());
            insert.setLong(4, key.createdAt());
            insert.executeUpdate();
        }
        return null;
    }

    @Override
    public Optional<StoredApiKey> findByOwner(UserId owner) {
        return transactions.read("read an API key", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT " + ApiKeyRow.COLUMNS + " FROM api_key WHERE user_id = ?")) {
                query.setString(1, owner.value());
                return rows.first(query, ApiKeyRow.class).map(ApiKeyRow::toKey);
            }
        });
    }

    @Override
    public Optional<UserId> findOwner(ApiKeyHash hash) {
        return transactions.read("find an API key", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT user_id FROM api_key WHERE key_hash = ?")) {
                query.setString(1, hash.value());
                try (ResultSet found = query.executeQuery()) {
                    return found.next() ? Optional.of(new UserId(found.getString(1))) : Optional.<UserId>empty();
                }
            }
        });
    }

    @Override
    public boolean delete(UserId owner) {
        return transactions.inTransaction("delete an API key", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM api_key WHERE user_id = ?")) {
                delete.setString(1, owner.value());
                return delete.executeUpdate() > 0;
            }
        });
    }
}
