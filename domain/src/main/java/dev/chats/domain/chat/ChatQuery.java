package dev.chats.domain.chat;

import dev.chats.domain.user.UserId;

import java.util.Objects;
import java.util.Optional;

/**
 * What a chat list asks the repository for. The repository filters, orders and pages in the database.
 *
 * @param owner         whose chats; empty for every user's (admin export)
 * @param archived      filter on {@code archived}
 * @param pinned        filter on {@code pinned}
 * @param folder        which folders
 * @param titleContains case-insensitive substring of the title, taken literally ({@code %} and {@code _} too)
 * @param order         the order; ties broken by id
 * @param page          the window
 */
public record ChatQuery(Optional<UserId> owner, Flag archived, Flag pinned, FolderScope folder,
                        Optional<String> titleContains, ChatOrder order, PageRequest page) {

    public ChatQuery {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(archived, "archived");
        Objects.requireNonNull(pinned, "pinned");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(titleContains, "titleContains");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(page, "page");
        titleContains = titleContains.filter(t -> !t.isEmpty());
    }

    /** Every chat of {@code owner}, most recent first, in the given window. */
    public static ChatQuery allOf(UserId owner, PageRequest page) {
        return new ChatQuery(Optional.of(owner), Flag.ANY, Flag.ANY, FolderScope.any(), Optional.empty(),
                ChatOrder.RECENT_FIRST, page);
    }

    public ChatQuery withPage(PageRequest newPage) {
        return new ChatQuery(owner, archived, pinned, folder, titleContains, order, newPage);
    }

    /** Whether a chat matches every filter of this query (paging and order aside). */
    public boolean matches(Chat chat) {
        return owner.map(chat::isOwnedBy).orElse(true)
                && archived.accepts(chat.archived())
                && pinned.accepts(chat.pinned())
                && folder.accepts(chat.folderId().orElse(null))
                && titleContains.map(t -> chat.title().toLowerCase(java.util.Locale.ROOT)
                        .contains(t.toLowerCase(java.util.Locale.ROOT))).orElse(true);
    }
}
