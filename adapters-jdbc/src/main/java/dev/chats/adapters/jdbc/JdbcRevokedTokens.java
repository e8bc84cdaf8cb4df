package dev.chats.adapters.jdbc;

import dev.chats.domain.port.RevokedTokens;
import dev.chats.domain.user.TokenId;
import dev.chats.domain.user.UserId;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Persistence adapter: revoked session tokens in the {@code revoked_token} table, keyed by owner and token id so
 * that the check on every request is one primary-key lookup.
 */
@Singleton
@JdbcPersistence
public final class JdbcRevokedTokens implements RevokedTokens {

    private final Transactions transactions;

    public JdbcRevokedTokens(JdbcDatabase database) {
        this.transactions = database.transactions();
    }

    @Override
    public void revoke(UserId owner, TokenId token, long expiresAt) {
        try {
            transactions.inTransaction("revoke a session token", connection -> {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO revoked_token (user_id, jti, expires_at) VALUES (?, ?, ?)")) {
                    insert.setString(1, owner.value());
                    insert.setString(2, token.value());
                    insert.setLong(3, expiresAt);
                    insert.executeUpdate();
                }
                return null;
            });
        } catch (JdbcAccessException e) {
            // Already revoked (a second sign-out with the same token, perhaps on another instance): nothing to do.
            if (!isDuplicateKey(e.getCause()) || !isRevoked(owner, token)) {
                throw e;
            }
        }
    }

    @Override
    public boolean isRevoked(UserId owner, TokenId token) {
        return transactions.read("check a session token", connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT 1 FROM revoked_token WHERE user_id = ? AND jti = ?")) {
                query.setString(1, owner.value());
                query.setString(2, token.value());
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    @Override
    public long purgeExpired(long now) {
        return transactions.inTransaction("purge expired token revocations", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM revoked_token WHERE expires_at < ?")) {
                delete.setLong(1, now);
                return (long) delete.executeUpdate();
            }
        });
    }

    private static boolean isDuplicateKey(Throwable cause) {
        return cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23");
    }
}
