package dev.chats.domain.folder;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One user's folders as a tree: subtrees, and the rule that a folder never moves under itself. */
public final class FolderTree {

    private final Map<FolderId, Folder> byId = new HashMap<>();
    private final Map<FolderId, List<Folder>> children = new HashMap<>();

    public FolderTree(Collection<Folder> folders) {
        for (Folder folder : folders) {
            byId.put(folder.id(), folder);
        }
        for (Folder folder : folders) {
            folder.parent().filter(byId::containsKey)
                    .ifPresent(parent -> children.computeIfAbsent(parent, p -> new ArrayList<>()).add(folder));
        }
    }

    public Optional<Folder> find(FolderId id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The folder and all its descendants, the folder first; empty if the folder is not in this tree. */
    public Set<FolderId> subtree(FolderId root) {
        Set<FolderId> ids = new LinkedHashSet<>();
        if (!byId.containsKey(root)) {
            return ids;
        }
        Deque<FolderId> pending = new ArrayDeque<>();
        pending.add(root);
        while (!pending.isEmpty()) {
            FolderId next = pending.removeFirst();
            if (ids.add(next)) {
                children.getOrDefault(next, List.of()).forEach(child -> pending.addLast(child.id()));
            }
        }
        return ids;
    }

    /** Whether making {@code newParent} the parent of {@code folder} would put the folder under itself. */
    public boolean wouldCycle(FolderId folder, FolderId newParent) {
        return newParent != null && subtree(folder).contains(newParent);
    }

    /** The folders directly under {@code parent} (null: the root level). */
    public List<Folder> childrenOf(FolderId parent) {
        if (parent == null) {
            return byId.values().stream().filter(f -> f.parent().map(p -> !byId.containsKey(p)).orElse(true))
                    .toList();
        }
        return List.copyOf(children.getOrDefault(parent, List.of()));
    }
}
