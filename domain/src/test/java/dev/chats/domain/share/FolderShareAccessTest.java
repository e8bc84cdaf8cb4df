package dev.chats.domain.share;

import dev.chats.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FolderShareAccessTest {

    private static final UserId READER = new UserId("u-reader");

    @Test
    void noGrantNamingTheReader_givesNothing_andGroupGrantsAdmitNoOne() {
        assertThat(FolderShareAccess.permissionOf(READER, List.of())).isEmpty();
        assertThat(FolderShareAccess.permissionOf(READER, List.of(
                grant(AccessGrant.Principal.USER, "u-other", AccessGrant.Access.WRITE),
                grant(AccessGrant.Principal.GROUP, READER.value(), AccessGrant.Access.WRITE)))).isEmpty();
    }

    @Test
    void grantsNamingTheReaderOrEveryone_giveTheHighestPermissionAmongThem() {
        assertThat(FolderShareAccess.permissionOf(READER, List.of(
                grant(AccessGrant.Principal.USER, AccessGrant.EVERYONE, AccessGrant.Access.READ))))
                .contains(AccessGrant.Access.READ);
        assertThat(FolderShareAccess.permissionOf(READER, List.of(
                grant(AccessGrant.Principal.USER, READER.value(), AccessGrant.Access.READ),
                grant(AccessGrant.Principal.USER, AccessGrant.EVERYONE, AccessGrant.Access.WRITE))))
                .contains(AccessGrant.Access.WRITE);
    }

    private static FolderGrant grant(AccessGrant.Principal type, String principal, AccessGrant.Access permission) {
        return new FolderGrant(new AccessGrant("g", type, principal, permission), 1);
    }
}
