package dev.chats.adapters.rest.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;

import java.util.Optional;

/**
 * {@code chats.jwt.*}: the HS256 secret of session tokens ({@code CHATS_JWT_SECRET}; unset, one is generated in the
 * data directory) and their lifetime ({@code CHATS_JWT_EXPIRATION_SECONDS}, four weeks). Read at start-up: a secret
 * too short for HS256 or a lifetime that is not positive stops it naming the setting.
 */
@Context
@ConfigurationProperties("chats.jwt")
public final class JwtSettings {

    /** HS256 needs a key of at least 256 bits; 32 characters give at least 32 bytes. */
    static final int MIN_SECRET_LENGTH = 32;

    private String secret;
    private int expirationSeconds = 2_419_200;

    public void setSecret(String value) {
        if (value != null && !value.isBlank() && value.length() < MIN_SECRET_LENGTH) {
            // The length only: the secret itself never reaches a log.
            throw new ConfigurationException("chats.jwt.secret (CHATS_JWT_SECRET) must be at least "
                    + MIN_SECRET_LENGTH + " characters long for HS256, it has " + value.length()
                    + "; leave it empty to have a random secret generated in chats.data-dir");
        }
        secret = value == null || value.isBlank() ? null : value;
    }

    public void setExpirationSeconds(int seconds) {
        if (seconds <= 0) {
            throw new ConfigurationException("chats.jwt.expiration-seconds (CHATS_JWT_EXPIRATION_SECONDS) must be"
                    + " positive, it is " + seconds);
        }
        expirationSeconds = seconds;
    }

    /** The configured secret; empty when one is to be generated. */
    Optional<String> secret() {
        return Optional.ofNullable(secret);
    }

    int expirationSeconds() {
        return expirationSeconds;
    }
}
