package dev.chats.application.service.folder;

import dev.chats.application.port.in.folder.FolderCreateUseCase;
import dev.chats.application.port.in.folder.FolderNameTakenException;
import dev.chats.domain.chat.event.FolderCreated;
import dev.chats.domain.folder.Folder;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.port.ChatEvents;
import dev.chats.domain.port.Clock;
import dev.chats.domain.port.FolderNameConflictException;
import dev.chats.domain.port.FolderRepository;
import dev.chats.domain.port.IdGenerator;
import dev.chats.domain.user.User;

/** Creates folders with names unique among their siblings. */
public final class FolderCreateService implements FolderCreateUseCase {

    private final FolderRepository folders;
    private final FolderAccess access;
    private final Clock clock;
    private final IdGenerator ids;
    private final ChatEvents events;

    public FolderCreateService(FolderRepository folders, Clock clock, IdGenerator ids, ChatEvents events) {
        this.folders = folders;
        this.access = new FolderAccess(folders);
        this.clock = clock;
        this.ids = ids;
        this.events = events;
    }

    @Override
    public Folder create(User actor, Command command) {
        FolderId parent = command.parentId().orElse(null);
        if (parent != null) {
            access.owned(actor, parent);
        }
        FolderId id = new FolderId(ids.newId());
        access.requireNameFree(actor, parent, command.name(), id);
        Folder folder = Folder.create(id, actor.id(), parent, command.name(), command.meta(), command.data(),
                clock.nowEpochSeconds());
        try {
            folders.add(folder);
        } catch (FolderNameConflictException e) {
            // another request took the name between the check and the write
            throw new FolderNameTakenException(command.name());
        }
        events.publish(new FolderCreated(folder));
        return folder;
    }
}
