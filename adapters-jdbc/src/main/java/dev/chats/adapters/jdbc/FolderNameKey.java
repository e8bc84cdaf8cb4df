package dev.chats.adapters.jdbc;

import dev.chats.domain.search.FolderNames;

/** The stored form of {@link FolderNames#key}: the {@code folder.name_key} column sibling checks look up. */
final class FolderNameKey {

    /** Long enough for any lower-cased 255-character name; short enough for MariaDB's index key limit. */
    static final int LENGTH = 512;

    private FolderNameKey() {
    }

    static String of(String name) {
        String key = FolderNames.key(name);
        return key.length() <= LENGTH ? key : key.substring(0, LENGTH);
    }
}
