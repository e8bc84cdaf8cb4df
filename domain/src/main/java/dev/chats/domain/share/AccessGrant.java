package dev.chats.domain.share;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may open a share besides its owner: one user ({@code *} meaning every user) or one group, for reading or
 * writing. Grants are Open WebUI's {@code access_grant} rows of resource type {@code shared_chat}, and of type
 * {@code folder} inside a {@link FolderGrant}.
 */
public record AccessGrant(String id, Principal principalType, String principalId, Access permission) {

    /** The principal id of a grant to every signed-in user. */
    public static final String EVERYONE = "*";

    /** The longest principal id kept. */
    public static final int MAX_PRINCIPAL_ID_LENGTH = 255;

    public AccessGrant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(principalType, "principalType");
        Objects.requireNonNull(principalId, "principalId");
        Objects.requireNonNull(permission, "permission");
        if (principalId.isEmpty() || principalId.length() > MAX_PRINCIPAL_ID_LENGTH) {
            throw new IllegalArgumentException("principal id must be 1.." + MAX_PRINCIPAL_ID_LENGTH + " characters");
        }
    }

    /** Whether this grant lets {@code reader} open the share (any permission includes reading). */
    public boolean admits(String readerId) {
        return principalType == Principal.USER && (principalId.equals(EVERYONE) || principalId.equals(readerId));
    }

    /** Whether this grant opens the share to every user. */
    public boolean isPublic() {
        return principalType == Principal.USER && principalId.equals(EVERYONE);
    }

    /** Kinds of principal, by their wire name. */
    public enum Principal {
        USER, GROUP;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Principal> fromWire(String name) {
            return Arrays.stream(values()).filter(p -> p.wireName().equals(name)).findFirst();
        }
    }

    /** What a grant allows, by its wire name. */
    public enum Access {
        READ, WRITE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Access> fromWire(String name) {
            return Arrays.stream(values()).filter(p -> p.wireName().equals(name)).findFirst();
        }
    }
}
