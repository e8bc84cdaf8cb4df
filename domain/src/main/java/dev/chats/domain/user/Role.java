package dev.chats.domain.user;

import java.util.Locale;
import java.util.Optional;

/** A user's role: admins pass every permission check, pending users may not use the API yet. */
public enum Role {
    ADMIN, USER, PENDING;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromWire(String name) {
        for (Role role : values()) {
            if (role.wireName().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** Verified users ({@code user} or {@code admin}) may use the chat API. */
    public boolean isVerified() {
        return this != PENDING;
    }
}
