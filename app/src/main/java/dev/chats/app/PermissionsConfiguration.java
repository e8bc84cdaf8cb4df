package dev.chats.app;

import dev.chats.domain.permission.Permission;
import dev.chats.domain.permission.PermissionPolicy;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.util.EnumSet;
import java.util.Set;

/** Builds the permission policy from {@code chats.permissions.*}, {@code chats.admin.*} and {@code chats.sharing.*}. */
@Factory
final class PermissionsConfiguration {

    @Singleton
    PermissionPolicy permissionPolicy(ChatPermissionSettings users, AdminSettings admins, SharingSettings sharing) {
        Set<Permission> granted = EnumSet.noneOf(Permission.class);
        if (users.delete()) {
            granted.add(Permission.CHAT_DELETE);
        }
        if (users.edit()) {
            granted.add(Permission.CHAT_EDIT);
        }
        if (users.share()) {
            granted.add(Permission.CHAT_SHARE);
        }
        if (users.export()) {
            granted.add(Permission.CHAT_EXPORT);
        }
        return new PermissionPolicy(granted, admins.chatAccess(), admins.export(), sharing.community());
    }
}
