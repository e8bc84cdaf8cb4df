package dev.chats.domain.search;

import dev.chats.domain.tag.TagName;
import dev.chats.domain.text.StorableText;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The search box grammar of Open WebUI: words {@code tag:x} (ANDed; {@code tag:none} = no tags), {@code folder:x}
 * (the folder and its subfolders; {@code _} equals a space), {@code pinned:}, {@code archived:} and
 * {@code shared:} ({@code true}/{@code false}) are filters; the other words form one case-insensitive phrase
 * matched literally against titles and message content. Without an {@code archived:} filter archived chats are
 * excluded.
 */
public record SearchQuery(String phrase, Set<String> tagIds, boolean untagged, List<String> folderNames,
                          Optional<Boolean> pinned, Optional<Boolean> archived, Optional<Boolean> shared) {

    public SearchQuery {
        tagIds = Set.copyOf(new LinkedHashSet<>(tagIds));
        folderNames = List.copyOf(folderNames);
    }

    public static SearchQuery parse(String text) {
        String cleaned = StorableText.clean(text).toLowerCase(Locale.ROOT).strip();
        Set<String> tags = new LinkedHashSet<>();
        boolean untagged = false;
        List<String> folders = new ArrayList<>();
        Optional<Boolean> pinned = Optional.empty();
        Optional<Boolean> archived = Optional.empty();
        Optional<Boolean> shared = Optional.empty();
        List<String> words = new ArrayList<>();
        for (String word : cleaned.isEmpty() ? new String[0] : cleaned.split("\\s+")) {
            if (word.startsWith("tag:")) {
                String id = TagName.normalise(word.substring(4));
                if (TagName.RESERVED_ID.equals(id)) {
                    untagged = true;
                } else if (!id.isEmpty()) {
                    tags.add(id);
                }
            } else if (word.startsWith("folder:")) {
                // Kept even when empty: a name that matches no folder must match no chat, not lift the filter.
                folders.add(FolderNames.normalise(word.substring(7)));
            } else if (word.startsWith("pinned:")) {
                pinned = flag(pinned, word.substring(7));
            } else if (word.startsWith("archived:")) {
                archived = flag(archived, word.substring(9));
            } else if (word.startsWith("shared:")) {
                shared = flag(shared, word.substring(7));
            } else {
                words.add(word);
            }
        }
        return new SearchQuery(String.join(" ", words), untagged ? Set.of() : tags, untagged, folders, pinned,
                archived, shared);
    }

    /**
     * The filter after one more word of its kind: an invalid value changes nothing, and {@code true} wins over
     * {@code false} as in Open WebUI, which looks for {@code x:true} first.
     */
    private static Optional<Boolean> flag(Optional<Boolean> current, String value) {
        Optional<Boolean> parsed = bool(value);
        return parsed.isEmpty() || current.orElse(false) ? current : parsed;
    }

    private static Optional<Boolean> bool(String value) {
        return switch (value) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** Whether the phrase is empty: only filters, or nothing at all. */
    public boolean hasPhrase() {
        return !phrase.isEmpty();
    }

    /** The text is exactly one {@code tag:x} word: Open WebUI then forgets the tag if nothing carries it. */
    public Optional<String> singleTagOnly() {
        if (!hasPhrase() && !untagged && tagIds.size() == 1 && folderNames.isEmpty() && pinned.isEmpty()
                && archived.isEmpty() && shared.isEmpty()) {
            return Optional.of(tagIds.iterator().next());
        }
        return Optional.empty();
    }
}
