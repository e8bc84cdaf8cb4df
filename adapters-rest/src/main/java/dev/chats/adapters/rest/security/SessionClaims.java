package dev.chats.adapters.rest.security;

import dev.chats.application.port.in.identity.SessionToken;
import dev.chats.domain.user.TokenId;
import dev.chats.domain.user.UserId;
import io.micronaut.security.authentication.Authentication;

import java.util.Date;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what a verified session token says from its {@link Authentication}: the user (subject), the token's id
 * ({@code jti}), the credentials version it was issued under ({@code cv}) and its expiry ({@code exp}). Tokens
 * issued before tokens had an id or a version simply lack them.
 */
public final class SessionClaims {

    static final String TOKEN_ID = "jti";
    static final String CREDENTIALS_VERSION = "cv";
    static final String EXPIRY = "exp";

    private SessionClaims() {
    }

    /**
     * The session the authentication stands for.
     *
     * @throws IllegalArgumentException if the subject is no user id, the id no token id, or the version no
     *                                  non-negative whole number: a token this server did not shape; or if the
     *                                  authentication stands for an API key
     */
    public static SessionToken of(Authentication authentication) {
        Map<String, Object> claims = authentication.getAttributes();
        if (claims.containsKey(ApiKeyClaims.KEY_HASH)) {
            throw new IllegalArgumentException("an API key is no session token");
        }
        UserId user = new UserId(String.valueOf(authentication.getName()));
        Optional<TokenId> id = Optional.ofNullable(claims.get(TOKEN_ID)).map(value -> new TokenId(value.toString()));
        Object version = claims.get(CREDENTIALS_VERSION);
        long credentialsVersion;
        if (version == null) {
            credentialsVersion = 0L;
        } else if (version instanceof Number number && number.longValue() >= 0) {
            credentialsVersion = number.longValue();
        } else {
            throw new IllegalArgumentException("the token's credentials version is not a whole number");
        }
        return new SessionToken(user, id, credentialsVersion);
    }

    /** The token's expiry in epoch seconds, if it has one. */
    public static Optional<Long> expiresAt(Authentication authentication) {
        Object expiry = authentication.getAttributes().get(EXPIRY);
        if (expiry instanceof Date date) {
            return Optional.of(date.getTime() / 1000L);
        }
        if (expiry instanceof Number number) {
            return Optional.of(number.longValue());
        }
        return Optional.empty();
    }
}
