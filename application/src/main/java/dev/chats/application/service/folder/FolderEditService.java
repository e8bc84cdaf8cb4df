package dev.chats.application.service.folder;

import dev.chats.application.port.in.folder.FolderCycleException;
import dev.chats.application.port.in.folder.FolderExpandUseCase;
import dev.chats.application.port.in.folder.FolderMoveUseCase;
import dev.chats.application.port.in.folder.FolderNameTakenException;
import dev.chats.application.port.in.folder.FolderNotFoundException;
import dev.chats.application.port.in.folder.FolderUpdateUseCase;
import dev.chats.domain.chat.event.FolderUpdated;
import dev.chats.domain.folder.Folder;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.port.ChatEvents;
import dev.chats.domain.port.Clock;
import dev.chats.domain.port.FolderNameConflictException;
import dev.chats.domain.port.FolderRepository;
import dev.chats.domain.user.User;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Renames, moves and opens or closes folders, keeping sibling names unique and the tree free of cycles. */
public final class FolderEditService implements FolderUpdateUseCase, FolderMoveUseCase, FolderExpandUseCase {

    private final FolderRepository folders;
    private final FolderAccess access;
    private final Clock clock;
    private final ChatEvents events;

    public FolderEditService(FolderRepository folders, Clock clock, ChatEvents events) {
        this.folders = folders;
        this.access = new FolderAccess(folders);
        this.clock = clock;
        this.events = events;
    }

    @Override
    public Folder update(User actor, FolderId id, Command command) {
        Folder folder = access.owned(actor, id);
        String name = command.name().orElse(folder.name());
        if (command.name().isPresent()) {
            access.requireNameFree(actor, folder.parentId(), name, folder.id());
        }
        Map<String, Object> meta = command.metaPatch().map(patch -> merge(folder.meta(), patch)).orElse(folder.meta());
        Map<String, Object> data = command.dataPatch().map(patch -> merge(folder.data(), patch)).orElse(folder.data());
        return save(new Folder(folder.id(), folder.ownerId(), folder.parentId(), name, folder.expanded(), meta, data,
                folder.createdAt(), clock.nowEpochSeconds()));
    }

    @Override
    public Folder move(User actor, FolderId id, Optional<FolderId> newParent) {
        Folder folder = access.owned(actor, id);
        FolderId parent = newParent.orElse(null);
        if (Objects.equals(folder.parentId(), parent)) {
            return folder;
        }
        if (parent != null) {
            access.owned(actor, parent);
        }
        if (access.wouldCycle(actor, folder.id(), parent)) {
            throw new FolderCycleException(folder.id(), parent);
        }
        access.requireNameFree(actor, parent, folder.name(), folder.id());
        return save(new Folder(folder.id(), folder.ownerId(), parent, folder.name(), folder.expanded(),
                folder.meta(), folder.data(), folder.createdAt(), clock.nowEpochSeconds()));
    }

    @Override
    public Folder setExpanded(User actor, FolderId id, boolean expanded) {
        Folder folder = access.owned(actor, id);
        return save(new Folder(folder.id(), folder.ownerId(), folder.parentId(), folder.name(), expanded,
                folder.meta(), folder.data(), folder.createdAt(), clock.nowEpochSeconds()));
    }

    /** Stores the change; a folder deleted meanwhile answers as not found. */
    private Folder save(Folder changed) {
        try {
            if (!folders.update(changed)) {
                throw new FolderNotFoundException(changed.id());
            }
        } catch (FolderNameConflictException e) {
            // another request took the name between the check and the write
            throw new FolderNameTakenException(changed.name());
        }
        events.publish(new FolderUpdated(changed));
        return changed;
    }

    /** Open WebUI's {@code {**old, **new}}: top-level keys of the patch replace those of the stored object. */
    private static Map<String, Object> merge(Map<String, Object> stored, Map<String, Object> patch) {
        Map<String, Object> merged = new LinkedHashMap<>();
        if (stored != null) {
            merged.putAll(stored);
        }
        merged.putAll(patch);
        return merged;
    }
}
