package dev.chats.domain.share;

import dev.chats.domain.user.UserId;

import java.util.List;

/**
 * The rule of who may open a share: its owner always; anyone else while the share has no grants (a link share,
 * as before grants existed), or when a grant names them or every user. A share restricted to other users is, to
 * everyone else, a share that does not exist. Reading the chat itself by its id ({@link #mayReadChat}) needs more:
 * a grant naming the reader or every user, as Open WebUI's newest router asks; a plain link share opens only the
 * snapshot.
 */
public final class ShareAccess {

    private ShareAccess() {
    }

    public static boolean mayOpen(UserId reader, UserId owner, List<AccessGrant> grants) {
        if (reader.equals(owner) || grants.isEmpty()) {
            return true;
        }
        return grants.stream().anyMatch(grant -> grant.admits(reader.value()));
    }

    /** Whether a grant on the owner's chat lets {@code reader}, who is not its owner, read the chat by its id. */
    public static boolean mayReadChat(UserId reader, List<AccessGrant> grants) {
        return grants.stream().anyMatch(grant -> grant.admits(reader.value()));
    }
}
