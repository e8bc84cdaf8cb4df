package dev.chats.domain.user;

import java.util.Objects;

/** Identity of one issued session token (its JWT {@code jti}), by which it can be revoked. */
public record TokenId(String value) {

    public static final int MAX_LENGTH = 64;

    public TokenId {
        Objects.requireNonNull(value, "token id");
        if (value.isBlank() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("token id must be 1.." + MAX_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
