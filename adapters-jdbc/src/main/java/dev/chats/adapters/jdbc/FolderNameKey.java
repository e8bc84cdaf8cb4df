package dev.chats.adapters.jdbc;

import dev.chats.domain.folder.FolderId;
import dev.chats.domain.search.FolderNames;

/**
 * The {@code folder.sibling_key} column: the parent and the name as siblings compare it ({@link FolderNames#key}),
 * unique per owner, so the database itself refuses a second sibling of one name. The parent is part of the key
 * (length-prefixed, so no parent id and name can run into each other) because SQL unique indexes let NULL parents
 * repeat.
 */
final class FolderNameKey {

    /** A parent id (at most 64) and a lower-cased 255-character name fit; MariaDB's index key limit is kept. */
    static final int LENGTH = 600;
    private static final int NAME_LENGTH = 512;

    private FolderNameKey() {
    }

    static String of(FolderId parent, String name) {
        String key = FolderNames.key(name);
        if (key.length() > NAME_LENGTH) {
            key = key.substring(0, NAME_LENGTH);
        }
        String level = parent == null ? "" : parent.value();
        return level.length() + ":" + level + ":" + key;
    }
}
