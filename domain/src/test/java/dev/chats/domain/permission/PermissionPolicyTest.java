package dev.chats.domain.permission;

import dev.chats.domain.user.EmailAddress;
import dev.chats.domain.user.Role;
import dev.chats.domain.user.User;
import dev.chats.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PermissionPolicyTest {

    private static User user(Role role) {
        return new User(new UserId("u-" + role), "N", new EmailAddress(role + "@example.com"), role, "hash",
                User.DEFAULT_PROFILE_IMAGE_URL, 1, 1);
    }

    @Test
    void givenPermissionGrantedByDefault_user_isAllowed() {
        PermissionPolicy policy = new PermissionPolicy(EnumSet.of(Permission.CHAT_DELETE), true, true);

        assertThat(policy.allows(user(Role.USER), Permission.CHAT_DELETE)).isTrue();
        assertThat(policy.allows(user(Role.USER), Permission.CHAT_SHARE)).isFalse();
    }

    @Test
    void givenNoDefaultPermissions_admin_passesEveryCheck() {
        PermissionPolicy policy = new PermissionPolicy(Set.of(), false, false);

        for (Permission permission : Permission.values()) {
            assertThat(policy.allows(user(Role.ADMIN), permission)).isTrue();
            assertThat(policy.allows(user(Role.USER), permission)).isFalse();
        }
    }

    @Test
    void givenAdminFlags_onlyAdmins_mayAccessOthersChatsAndExport() {
        PermissionPolicy on = PermissionPolicy.openByDefault();
        PermissionPolicy off = new PermissionPolicy(EnumSet.allOf(Permission.class), false, false);

        assertThat(on.mayAccessOthersChats(user(Role.ADMIN))).isTrue();
        assertThat(on.mayExportAllChats(user(Role.ADMIN))).isTrue();
        assertThat(on.mayAccessOthersChats(user(Role.USER))).isFalse();
        assertThat(on.mayExportAllChats(user(Role.USER))).isFalse();
        assertThat(off.mayAccessOthersChats(user(Role.ADMIN))).isFalse();
        assertThat(off.mayExportAllChats(user(Role.ADMIN))).isFalse();
    }

    @Test
    void permissionKeys_matchOpenWebUiNames() {
        assertThat(Permission.CHAT_DELETE.key()).isEqualTo("chat.delete");
        assertThat(Permission.CHAT_SHARE.key()).isEqualTo("chat.share");
        assertThat(Permission.CHAT_EXPORT.key()).isEqualTo("chat.export");
        assertThat(Permission.CHAT_EDIT.key()).isEqualTo("chat.edit");
    }

    @Test
    void statisticsExport_isForEveryUserWithCommunitySharing_andOnlyForAdminsWithout() {
        PermissionPolicy sharing = new PermissionPolicy(EnumSet.allOf(Permission.class), true, true);
        PermissionPolicy closed = new PermissionPolicy(EnumSet.allOf(Permission.class), true, true, false);
        assertThat(sharing.mayExportStatistics(user(Role.USER))).isTrue();
        assertThat(closed.mayExportStatistics(user(Role.USER))).isFalse();
        assertThat(closed.mayExportStatistics(user(Role.ADMIN))).isTrue();
    }
}
