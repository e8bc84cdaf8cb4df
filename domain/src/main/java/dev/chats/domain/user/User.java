package dev.chats.domain.user;

import java.util.Objects;

/**
 * Aggregate root: a person who signs in and owns chats.
 *
 * @param passwordHash       the hash the password hasher produced; never the password
 * @param credentialsVersion how many times the password was changed: a session token carries the version it was
 *                           issued under, and one issued under an older version is void
 */
public record User(UserId id, String name, EmailAddress email, Role role, String passwordHash,
                   String profileImageUrl, long createdAt, long updatedAt, long credentialsVersion) {

    public static final int MAX_NAME_LENGTH = 255;
    public static final String DEFAULT_PROFILE_IMAGE_URL = "/user.png";

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(profileImageUrl, "profileImageUrl");
        if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("name must be 1.." + MAX_NAME_LENGTH + " characters");
        }
        if (credentialsVersion < 0) {
            throw new IllegalArgumentException("credentialsVersion must not be negative");
        }
    }

    /** A user whose password was never changed. */
    public User(UserId id, String name, EmailAddress email, Role role, String passwordHash, String profileImageUrl,
                long createdAt, long updatedAt) {
        this(id, name, email, role, passwordHash, profileImageUrl, createdAt, updatedAt, 0L);
    }

    /** Whether a session token issued under {@code tokenCredentialsVersion} is still good for this user. */
    public boolean acceptsTokensOf(long tokenCredentialsVersion) {
        return tokenCredentialsVersion >= credentialsVersion;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** The user minus what must never leave the server. */
    @Override
    public String toString() {
        return "User[" + id + ", " + email.value() + ", " + role + "]";
    }
}
