package dev.chats.domain.folder;

import dev.chats.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A user's folders as a tree: subtrees, cycle detection and the root level. */
class FolderTreeTest {

    private static final UserId OWNER = new UserId("u1");

    private static Folder folder(String id, String parent) {
        return Folder.create(new FolderId(id), OWNER, parent == null ? null : new FolderId(parent), "F " + id, null,
                null, 1_000);
    }

    private static FolderId id(String value) {
        return new FolderId(value);
    }

    /**
     * <pre>
     * work ─ projects ─ alpha ─ drafts ─ old
     *      │          └ beta
     *      └ admin
     * home ─ recipes
     * </pre>
     */
    private static FolderTree tree() {
        return new FolderTree(List.of(
                folder("work", null), folder("projects", "work"), folder("alpha", "projects"),
                folder("drafts", "alpha"), folder("old", "drafts"), folder("beta", "projects"),
                folder("admin", "work"), folder("home", null), folder("recipes", "home")));
    }

    @Test
    void subtree_ofRoot_holdsTheFolderFirstAndEveryDescendant() {
        assertThat(tree().subtree(id("work"))).first().isEqualTo(id("work"));
        assertThat(tree().subtree(id("work"))).containsExactlyInAnyOrder(id("work"), id("projects"), id("alpha"),
                id("drafts"), id("old"), id("beta"), id("admin"));
    }

    @Test
    void subtree_ofInnerFolder_excludesAncestorsAndSiblings() {
        assertThat(tree().subtree(id("projects"))).containsExactlyInAnyOrder(id("projects"), id("alpha"),
                id("drafts"), id("old"), id("beta"));
    }

    @Test
    void subtree_ofLeaf_isTheLeafAlone() {
        assertThat(tree().subtree(id("old"))).containsExactly(id("old"));
    }

    @Test
    void subtree_ofVeryDeepChain_reachesTheBottom() {
        List<Folder> chain = new ArrayList<>();
        chain.add(folder("d0", null));
        for (int i = 1; i <= 500; i++) {
            chain.add(folder("d" + i, "d" + (i - 1)));
        }

        FolderTree deep = new FolderTree(chain);

        assertThat(deep.subtree(id("d0"))).hasSize(501).contains(id("d500"));
        assertThat(deep.subtree(id("d499"))).containsExactly(id("d499"), id("d500"));
    }

    @Test
    void subtree_ofUnknownFolder_isEmpty() {
        assertThat(tree().subtree(id("nope"))).isEmpty();
        assertThat(new FolderTree(List.of()).subtree(id("work"))).isEmpty();
    }

    @Test
    void subtree_overCorruptCycle_terminates() {
        FolderTree corrupt = new FolderTree(List.of(folder("a", "b"), folder("b", "a"), folder("c", "b")));

        assertThat(corrupt.subtree(id("a"))).containsExactlyInAnyOrder(id("a"), id("b"), id("c"));
    }

    @Test
    void wouldCycle_underItself_isTrue() {
        assertThat(tree().wouldCycle(id("projects"), id("projects"))).isTrue();
    }

    @Test
    void wouldCycle_underADescendant_isTrue() {
        assertThat(tree().wouldCycle(id("work"), id("projects"))).isTrue();
        assertThat(tree().wouldCycle(id("work"), id("old"))).isTrue();
        assertThat(tree().wouldCycle(id("projects"), id("beta"))).isTrue();
    }

    @Test
    void wouldCycle_underAnUnrelatedFolderOrAnAncestor_isFalse() {
        assertThat(tree().wouldCycle(id("projects"), id("home"))).isFalse();
        assertThat(tree().wouldCycle(id("alpha"), id("beta"))).isFalse();
        assertThat(tree().wouldCycle(id("old"), id("work"))).isFalse();
        assertThat(tree().wouldCycle(id("recipes"), id("work"))).isFalse();
    }

    @Test
    void wouldCycle_toTheRoot_isFalse() {
        assertThat(tree().wouldCycle(id("projects"), null)).isFalse();
    }

    @Test
    void childrenOf_folder_listsItsDirectChildrenOnly() {
        assertThat(tree().childrenOf(id("projects"))).extracting(Folder::id)
                .containsExactlyInAnyOrder(id("alpha"), id("beta"));
        assertThat(tree().childrenOf(id("old"))).isEmpty();
        assertThat(tree().childrenOf(id("nope"))).isEmpty();
    }

    @Test
    void childrenOf_root_listsTopFoldersAndThoseWithDanglingParents() {
        FolderTree withOrphan = new FolderTree(List.of(folder("work", null), folder("sub", "work"),
                folder("orphan", "deleted-parent"), folder("orphanChild", "orphan")));

        assertThat(withOrphan.childrenOf(null)).extracting(Folder::id)
                .containsExactlyInAnyOrder(id("work"), id("orphan"));
        assertThat(withOrphan.childrenOf(id("orphan"))).extracting(Folder::id).containsExactly(id("orphanChild"));
    }

    @Test
    void find_answersTheFolderOrEmpty() {
        assertThat(tree().find(id("alpha"))).map(Folder::name).contains("F alpha");
        assertThat(tree().find(id("nope"))).isEmpty();
    }
}
