package dev.chats.domain.port;

import dev.chats.domain.user.TokenId;
import dev.chats.domain.user.UserId;

/**
 * Output port: the session tokens signed out before they expired, kept in the shared store so that every instance
 * refuses them and a restart does not bring them back. Keyed by the owner and the token's id; a revocation is only
 * needed until the token expires, after which {@link #purgeExpired} may drop it.
 */
public interface RevokedTokens {

    /** Records the token as revoked until {@code expiresAt} (epoch seconds); revoking it again changes nothing. */
    void revoke(UserId owner, TokenId token, long expiresAt);

    /** Whether the token was revoked (and its record not yet purged). */
    boolean isRevoked(UserId owner, TokenId token);

    /** Drops the records of tokens that expired before {@code now} (epoch seconds); answers how many it dropped. */
    long purgeExpired(long now);
}
