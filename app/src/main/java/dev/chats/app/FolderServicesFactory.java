package dev.chats.app;

import dev.chats.application.service.folder.FolderCreateService;
import dev.chats.application.service.folder.FolderDeleteService;
import dev.chats.application.service.folder.FolderEditService;
import dev.chats.application.service.folder.FolderListingService;
import dev.chats.application.service.folder.FolderSharingService;
import dev.chats.domain.permission.PermissionPolicy;
import dev.chats.domain.port.ChatEvents;
import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.port.Clock;
import dev.chats.domain.port.FolderRepository;
import dev.chats.domain.port.IdGenerator;
import dev.chats.domain.port.TagRepository;
import dev.chats.domain.port.UserRepository;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * Wires the folder use cases. The application module stays free of framework annotations; its services become
 * beans here, exposed through their use-case interfaces.
 */
@Factory
final class FolderServicesFactory {

    @Singleton
    FolderListingService folderListing(FolderRepository folders, Clock clock) {
        return new FolderListingService(folders, clock);
    }

    @Singleton
    FolderCreateService createFolder(FolderRepository folders, Clock clock, IdGenerator ids, ChatEvents events) {
        return new FolderCreateService(folders, clock, ids, events);
    }

    @Singleton
    FolderEditService editFolder(FolderRepository folders, Clock clock, ChatEvents events) {
        return new FolderEditService(folders, clock, events);
    }

    @Singleton
    FolderDeleteService deleteFolder(FolderRepository folders, ChatRepository chats, TagRepository tags,
                                     PermissionPolicy policy, ChatEvents events) {
        return new FolderDeleteService(folders, chats, tags, policy, events);
    }

    @Singleton
    FolderSharingService shareFolder(FolderRepository folders, ChatRepository chats, UserRepository users,
                                     IdGenerator ids, Clock clock) {
        return new FolderSharingService(folders, chats, users, ids, clock);
    }
}
