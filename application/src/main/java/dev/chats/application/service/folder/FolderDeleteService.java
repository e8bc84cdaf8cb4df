package dev.chats.application.service.folder;

import dev.chats.application.port.in.AccessProhibitedException;
import dev.chats.application.port.in.folder.FolderDeleteUseCase;
import dev.chats.domain.chat.event.FolderDeleted;
import dev.chats.domain.folder.Folder;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.permission.Permission;
import dev.chats.domain.permission.PermissionPolicy;
import dev.chats.domain.port.ChatEvents;
import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.port.FolderRepository;
import dev.chats.domain.port.TagRepository;
import dev.chats.domain.user.User;

import java.util.List;
import java.util.Set;

/**
 * Deletes folder trees. The chats inside go first (deleted, or moved to the root), so a failure part-way leaves
 * folders to delete again rather than chats pointing at folders that no longer exist.
 */
public final class FolderDeleteService implements FolderDeleteUseCase {

    private final FolderRepository folders;
    private final ChatRepository chats;
    private final TagRepository tags;
    private final PermissionPolicy policy;
    private final FolderAccess access;
    private final ChatEvents events;

    public FolderDeleteService(FolderRepository folders, ChatRepository chats, TagRepository tags,
                               PermissionPolicy policy, ChatEvents events) {
        this.folders = folders;
        this.chats = chats;
        this.tags = tags;
        this.policy = policy;
        this.access = new FolderAccess(folders);
        this.events = events;
    }

    @Override
    public Result delete(User actor, FolderId id, boolean deleteContents) {
        Folder folder = access.owned(actor, id);
        Set<FolderId> subtree = access.tree(actor).subtree(folder.id());
        int chatsDeleted = 0;
        int chatsMoved = 0;
        if (deleteContents) {
            if (!policy.allows(actor, Permission.CHAT_DELETE) && chats.countInFolders(actor.id(), subtree) > 0) {
                throw new AccessProhibitedException("chat.delete is not granted");
            }
            chatsDeleted = chats.deleteInFolders(actor.id(), subtree);
        } else {
            chatsMoved = chats.moveToRoot(actor.id(), subtree);
        }
        int foldersDeleted = folders.deleteAll(subtree);
        if (chatsDeleted > 0) {
            tags.deleteAllUncarried(actor.id());
        }
        events.publish(new FolderDeleted(actor.id(), folder.id(), List.copyOf(subtree), deleteContents));
        return new Result(foldersDeleted, chatsDeleted, chatsMoved);
    }
}
