package dev.chats.domain.permission;

import dev.chats.domain.user.User;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who may do what: admins pass every check; other users get the configured default permissions. The admin
 * flags decide whether admins may read others' chats and export the whole database; community sharing whether
 * users other than admins may export their chat statistics.
 */
public final class PermissionPolicy {

    private final Set<Permission> defaultGranted;
    private final boolean adminChatAccess;
    private final boolean adminExport;
    private final boolean communitySharing;

    /** With community sharing on, as Open WebUI's default. */
    public PermissionPolicy(Set<Permission> defaultGranted, boolean adminChatAccess, boolean adminExport) {
        this(defaultGranted, adminChatAccess, adminExport, true);
    }

    public PermissionPolicy(Set<Permission> defaultGranted, boolean adminChatAccess, boolean adminExport,
                            boolean communitySharing) {
        this.defaultGranted = defaultGranted.isEmpty() ? EnumSet.noneOf(Permission.class)
                : EnumSet.copyOf(defaultGranted);
        this.adminChatAccess = adminChatAccess;
        this.adminExport = adminExport;
        this.communitySharing = communitySharing;
    }

    /** Every permission granted, both admin flags on: Open WebUI's defaults. */
    public static PermissionPolicy openByDefault() {
        return new PermissionPolicy(EnumSet.allOf(Permission.class), true, true);
    }

    public boolean allows(User user, Permission permission) {
        return user.isAdmin() || defaultGranted.contains(permission);
    }

    /** Whether this user may read and delete chats of other users. */
    public boolean mayAccessOthersChats(User user) {
        return user.isAdmin() && adminChatAccess;
    }

    /** Whether this user may export every chat in the database. */
    public boolean mayExportAllChats(User user) {
        return user.isAdmin() && adminExport;
    }

    /** Whether this user may export the statistics of their chats (Open WebUI gates it by community sharing). */
    public boolean mayExportStatistics(User user) {
        return user.isAdmin() || communitySharing;
    }
}
