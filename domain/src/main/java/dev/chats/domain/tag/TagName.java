package dev.chats.domain.tag;

import java.util.Locale;
import java.util.Objects;

/**
 * A tag as a user typed it, with its normalised id: spaces become {@code _} and letters lower case, as Open WebUI
 * normalises ({@code "My Tag"} → {@code my_tag}). Blank names and the reserved {@code none} (which means "no tags"
 * in search) are rejected.
 */
public record TagName(String display, String id) {

    public static final int MAX_LENGTH = 255;
    public static final String RESERVED_ID = "none";

    public TagName {
        Objects.requireNonNull(display, "display");
        Objects.requireNonNull(id, "id");
    }

    /** Parses a tag name typed by a user. */
    public static TagName of(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidTagNameException("Tag name cannot be empty");
        }
        if (name.length() > MAX_LENGTH) {
            throw new InvalidTagNameException("Tag name cannot be longer than " + MAX_LENGTH + " characters");
        }
        String id = normalise(name);
        if (RESERVED_ID.equals(id)) {
            throw new InvalidTagNameException("Tag name cannot be 'None'");
        }
        return new TagName(name, id);
    }

    /** The normalised id of any tag text (the rule alone, without validation). */
    public static String normalise(String name) {
        return name.replace(" ", "_").toLowerCase(Locale.ROOT);
    }

    /** The display name Open WebUI's import gives a tag known only by its id: {@code my_tag} → {@code My Tag}. */
    public static String capitalisedWords(String id) {
        StringBuilder display = new StringBuilder();
        String[] words = id.split("_", -1);
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                display.append(' ');
            }
            String word = words[i];
            if (!word.isEmpty()) {
                display.append(word.substring(0, 1).toUpperCase(Locale.ROOT))
                        .append(word.substring(1).toLowerCase(Locale.ROOT));
            }
        }
        return display.toString();
    }
}
