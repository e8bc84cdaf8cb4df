package dev.chats.adapters.rest.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import dev.chats.domain.port.PasswordHasher;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;

/**
 * Password adapter: bcrypt, writing {@code $2b$} hashes as Open WebUI (passlib/bcrypt) does, so user tables move
 * between the two unchanged.
 */
@Singleton
public final class BcryptPasswordHasher implements PasswordHasher {

    /** bcrypt uses only this many bytes of a password. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private final int cost;
    private final BCrypt.Hasher hasher = BCrypt.with(BCrypt.Version.VERSION_2B,
            LongPasswordStrategies.strict(BCrypt.Version.VERSION_2B));
    // Verification truncates instead of refusing, so an over-long attempt costs the same time as any other.
    private final BCrypt.Verifyer verifyer = BCrypt.verifyer(null,
            LongPasswordStrategies.truncate(BCrypt.Version.VERSION_2B));

    public BcryptPasswordHasher(PasswordSettings settings) {
        this.cost = settings.bcryptCost();
    }

    /**
     * @throws IllegalArgumentException if the password is longer than {@link #MAX_PASSWORD_BYTES}: bcrypt would
     *                                  silently ignore the rest
     */
    @Override
    public String hash(String password) {
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("password longer than " + MAX_PASSWORD_BYTES + " bytes");
        }
        return hasher.hashToString(cost, password.toCharArray());
    }

    @Override
    public boolean matches(String password, String hash) {
        boolean tooLong = password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES;
        boolean verified;
        try {
            verified = verifyer.verify(password.toCharArray(), hash).verified;
        } catch (IllegalArgumentException e) {
            // A stored value that is not a bcrypt hash matches nothing; it must not fail the sign-in with a 500.
            return false;
        }
        // No stored password is longer than 72 bytes, so a longer attempt is wrong even if its prefix matches.
        return verified && !tooLong;
    }
}
