package dev.chats.domain.user;

import java.util.Objects;
import java.util.regex.Pattern;

/** The stored form of an {@link ApiKey}: its SHA-256 as 64 lower-case hex digits, by which a presented key is found. */
public record ApiKeyHash(String value) {

    private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

    public ApiKeyHash {
        Objects.requireNonNull(value, "api key hash");
        if (!SHA_256_HEX.matcher(value).matches()) {
            throw new IllegalArgumentException("an API key hash is 64 lower-case hex digits");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
