package dev.chats.application.service.chat;

import dev.chats.application.port.in.chat.ChatNotFoundException;
import dev.chats.application.port.in.chat.GetChatUseCase;
import dev.chats.application.service.folder.FolderReach;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.permission.PermissionPolicy;
import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.port.FolderRepository;
import dev.chats.domain.port.ShareRepository;
import dev.chats.domain.share.ShareAccess;
import dev.chats.domain.user.User;

/**
 * Reads one chat: the owner's, any for an admin with chat access, or one whose owner granted the reader access, to
 * the chat's share or to the folder it is filed in (or a folder above it), as Open WebUI's newest router reads.
 */
public final class GetChatService implements GetChatUseCase {

    private final ChatRepository chats;
    private final ShareRepository shares;
    private final PermissionPolicy policy;
    private final FolderReach folders;

    public GetChatService(ChatRepository chats, ShareRepository shares, FolderRepository folders,
                          PermissionPolicy policy) {
        this.chats = chats;
        this.shares = shares;
        this.policy = policy;
        this.folders = new FolderReach(folders);
    }

    @Override
    public Chat get(User actor, ChatId id) {
        return chats.findById(id)
                .filter(chat -> chat.isOwnedBy(actor.id()) || policy.mayAccessOthersChats(actor)
                        || ShareAccess.mayReadChat(actor.id(), shares.grantsOf(chat.ownerId(), chat.id()))
                        || chat.folderId().map(folder -> folders.mayReadChatsIn(actor.id(), chat.ownerId(), folder))
                        .orElse(false))
                .orElseThrow(() -> new ChatNotFoundException(id));
    }
}
