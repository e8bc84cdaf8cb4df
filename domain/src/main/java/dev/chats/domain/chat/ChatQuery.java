package dev.chats.domain.chat;

import dev.chats.domain.tag.TagName;
import dev.chats.domain.user.UserId;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a chat list or search asks the repository for. The repository filters, orders and pages in the database.
 *
 * @param owner         whose chats; empty for every user's (admin export)
 * @param archived      filter on {@code archived}
 * @param pinned        filter on {@code pinned}
 * @param folder        which folders
 * @param titleContains case-insensitive substring of the title, taken literally ({@code %} and {@code _} too)
 * @param order         the order; ties broken by id
 * @param page          the window
 * @param allTags       normalised tag ids every matching chat carries (ANDed); empty: no tag filter
 * @param untagged      only chats carrying no tag at all
 * @param shared        filter on having a share
 * @param textContains  case-insensitive substring, taken literally, of the title or of any message's content
 *                      (under {@code history.messages} or in the legacy {@code messages} list)
 */
public record ChatQuery(Optional<UserId> owner, Flag archived, Flag pinned, FolderScope folder,
                        Optional<String> titleContains, ChatOrder order, PageRequest page,
                        Set<String> allTags, boolean untagged, Flag shared, Optional<String> textContains) {

    public ChatQuery {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(archived, "archived");
        Objects.requireNonNull(pinned, "pinned");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(titleContains, "titleContains");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(shared, "shared");
        Objects.requireNonNull(textContains, "textContains");
        titleContains = titleContains.filter(t -> !t.isEmpty());
        textContains = textContains.filter(t -> !t.isEmpty());
        allTags = Set.copyOf(allTags);
        if (untagged && !allTags.isEmpty()) {
            throw new IllegalArgumentException("a chat cannot both carry tags and carry none");
        }
    }

    /** A list without tag, share or content filters. */
    public ChatQuery(Optional<UserId> owner, Flag archived, Flag pinned, FolderScope folder,
                     Optional<String> titleContains, ChatOrder order, PageRequest page) {
        this(owner, archived, pinned, folder, titleContains, order, page, Set.of(), false, Flag.ANY,
                Optional.empty());
    }

    /** Every chat of {@code owner}, most recent first, in the given window. */
    public static ChatQuery allOf(UserId owner, PageRequest page) {
        return new ChatQuery(Optional.of(owner), Flag.ANY, Flag.ANY, FolderScope.any(), Optional.empty(),
                ChatOrder.RECENT_FIRST, page);
    }

    public ChatQuery withPage(PageRequest newPage) {
        return new ChatQuery(owner, archived, pinned, folder, titleContains, order, newPage, allTags, untagged,
                shared, textContains);
    }

    public ChatQuery withArchived(Flag newArchived) {
        return new ChatQuery(owner, newArchived, pinned, folder, titleContains, order, page, allTags, untagged,
                shared, textContains);
    }

    public ChatQuery withPinned(Flag newPinned) {
        return new ChatQuery(owner, archived, newPinned, folder, titleContains, order, page, allTags, untagged,
                shared, textContains);
    }

    public ChatQuery withFolder(FolderScope newFolder) {
        return new ChatQuery(owner, archived, pinned, newFolder, titleContains, order, page, allTags, untagged,
                shared, textContains);
    }

    public ChatQuery withShared(Flag newShared) {
        return new ChatQuery(owner, archived, pinned, folder, titleContains, order, page, allTags, untagged,
                newShared, textContains);
    }

    /** Only chats carrying every one of these tag ids. */
    public ChatQuery withAllTags(Set<String> tagIds) {
        return new ChatQuery(owner, archived, pinned, folder, titleContains, order, page, tagIds, false, shared,
                textContains);
    }

    /** Only chats carrying no tag. */
    public ChatQuery untaggedOnly() {
        return new ChatQuery(owner, archived, pinned, folder, titleContains, order, page, Set.of(), true, shared,
                textContains);
    }

    public ChatQuery withTextContains(String text) {
        return new ChatQuery(owner, archived, pinned, folder, titleContains, order, page, allTags, untagged,
                shared, Optional.ofNullable(text));
    }

    /** Whether a chat matches every filter of this query (paging and order aside). */
    public boolean matches(Chat chat) {
        Set<String> carried = chat.tagIds().stream().map(TagName::normalise)
                .collect(java.util.stream.Collectors.toSet());
        return owner.map(chat::isOwnedBy).orElse(true)
                && archived.accepts(chat.archived())
                && pinned.accepts(chat.pinned())
                && shared.accepts(chat.shareId().isPresent())
                && folder.accepts(chat.folderId().orElse(null))
                && titleContains.map(t -> contains(chat.title(), t)).orElse(true)
                && carried.containsAll(allTags)
                && (!untagged || carried.isEmpty())
                && textContains.map(t -> contains(chat.title(), t)
                        || contains(chat.storedDocument().legacyMessagesText(), t)
                        || chat.storedDocument().messages().stream().anyMatch(m -> contains(m.contentText(), t)))
                .orElse(true);
    }

    private static boolean contains(String text, String part) {
        return text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }
}
