package dev.chats.application.service;

import dev.chats.application.port.in.GetChatUseCase;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.permission.PermissionPolicy;
import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.user.User;

/** Reads one chat. */
public final class GetChatService implements GetChatUseCase {

    private final ChatAccess access;

    public GetChatService(ChatRepository chats, PermissionPolicy policy) {
        this.access = new ChatAccess(chats, policy);
    }

    @Override
    public Chat get(User actor, ChatId id) {
        return access.ownedOrAdministered(actor, id);
    }
}
