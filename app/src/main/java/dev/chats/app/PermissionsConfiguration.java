package dev.chats.app;

import dev.chats.domain.permission.Permission;
import dev.chats.domain.permission.PermissionPolicy;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.EnumSet;
import java.util.Set;

/** Builds the permission policy from {@code chats.permissions.*} and {@code chats.admin.*}. */
@Factory
final class PermissionsConfiguration {

    @Singleton
    PermissionPolicy permissionPolicy(@Value("${chats.permissions.chat.delete:true}") boolean delete,
                                      @Value("${chats.permissions.chat.edit:true}") boolean edit,
                                      @Value("${chats.permissions.chat.share:true}") boolean share,
                                      @Value("${chats.permissions.chat.export:true}") boolean export,
                                      @Value("${chats.admin.chat-access:true}") boolean adminChatAccess,
                                      @Value("${chats.admin.export:true}") boolean adminExport) {
        Set<Permission> granted = EnumSet.noneOf(Permission.class);
        if (delete) {
            granted.add(Permission.CHAT_DELETE);
        }
        if (edit) {
            granted.add(Permission.CHAT_EDIT);
        }
        if (share) {
            granted.add(Permission.CHAT_SHARE);
        }
        if (export) {
            granted.add(Permission.CHAT_EXPORT);
        }
        return new PermissionPolicy(granted, adminChatAccess, adminExport);
    }
}
