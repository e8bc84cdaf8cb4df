package dev.chats.application.service.chat;

import dev.chats.application.port.in.chat.ChatNotFoundException;
import dev.chats.application.port.in.chat.GetChatUseCase;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.permission.PermissionPolicy;
import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.port.ShareRepository;
import dev.chats.domain.share.ShareAccess;
import dev.chats.domain.user.User;

/** Reads one chat: the owner's, any for an admin with chat access, or one whose owner granted the reader access. */
public final class GetChatService implements GetChatUseCase {

    private final ChatRepository chats;
    private final ShareRepository shares;
    private final PermissionPolicy policy;

    public GetChatService(ChatRepository chats, ShareRepository shares, PermissionPolicy policy) {
        this.chats = chats;
        this.shares = shares;
        this.policy = policy;
    }

    @Override
    public Chat get(User actor, ChatId id) {
        return chats.findById(id)
                .filter(chat -> chat.isOwnedBy(actor.id()) || policy.mayAccessOthersChats(actor)
                        || ShareAccess.mayReadChat(actor.id(), shares.grantsOf(chat.ownerId(), chat.id())))
                .orElseThrow(() -> new ChatNotFoundException(id));
    }
}
