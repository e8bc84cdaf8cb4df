package dev.chats.domain.search;

import java.util.Locale;

/**
 * How folder names compare: runs of whitespace and underscores count as one space, case is ignored, and nothing
 * is a wildcard, so {@code folder:my_folder} finds "My Folder".
 */
public final class FolderNames {

    private FolderNames() {
    }

    public static String normalise(String name) {
        return name.replaceAll("[\\s_]+", " ").strip().toLowerCase(Locale.ROOT);
    }

    /** Whether two folder names are the same name for uniqueness among siblings: case-insensitive, exact. */
    public static boolean sameName(String a, String b) {
        return key(a).equals(key(b));
    }

    /** What sibling names are compared by: the name stripped and lower-cased; stores index it. */
    public static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
