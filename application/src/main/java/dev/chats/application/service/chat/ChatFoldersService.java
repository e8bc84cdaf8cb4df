package dev.chats.application.service.chat;

import dev.chats.application.service.folder.FolderAccess;
import dev.chats.application.port.in.chat.ChatFoldersUseCase;
import dev.chats.application.service.chat.VersionedWrite.Stored;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.ChatOrder;
import dev.chats.domain.chat.ChatQuery;
import dev.chats.domain.chat.ChatSummary;
import dev.chats.domain.chat.Flag;
import dev.chats.domain.chat.FolderScope;
import dev.chats.domain.chat.PageRequest;
import dev.chats.domain.chat.event.ChatMoved;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.folder.FolderTree;
import dev.chats.domain.permission.PermissionPolicy;
import dev.chats.domain.port.ChatEvents;
import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.port.Clock;
import dev.chats.domain.port.FolderRepository;
import dev.chats.domain.user.User;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Chats and folders: filing a chat, and the chat lists of a folder. */
public final class ChatFoldersService implements ChatFoldersUseCase {

    private final ChatRepository chats;
    private final FolderRepository folders;
    private final FolderAccess ownedFolders;
    private final ChatAccess access;
    private final Clock clock;
    private final ChatEvents events;

    public ChatFoldersService(ChatRepository chats, FolderRepository folders, PermissionPolicy policy, Clock clock,
                              ChatEvents events) {
        this.chats = chats;
        this.folders = folders;
        this.ownedFolders = new FolderAccess(folders);
        this.access = new ChatAccess(chats, policy);
        this.clock = clock;
        this.events = events;
    }

    @Override
    public Chat moveToFolder(User actor, ChatId id, Optional<FolderId> folder) {
        Stored<ChatMoved> moved = VersionedWrite.apply(() -> access.owned(actor, id), chat -> {
            // After the chat's read, so an unknown chat answers before an unknown folder.
            folder.ifPresent(f -> ownedFolders.owned(actor, f));
            ChatMoved event = chat.moveToFolder(folder.orElse(null), clock.nowEpochSeconds());
            return new Stored<>(chats.update(chat), event);
        });
        events.publish(moved.event());
        return moved.chat();
    }

    @Override
    public Iterable<Chat> chatsInFolderTree(User actor, FolderId folder) {
        Set<FolderId> subtree = new FolderTree(folders.findAllOwnedBy(actor.id())).subtree(folder);
        ChatQuery query = inFolders(actor, subtree, new PageRequest(0, PagedIterable.FETCH_SIZE));
        return PagedIterable.of(window -> chats.findChats(query.withPage(window)));
    }

    @Override
    public List<ChatSummary> folderPage(User actor, FolderId folder, long page) {
        return chats.findSummaries(inFolders(actor, Set.of(folder), PageRequest.ofPage(page, FOLDER_PAGE_SIZE)));
    }

    /** Only the actor's own chats are ever listed, so an unknown or foreign folder simply lists nothing. */
    private static ChatQuery inFolders(User actor, Set<FolderId> folderIds, PageRequest page) {
        return new ChatQuery(Optional.of(actor.id()), Flag.ONLY_FALSE, Flag.ONLY_FALSE, FolderScope.in(folderIds),
                Optional.empty(), ChatOrder.RECENT_FIRST, page);
    }
}
