package dev.chats.domain.share;

import dev.chats.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ShareAccessTest {

    private final UserId owner = new UserId("owner");
    private final UserId friend = new UserId("friend");
    private final UserId stranger = new UserId("stranger");

    private static AccessGrant grant(AccessGrant.Principal type, String principal) {
        return new AccessGrant("g", type, principal, AccessGrant.Access.READ);
    }

    @Test
    void givenNoGrants_anyoneMayOpen() {
        assertThat(ShareAccess.mayOpen(stranger, owner, List.of())).isTrue();
    }

    @Test
    void givenUserGrant_onlyOwnerAndGranteeMayOpen() {
        List<AccessGrant> grants = List.of(grant(AccessGrant.Principal.USER, "friend"));
        assertThat(ShareAccess.mayOpen(owner, owner, grants)).isTrue();
        assertThat(ShareAccess.mayOpen(friend, owner, grants)).isTrue();
        assertThat(ShareAccess.mayOpen(stranger, owner, grants)).isFalse();
    }

    @Test
    void givenEveryoneGrant_anyoneMayOpen_andGroupGrantsAdmitNoUser() {
        assertThat(ShareAccess.mayOpen(stranger, owner,
                List.of(grant(AccessGrant.Principal.USER, AccessGrant.EVERYONE)))).isTrue();
        assertThat(ShareAccess.mayOpen(stranger, owner,
                List.of(grant(AccessGrant.Principal.GROUP, "stranger")))).isFalse();
    }

    @Test
    void readingTheChatById_needsAGrantNamingTheReaderOrEveryone_notAPlainLinkShare() {
        assertThat(ShareAccess.mayReadChat(stranger, List.of())).isFalse();
        assertThat(ShareAccess.mayReadChat(friend, List.of(grant(AccessGrant.Principal.USER, "friend")))).isTrue();
        assertThat(ShareAccess.mayReadChat(stranger, List.of(grant(AccessGrant.Principal.USER, "friend")))).isFalse();
        assertThat(ShareAccess.mayReadChat(stranger,
                List.of(grant(AccessGrant.Principal.USER, AccessGrant.EVERYONE)))).isTrue();
        assertThat(ShareAccess.mayReadChat(stranger, List.of(grant(AccessGrant.Principal.GROUP, "stranger"))))
                .isFalse();
    }
}
