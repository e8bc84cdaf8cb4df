package dev.chats.app;

import dev.chats.application.service.chat.ArchiveChatService;
import dev.chats.application.service.chat.ChatFoldersService;
import dev.chats.application.service.chat.ChatTagService;
import dev.chats.application.service.chat.ChatStatsService;
import dev.chats.application.service.chat.CloneChatService;
import dev.chats.application.service.chat.EditMessageService;
import dev.chats.application.service.chat.ImportChatsService;
import dev.chats.application.service.chat.PinChatService;
import dev.chats.application.service.chat.SearchChatsService;
import dev.chats.application.service.chat.ShareChatService;
import dev.chats.domain.port.ShareRepository;
import dev.chats.domain.port.TagRepository;
import dev.chats.application.service.chat.ChatListingService;
import dev.chats.application.service.chat.CreateChatService;
import dev.chats.application.service.chat.DeleteChatService;
import dev.chats.application.service.chat.GetChatService;
import dev.chats.application.service.chat.UpdateChatService;
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
    GetChatService getChat(ChatRepository chats, ShareRepository shares, FolderRepository folders,
                           PermissionPolicy policy) {
        return new GetChatService(chats, shares, folders, policy);
    }

    @Singleton
    UpdateChatService updateChat(ChatRepository chats, PermissionPolicy policy, Clock clock, ChatEvents events) {
        return new UpdateChatService(chats, policy, clock, events);
    }

    @Singleton
    DeleteChatService deleteChat(ChatRepository chats, TagRepository tags, PermissionPolicy policy,
                                 ChatEvents events) {
        return new DeleteChatService(chats, tags, policy, events);
    }

    @Singleton
    ChatListingService chatListing(ChatRepository chats, PermissionPolicy policy) {
        return new ChatListingService(chats, policy);
    }

    @Singleton
    ChatTagService chatTags(ChatRepository chats, TagRepository tags, PermissionPolicy policy, ChatEvents events) {
        return new ChatTagService(chats, tags, policy, events);
    }

    @Singleton
    PinChatService pinChat(ChatRepository chats, PermissionPolicy policy, Clock clock, ChatEvents events) {
        return new PinChatService(chats, policy, clock, events);
    }

    @Singleton
    ArchiveChatService archiveChat(ChatRepository chats, TagRepository tags, PermissionPolicy policy, Clock clock,
                                   ChatEvents events) {
        return new ArchiveChatService(chats, tags, policy, clock, events);
    }

    @Singleton
    ShareChatService shareChat(ChatRepository chats, ShareRepository shares, PermissionPolicy policy, Clock clock,
                               IdGenerator ids, ChatEvents events) {
        return new ShareChatService(chats, shares, policy, clock, ids, events);
    }

    @Singleton
    ChatStatsService chatStats(ChatRepository chats, PermissionPolicy policy) {
        return new ChatStatsService(chats, policy);
    }

    @Singleton
    CloneChatService cloneChat(ChatRepository chats, PermissionPolicy policy, Clock clock, IdGenerator ids,
                               ChatEvents events) {
        return new CloneChatService(chats, policy, clock, ids, events);
    }

    @Singleton
    ChatFoldersService chatFolders(ChatRepository chats, FolderRepository folders, PermissionPolicy policy,
                                   Clock clock, ChatEvents events) {
        return new ChatFoldersService(chats, folders, policy, clock, events);
    }

    @Singleton
    SearchChatsService searchChats(ChatRepository chats, FolderRepository folders, TagRepository tags) {
        return new SearchChatsService(chats, folders, tags);
    }

    @Singleton
    ImportChatsService importChats(ChatRepository chats, FolderRepository folders, TagRepository tags, Clock clock,
                                   IdGenerator ids, ChatEvents events) {
        return new ImportChatsService(chats, folders, tags, clock, ids, events);
    }

    @Singleton
    EditMessageService editMessages(ChatRepository chats, PermissionPolicy policy, Clock clock, ChatEvents events) {
        return new EditMessageService(chats, policy, clock, events);
    }
}
