package dev.chats.domain.share;

import dev.chats.domain.user.UserId;

import java.util.Collection;
import java.util.Optional;

/**
 * The rule of what a user who does not own a folder may do with it: the highest permission among the grants that
 * name the user or every user, on the folder or on any folder above it (a shared folder shares its subfolders). Group
 * grants admit no one, since this server has no groups. Writing only widens what the folder's page offers; the
 * chats in it stay their owners' to change.
 */
public final class FolderShareAccess {

    private FolderShareAccess() {
    }

    /** The permission these grants (on the folder and its ancestors) give {@code reader}, or empty. */
    public static Optional<AccessGrant.Access> permissionOf(UserId reader, Collection<FolderGrant> grants) {
        return highest(grants.stream().map(FolderGrant::grant)
                .filter(grant -> grant.admits(reader.value()))
                .map(AccessGrant::permission).toList());
    }

    /** The higher of the permissions: write includes read. */
    public static Optional<AccessGrant.Access> highest(Collection<AccessGrant.Access> permissions) {
        if (permissions.contains(AccessGrant.Access.WRITE)) {
            return Optional.of(AccessGrant.Access.WRITE);
        }
        return permissions.isEmpty() ? Optional.empty() : Optional.of(AccessGrant.Access.READ);
    }
}
