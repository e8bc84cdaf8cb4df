package dev.chats.domain.chat;

import dev.chats.domain.folder.FolderId;
import dev.chats.domain.tag.TagName;
import dev.chats.domain.user.UserId;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

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

    /**
     * The query's filters, one criterion each, in a fixed order (owner first, the text search last): what a store
     * translates. Tags are in their natural order, so equal queries give equal criteria.
     */
    public List<ChatCriterion> criteria() {
        List<ChatCriterion> criteria = new ArrayList<>();
        owner.ifPresent(o -> criteria.add(new ChatCriterion.OwnedBy(o)));
        if (archived != Flag.ANY) {
            criteria.add(new ChatCriterion.Archived(archived == Flag.ONLY_TRUE));
        }
        if (pinned != Flag.ANY) {
            criteria.add(new ChatCriterion.Pinned(pinned == Flag.ONLY_TRUE));
        }
        if (folder.onlyRoot()) {
            criteria.add(new ChatCriterion.InRootFolder());
        }
        folder.folderSet().ifPresent(folders -> criteria.add(new ChatCriterion.InFolders(folders)));
        titleContains.ifPresent(text -> criteria.add(new ChatCriterion.TitleContains(text)));
        if (shared != Flag.ANY) {
            criteria.add(new ChatCriterion.Shared(shared == Flag.ONLY_TRUE));
        }
        new TreeSet<>(allTags).forEach(tag -> criteria.add(new ChatCriterion.CarriesTag(tag)));
        if (untagged) {
            criteria.add(new ChatCriterion.Untagged());
        }
        textContains.ifPresent(text -> criteria.add(new ChatCriterion.TextContains(text)));
        return criteria;
    }

    /** Whether a chat meets every criterion of this query (paging and order aside): the rule the stores implement. */
    public boolean matches(Chat chat) {
        ChatCriterion.Visitor<Boolean> rule = new Matcher(chat);
        return criteria().stream().allMatch(criterion -> criterion.accept(rule));
    }

    /** Each criterion decided for one chat in memory. */
    private static final class Matcher implements ChatCriterion.Visitor<Boolean> {

        private final Chat chat;
        private final Set<String> carried;

        Matcher(Chat chat) {
            this.chat = chat;
            this.carried = chat.tagIds().stream().map(TagName::normalise).collect(Collectors.toSet());
        }

        @Override
        public Boolean ownedBy(UserId owner) {
            return chat.isOwnedBy(owner);
        }

        @Override
        public Boolean archived(boolean archived) {
            return chat.archived() == archived;
        }

        @Override
        public Boolean pinned(boolean pinned) {
            return chat.pinned() == pinned;
        }

        @Override
        public Boolean inRootFolder() {
            return chat.folderId().isEmpty();
        }

        @Override
        public Boolean inFolders(Set<FolderId> folders) {
            return chat.folderId().map(folders::contains).orElse(false);
        }

        @Override
        public Boolean titleContains(String text) {
            return contains(chat.title(), text);
        }

        @Override
        public Boolean shared(boolean shared) {
            return chat.shareId().isPresent() == shared;
        }

        @Override
        public Boolean carriesTag(String tagId) {
            return carried.contains(tagId);
        }

        @Override
        public Boolean untagged() {
            return carried.isEmpty();
        }

        @Override
        public Boolean textContains(String text) {
            ChatDocument document = chat.storedDocument();
            return contains(chat.title(), text) || contains(document.legacyMessagesText(), text)
                    || document.messages().stream().anyMatch(m -> contains(m.contentText(), text));
        }
    }

    private static boolean contains(String text, String part) {
        return text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }
}
