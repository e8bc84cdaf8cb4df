package dev.chats.domain.text;

/**
 * The one rule for text no store can keep: U+0000 (PostgreSQL's text types refuse it) and unpaired surrogate halves
 * (UTF-8, which every store writes, cannot encode them; drivers would turn them into {@code ?}) are removed from
 * every text a client sends, as Open WebUI strips them before it writes. Everything else is kept as sent.
 */
public final class StorableText {

    private StorableText() {
    }

    /** The text without the characters no store can keep; the same instance when there are none. */
    public static String clean(String text) {
        int first = firstUnstorable(text);
        if (first < 0) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                kept.append(c).append(text.charAt(++i));
            } else if (c != '\u0000' && !Character.isSurrogate(c)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    /** Whether every character of the text can be stored as it is. */
    public static boolean isStorable(String text) {
        return firstUnstorable(text) < 0;
    }

    private static int firstUnstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return i;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
