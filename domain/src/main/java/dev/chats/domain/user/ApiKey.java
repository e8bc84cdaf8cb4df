package dev.chats.domain.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An API key ({@code sk-…}) as a client presents it or as it is issued. Only its {@link #hash()} and its
 * {@link #hint()} are ever stored: the key itself leaves the server once, in the answer that issues it.
 */
public record ApiKey(String value) {

    public static final String PREFIX = "sk-";
    /** Hex digits after the prefix of an issued key: Open WebUI's shape ({@code sk-} and 32 hex digits). */
    static final int RANDOM_HEX_DIGITS = 32;
    private static final int HINT_VISIBLE = 4;
    private static final SecureRandom RANDOM = new SecureRandom();

    public ApiKey {
        Objects.requireNonNull(value, "api key");
        if (!isKeyShaped(value)) {
            throw new IllegalArgumentException("an API key starts with " + PREFIX + " and has more after it");
        }
    }

    /** Whether a presented credential is meant as an API key rather than a session token: it starts with {@code sk-}. */
    public static boolean isKeyShaped(String credential) {
        return credential != null && credential.startsWith(PREFIX) && credential.length() > PREFIX.length();
    }

    /** A new key of 128 random bits from a cryptographically strong source. */
    public static ApiKey generate() {
        byte[] random = new byte[RANDOM_HEX_DIGITS / 2];
        RANDOM.nextBytes(random);
        return new ApiKey(PREFIX + HexFormat.of().formatHex(random));
    }

    /**
     * The SHA-256 of the key. A fast hash is enough here, unlike for passwords: the key is 128 random bits, so there
     * is no dictionary to try, and every request presenting a key pays for the hash.
     */
    public ApiKeyHash hash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return new ApiKeyHash(HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8))));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** What may be shown of the key later: its prefix and last four characters, the rest masked to its length. */
    public String hint() {
        int masked = Math.max(0, value.length() - PREFIX.length() - HINT_VISIBLE);
        return PREFIX + "*".repeat(masked) + value.substring(PREFIX.length() + masked);
    }

    /** The hint, never the key: a key must not reach a log through a string conversion. */
    @Override
    public String toString() {
        return hint();
    }
}
