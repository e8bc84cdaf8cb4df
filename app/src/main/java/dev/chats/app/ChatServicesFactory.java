package dev.chats.app;

import dev.chats.application.service.ChatListingService;
import dev.chats.application.service.CreateChatService;
import dev.chats.application.service.DeleteChatService;
import dev.chats.application.service.GetChatService;
import dev.chats.application.service.UpdateChatService;
import dev.chats.domain.permission.PermissionPolicy;
import dev.chats.domain.port.ChatEvents;
import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.port.Clock;
import dev.chats.domain.port.FolderRepository;
import dev.chats.domain.port.IdGenerator;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * Wires the chat use cases. The application module stays free of framework annotations; its services become
 * beans here, exposed through their use-case interfaces.
 */
@Factory
final class ChatServicesFactory {

    @Singleton
    CreateChatService createChat(ChatRepository chats, FolderRepository folders, Clock clock, IdGenerator ids,
                                 ChatEvents events) {
        return new CreateChatService(chats, folders, clock, ids, events);
    }

    @Singleton
    GetChatService getChat(ChatRepository chats, PermissionPolicy policy) {
        return new GetChatService(chats, policy);
    }

    @Singleton
    UpdateChatService updateChat(ChatRepository chats, PermissionPolicy policy, Clock clock, ChatEvents events) {
        return new UpdateChatService(chats, policy, clock, events);
    }

    @Singleton
    DeleteChatService deleteChat(ChatRepository chats, PermissionPolicy policy, ChatEvents events) {
        return new DeleteChatService(chats, policy, events);
    }

    @Singleton
    ChatListingService chatListing(ChatRepository chats, PermissionPolicy policy) {
        return new ChatListingService(chats, policy);
    }
}
