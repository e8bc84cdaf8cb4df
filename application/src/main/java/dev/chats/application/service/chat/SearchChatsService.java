package dev.chats.application.service.chat;

import dev.chats.application.port.in.chat.SearchChatsUseCase;
import dev.chats.domain.chat.ChatOrder;
import dev.chats.domain.chat.ChatQuery;
import dev.chats.domain.chat.ChatSummary;
import dev.chats.domain.chat.Flag;
import dev.chats.domain.chat.FolderScope;
import dev.chats.domain.chat.PageRequest;
import dev.chats.domain.folder.Folder;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.folder.FolderTree;
import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.port.FolderRepository;
import dev.chats.domain.port.TagRepository;
import dev.chats.domain.search.FolderNames;
import dev.chats.domain.search.SearchQuery;
import dev.chats.domain.user.User;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Search: the parsed search box becomes one database query over titles, message content, tags and flags. */
public final class SearchChatsService implements SearchChatsUseCase {

    private final ChatRepository chats;
    private final FolderRepository folders;
    private final TagRepository tags;

    public SearchChatsService(ChatRepository chats, FolderRepository folders, TagRepository tags) {
        this.chats = chats;
        this.folders = folders;
        this.tags = tags;
    }

    @Override
    public List<ChatSummary> search(User actor, String text, long page) {
        SearchQuery search = SearchQuery.parse(text);
        ChatQuery query = new ChatQuery(Optional.of(actor.id()),
                search.archived().map(SearchChatsService::flag).orElse(Flag.ONLY_FALSE),
                search.pinned().map(SearchChatsService::flag).orElse(Flag.ANY),
                folderScope(actor, search.folderNames()), Optional.empty(), ChatOrder.RECENT_FIRST,
                PageRequest.ofPage(page, PAGE_SIZE))
                .withShared(search.shared().map(SearchChatsService::flag).orElse(Flag.ANY))
                .withTextContains(search.phrase());
        if (search.untagged()) {
            query = query.untaggedOnly();
        } else if (!search.tagIds().isEmpty()) {
            query = query.withAllTags(search.tagIds());
        }
        List<ChatSummary> found = chats.findSummaries(query);
        if (page == 1 && found.isEmpty()) {
            search.singleTagOnly().ifPresent(tagId -> tags.deleteUncarried(actor.id(), List.of(tagId)));
        }
        return found;
    }

    /** The named folders with their subfolders; names that match no folder leave nothing to match. */
    private FolderScope folderScope(User actor, List<String> names) {
        if (names.isEmpty()) {
            return FolderScope.any();
        }
        List<Folder> owned = folders.findAllOwnedBy(actor.id());
        FolderTree tree = new FolderTree(owned);
        Set<FolderId> ids = new LinkedHashSet<>();
        for (Folder folder : owned) {
            if (names.contains(FolderNames.normalise(folder.name()))) {
                ids.addAll(tree.subtree(folder.id()));
            }
        }
        return FolderScope.in(ids);
    }

    private static Flag flag(boolean value) {
        return value ? Flag.ONLY_TRUE : Flag.ONLY_FALSE;
    }
}
