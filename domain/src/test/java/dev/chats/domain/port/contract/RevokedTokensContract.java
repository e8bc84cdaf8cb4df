package dev.chats.domain.port.contract;

import dev.chats.domain.port.RevokedTokens;
import dev.chats.domain.user.TokenId;
import dev.chats.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.chats.domain.port.contract.ContractFixtures.newUserId;
import static dev.chats.domain.port.contract.ContractFixtures.ofLength;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Persistence contract: what every {@link RevokedTokens} adapter must do, whichever database is behind it.
 *
 * <p>Subclass it per database and implement {@link #revokedTokens()} to return the adapter under test — the same
 * instance on every call within a test. Tests use fresh random ids and expiry times far from those of other tests,
 * so leftovers of earlier tests do not change their outcome.
 */
public abstract class RevokedTokensContract {

    /** Far in the future, so that no purge of another test drops these rows. */
    private static final long LATER = 4_000_000_000L;

    /** The store under test; the same instance for the whole of one test. */
    protected abstract RevokedTokens revokedTokens();

    @Test
    void givenNothingRevoked_isRevoked_isFalse() {
        assertThat(revokedTokens().isRevoked(newUserId(), newTokenId())).isFalse();
    }

    @Test
    void givenRevokedToken_isRevoked_isTrueForItAndNoOther() {
        UserId owner = newUserId();
        TokenId token = newTokenId();

        revokedTokens().revoke(owner, token, LATER);

        assertThat(revokedTokens().isRevoked(owner, token)).isTrue();
        assertThat(revokedTokens().isRevoked(owner, newTokenId())).isFalse();
        assertThat(revokedTokens().isRevoked(newUserId(), token)).isFalse();
    }

    @Test
    void givenRevokedToken_revokeAgain_changesNothingAndDoesNotFail() {
        UserId owner = newUserId();
        TokenId token = newTokenId();
        revokedTokens().revoke(owner, token, LATER);

        revokedTokens().revoke(owner, token, LATER);

        assertThat(revokedTokens().isRevoked(owner, token)).isTrue();
    }

    @Test
    void givenIdsAtTheirLongest_revoke_keepsThemWhole() {
        UserId owner = new UserId(ofLength("user-", UserId.MAX_LENGTH));
        TokenId token = new TokenId(ofLength("jti-", TokenId.MAX_LENGTH));

        revokedTokens().revoke(owner, token, LATER);

        assertThat(revokedTokens().isRevoked(owner, token)).isTrue();
        assertThat(revokedTokens().isRevoked(owner,
                new TokenId(token.value().substring(0, TokenId.MAX_LENGTH - 1)))).isFalse();
    }

    @Test
    void givenExpiredAndLiveRevocations_purgeExpired_dropsOnlyTheExpiredOnes() {
        // In the future, so that a store's own expiry (a MongoDB TTL index) cannot drop the rows mid-test.
        long now = System.currentTimeMillis() / 1000L + 315_360_000L + (long) (Math.random() * 1_000_000L);
        UserId owner = newUserId();
        TokenId expired = newTokenId();
        TokenId expiringNow = newTokenId();
        TokenId live = newTokenId();
        revokedTokens().revoke(owner, expired, now - 1);
        revokedTokens().revoke(owner, expiringNow, now);
        revokedTokens().revoke(owner, live, LATER);

        long purged = revokedTokens().purgeExpired(now);

        assertThat(purged).isGreaterThanOrEqualTo(1L);
        assertThat(revokedTokens().isRevoked(owner, expired)).isFalse();
        assertThat(revokedTokens().isRevoked(owner, expiringNow)).isTrue();
        assertThat(revokedTokens().isRevoked(owner, live)).isTrue();
    }

    private static TokenId newTokenId() {
        return new TokenId(UUID.randomUUID().toString());
    }
}
