package dev.chats.adapters.mongo;

import dev.chats.domain.share.AccessGrant;
import dev.chats.domain.user.Role;
import dev.chats.domain.vapi.VapiSession;

/**
 * The values this adapter stores for the domain's enumerations, spelled out here rather than taken from their wire
 * names: renaming a name on the wire must not change a stored value, or documents already stored would no longer
 * read. Each {@code switch} is exhaustive, so a new constant fails to compile until it is given a stored value.
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
        for (Role role : Role.values()) {
            if (role(role).equals(stored)) {
                return role;
            }
        }
        throw unknown("role of a user", stored);
    }

    static String principal(AccessGrant.Principal principal) {
        return switch (principal) {
            case USER -> "user";
            case GROUP -> "group";
        };
    }

    static AccessGrant.Principal principal(String stored) {
        for (AccessGrant.Principal principal : AccessGrant.Principal.values()) {
            if (principal(principal).equals(stored)) {
                return principal;
            }
        }
        throw unknown("principal type of a share grant", stored);
    }

    static String access(AccessGrant.Access access) {
        return switch (access) {
            case READ -> "read";
            case WRITE -> "write";
        };
    }

    static AccessGrant.Access access(String stored) {
        for (AccessGrant.Access access : AccessGrant.Access.values()) {
            if (access(access).equals(stored)) {
                return access;
            }
        }
        throw unknown("permission of a share grant", stored);
    }

    static String status(VapiSession.Status status) {
        return switch (status) {
            case ACTIVE -> "active";
            case COMPLETED -> "completed";
        };
    }

    static VapiSession.Status status(String stored) {
        for (VapiSession.Status status : VapiSession.Status.values()) {
            if (status(status).equals(stored)) {
                return status;
            }
        }
        throw unknown("status of a Vapi session", stored);
    }

    private static IllegalStateException unknown(String what, String stored) {
        return new IllegalStateException("unknown " + what + " stored: " + stored);
    }
}
