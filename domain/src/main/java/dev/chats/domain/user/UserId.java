package dev.chats.domain.user;

import java.util.Objects;

/** Identity of a user. */
public record UserId(String value) {

    public static final int MAX_LENGTH = 64;

    public UserId {
        Objects.requireNonNull(value, "user id");
        if (value.isBlank() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("user id must be 1.." + MAX_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
