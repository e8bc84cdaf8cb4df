package dev.chats.adapters.rest.security;

import com.nimbusds.jwt.JWTParser;
import dev.chats.domain.user.User;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;

import java.text.ParseException;
import java.util.Date;
import java.util.Map;

/**
 * Issues session tokens: HS256 JWTs whose subject and {@code id} claim are the user id (Open WebUI reads
 * {@code id}), expiring after {@code chats.jwt.expiration-seconds}, each with a random {@code jti} (by which
 * sign-out revokes it) and the user's credentials version {@code cv} (a password change voids older tokens). The
 * role is deliberately not in the token: it is read from the store on every request, so a changed role applies at
 * once.
 */
@Singleton
public final class SessionTokens {

    static final String ID_CLAIM = "id";

    private final TokenGenerator generator;
    private final int expirationSeconds;

    SessionTokens(TokenGenerator generator, JwtSettings settings) {
        this.generator = generator;
        this.expirationSeconds = settings.expirationSeconds();
    }

    /** A signed token for the user and the epoch second at which it expires. */
    public Issued issue(User user) {
        String id = user.id().value();
        Map<String, Object> claims = Map.of(ID_CLAIM, id, SessionClaims.CREDENTIALS_VERSION, user.credentialsVersion());
        String token = generator.generateToken(Authentication.build(id, claims), expirationSeconds)
                .orElseThrow(() -> new IllegalStateException("no session token could be signed"));
        return new Issued(token, expiresAt(token));
    }

    /** How long a freshly issued token lasts, in seconds. */
    public int expirationSeconds() {
        return expirationSeconds;
    }

    /** The expiry of a token in epoch seconds; null if it has none or does not parse. */
    public static Long expiresAt(String token) {
        try {
            Date expiry = JWTParser.parse(token).getJWTClaimsSet().getExpirationTime();
            return expiry == null ? null : expiry.getTime() / 1000L;
        } catch (ParseException e) {
            return null;
        }
    }

    /** A freshly signed token. */
    public record Issued(String token, Long expiresAt) {
    }
}
