package dev.chats.adapters.jdbc;

import dev.chats.domain.chat.ChatSortField;
import dev.chats.domain.share.AccessGrant;
import dev.chats.domain.user.Role;
import dev.chats.domain.vapi.VapiSession;

import java.util.function.Function;

/**
 * The names this adapter stores for domain values, and the columns lists sort by, spelled out here instead of taken
 * from the wire names: renaming a value on the wire must never change a column or what existing rows hold. Each
 * {@code switch} is exhaustive, so a new value does not compile until it has a stored name.
 */
final class StoredNames {

    private StoredNames() {
    }

    static String role(Role role) {
        return switch (role) {
            case ADMIN -> "admin";
            case USER -> "user";
            case PENDING -> "pending";
        };
    }

    static Role role(String stored) {
        return parse(Role.class, StoredNames::role, stored, "user role");
    }

    static String principal(AccessGrant.Principal principal) {
        return switch (principal) {
            case USER -> "user";
            case GROUP -> "group";
        };
    }

    static AccessGrant.Principal principal(String stored) {
        return parse(AccessGrant.Principal.class, StoredNames::principal, stored, "share grant principal type");
    }

    static String access(AccessGrant.Access access) {
        return switch (access) {
            case READ -> "read";
            case WRITE -> "write";
        };
    }

    static AccessGrant.Access access(String stored) {
        return parse(AccessGrant.Access.class, StoredNames::access, stored, "share grant permission");
    }

    static String status(VapiSession.Status status) {
        return switch (status) {
            case ACTIVE -> "active";
            case COMPLETED -> "completed";
        };
    }

    static VapiSession.Status status(String stored) {
        return parse(VapiSession.Status.class, StoredNames::status, stored, "Vapi session status");
    }

    /** The column of {@code chat} and {@code chat_share} that a list ordered by {@code field} sorts on. */
    static String sortColumn(ChatSortField field) {
        return switch (field) {
            case UPDATED_AT -> "updated_at";
            case CREATED_AT -> "created_at";
            case TITLE -> "title";
        };
    }

    /** The value stored as {@code stored}; a name this build does not know means the row was not written by it. */
    private static <E extends Enum<E>> E parse(Class<E> type, Function<E, String> names, String stored, String what) {
        for (E value : type.getEnumConstants()) {
            if (names.apply(value).equals(stored)) {
                return value;
            }
        }
        throw new IllegalStateException("unknown " + what + " stored: " + stored);
    }
}
