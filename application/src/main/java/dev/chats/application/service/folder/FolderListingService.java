package dev.chats.application.service.folder;

import dev.chats.application.port.in.folder.FolderGetUseCase;
import dev.chats.application.port.in.folder.FolderListUseCase;
import dev.chats.domain.folder.Folder;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.port.Clock;
import dev.chats.domain.port.FolderNameConflictException;
import dev.chats.domain.port.FolderRepository;
import dev.chats.domain.user.User;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads folders; listing repairs parents that no longer exist, as Open WebUI does. */
public final class FolderListingService implements FolderListUseCase, FolderGetUseCase {

    private final FolderRepository folders;
    private final FolderAccess access;
    private final Clock clock;

    public FolderListingService(FolderRepository folders, Clock clock) {
        this.folders = folders;
        this.access = new FolderAccess(folders);
        this.clock = clock;
    }

    @Override
    public List<Folder> list(User actor) {
        List<Folder> stored = folders.findAllOwnedBy(actor.id());
        Set<FolderId> ids = stored.stream().map(Folder::id).collect(Collectors.toSet());
        List<Folder> listed = new ArrayList<>(stored.size());
        for (Folder folder : stored) {
            boolean dangling = folder.parent().map(parent -> !ids.contains(parent)).orElse(false);
            listed.add(dangling ? toRoot(folder) : folder);
        }
        return listed;
    }

    @Override
    public Folder get(User actor, FolderId id) {
        return access.owned(actor, id);
    }

    /**
     * A parent that was deleted or is someone else's becomes the root, stored so every client sees the same; while
     * a root folder has the same name, it is only listed there.
     */
    private Folder toRoot(Folder folder) {
        Folder repaired = new Folder(folder.id(), folder.ownerId(), null, folder.name(), folder.expanded(),
                folder.meta(), folder.data(), folder.createdAt(), clock.nowEpochSeconds());
        try {
            folders.update(repaired);
        } catch (FolderNameConflictException nameTakenAtTheRoot) {
            // listed at the root as before; stored where it was until it is renamed
        }
        return repaired;
    }
}
