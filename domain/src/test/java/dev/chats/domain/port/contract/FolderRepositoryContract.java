package dev.chats.domain.port.contract;

import dev.chats.domain.folder.Folder;
import dev.chats.domain.share.FolderGrant;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.share.GrantedFolder;
import dev.chats.domain.port.FolderNameConflictException;
import dev.chats.domain.port.FolderRepository;
import dev.chats.domain.share.AccessGrant;
import dev.chats.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.chats.domain.port.contract.ContractFixtures.list;
import static dev.chats.domain.port.contract.ContractFixtures.newFolderId;
import static dev.chats.domain.port.contract.ContractFixtures.newUserId;
import static dev.chats.domain.port.contract.ContractFixtures.object;
import static dev.chats.domain.port.contract.ContractFixtures.ofLength;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Persistence contract: what every {@link FolderRepository} adapter must do, whichever database is behind it.
 *
 * <p>Subclass it per database, implement {@link #folders()} to return the adapter under test — the same instance on
 * every call within a test — and give every test a clean store, for example by deleting all folders in a
 * {@code @BeforeEach} of the subclass. The tests use fresh random ids, so leftovers do not change their outcome.
 * Owners are referenced by id only: the tests use user ids that were never stored. Meta and data read back equal to
 * what was stored, with numbers as the JDK types a JSON parser gives for their text ({@code Integer}, {@code Long},
 * {@code Double}), and a missing (null) meta or data stays null rather than becoming an empty object.
 */
public abstract class FolderRepositoryContract {

    /** The repository under test; the same instance for the whole of one test. */
    protected abstract FolderRepository folders();

    @Test
    void givenNestedFolderWithMetaAndData_findById_returnsEveryField() {
        UserId owner = newUserId();
        Folder parent = Folder.create(newFolderId(), owner, null, "Projects", null, null, 1_000);
        folders().add(parent);
        Map<String, Object> meta = object("icon", "📁", "color", null, "order", 3);
        Map<String, Object> data = object(
                "system_prompt", "Answer in French — toujours.",
                "files", list(object("id", "f1", "name", "spec.pdf", "size", 4_000_000_000L)),
                "params", object("temperature", 0.25, "stream", true, "stop", list()),
                "empty", "");
        Folder folder = new Folder(newFolderId(), owner, parent.id(), "Work ✈ 2024", true, meta, data,
                1_600_000_000L, 1_700_000_000L);

        folders().add(folder);
        Folder back = folders().findById(folder.id()).orElseThrow();

        assertThat(back).isEqualTo(folder);
        assertThat(back.parent()).contains(parent.id());
        assertThat(back.expanded()).isTrue();
        assertThat(back.meta()).isEqualTo(meta);
        assertThat(back.data()).isEqualTo(data);
        assertThat(back.createdAt()).isEqualTo(1_600_000_000L);
        assertThat(back.updatedAt()).isEqualTo(1_700_000_000L);
        assertThat(folders().findById(parent.id())).contains(parent);
    }

    @Test
    void siblingNamed_findsTheNameAmongTheSameParentsChildren_caseAndOuterSpaceInsensitive() {
        UserId owner = newUserId();
        Folder parent = Folder.create(newFolderId(), owner, null, "Projects", null, null, 1_000);
        Folder child = Folder.create(newFolderId(), owner, parent.id(), "Résumé Drafts", null, null, 1_001);
        Folder root = Folder.create(newFolderId(), owner, null, "Inbox", null, null, 1_002);
        folders().add(parent);
        folders().add(child);
        folders().add(root);
        FolderId someoneNew = newFolderId();

        assertThat(folders().siblingNamed(owner, parent.id(), "  résumé DRAFTS ", someoneNew)).isTrue();
        assertThat(folders().siblingNamed(owner, null, "inbox", someoneNew)).isTrue();
        assertThat(folders().siblingNamed(owner, null, "projects", someoneNew)).isTrue();
        // the folder itself, another level, another owner and another name are not siblings of that name
        assertThat(folders().siblingNamed(owner, parent.id(), "Résumé Drafts", child.id())).isFalse();
        assertThat(folders().siblingNamed(owner, null, "Résumé Drafts", someoneNew)).isFalse();
        assertThat(folders().siblingNamed(owner, parent.id(), "Inbox", someoneNew)).isFalse();
        assertThat(folders().siblingNamed(newUserId(), null, "Inbox", someoneNew)).isFalse();
        assertThat(folders().siblingNamed(owner, parent.id(), "Résumé", someoneNew)).isFalse();
    }

    @Test
    void aSecondSiblingOfOneName_isRefusedByTheStore_atTheRootAndUnderAParent() {
        UserId owner = newUserId();
        Folder parent = Folder.create(newFolderId(), owner, null, "Projects", null, null, 1_000);
        folders().add(parent);
        folders().add(Folder.create(newFolderId(), owner, parent.id(), "Drafts", null, null, 1_001));
        Folder rootTwin = Folder.create(newFolderId(), owner, null, " PROJECTS", null, null, 1_002);
        Folder childTwin = Folder.create(newFolderId(), owner, parent.id(), "drafts ", null, null, 1_003);

        assertThatThrownBy(() -> folders().add(rootTwin)).isInstanceOf(FolderNameConflictException.class);
        assertThatThrownBy(() -> folders().add(childTwin)).isInstanceOf(FolderNameConflictException.class);
        assertThat(folders().findById(rootTwin.id())).isEmpty();
        assertThat(folders().findById(childTwin.id())).isEmpty();

        // the same name elsewhere, or for another owner, is free
        folders().add(Folder.create(newFolderId(), owner, null, "Drafts", null, null, 1_004));
        folders().add(Folder.create(newFolderId(), newUserId(), null, "Projects", null, null, 1_005));
    }

    @Test
    void renamingOrMovingOntoASiblingsName_isRefusedByTheStore_andChangesNothing() {
        UserId owner = newUserId();
        Folder parent = Folder.create(newFolderId(), owner, null, "Projects", null, null, 1_000);
        Folder inbox = Folder.create(newFolderId(), owner, null, "Inbox", null, null, 1_001);
        Folder drafts = Folder.create(newFolderId(), owner, parent.id(), "Inbox", null, null, 1_002);
        folders().add(parent);
        folders().add(inbox);
        folders().add(drafts);

        Folder renamed = new Folder(inbox.id(), owner, null, "projects", false, null, null, 1_001, 1_003);
        Folder moved = new Folder(drafts.id(), owner, null, "Inbox", false, null, null, 1_002, 1_003);

        assertThatThrownBy(() -> folders().update(renamed)).isInstanceOf(FolderNameConflictException.class);
        assertThatThrownBy(() -> folders().update(moved)).isInstanceOf(FolderNameConflictException.class);
        assertThat(folders().findById(inbox.id())).contains(inbox);
        assertThat(folders().findById(drafts.id())).contains(drafts);
    }

    @Test
    void siblingNamed_followsRenamesAndMoves() {
        UserId owner = newUserId();
        Folder parent = Folder.create(newFolderId(), owner, null, "Projects", null, null, 1_000);
        Folder folder = Folder.create(newFolderId(), owner, null, "Old", null, null, 1_001);
        folders().add(parent);
        folders().add(folder);

        folders().update(new Folder(folder.id(), owner, parent.id(), "New", false, null, null, 1_001, 1_002));

        assertThat(folders().siblingNamed(owner, null, "Old", newFolderId())).isFalse();
        assertThat(folders().siblingNamed(owner, null, "New", newFolderId())).isFalse();
        assertThat(folders().siblingNamed(owner, parent.id(), "new", newFolderId())).isTrue();
    }

    @Test
    void givenRootFolderWithoutMetaOrData_findById_returnsNullsNotEmptyObjects() {
        Folder folder = Folder.create(newFolderId(), newUserId(), null, "Inbox", null, null, 1_000);

        folders().add(folder);
        Folder back = folders().findById(folder.id()).orElseThrow();

        assertThat(back).isEqualTo(folder);
        assertThat(back.parent()).isEmpty();
        assertThat(back.expanded()).isFalse();
        assertThat(back.meta()).isNull();
        assertThat(back.data()).isNull();
    }

    @Test
    void givenEmptyMetaAndData_findById_returnsEmptyObjectsNotNulls() {
        Folder folder = Folder.create(newFolderId(), newUserId(), null, "Empty", Map.of(), Map.of(), 1_000);

        folders().add(folder);

        assertThat(folders().findById(folder.id()).orElseThrow().meta()).isEqualTo(Map.of());
        assertThat(folders().findById(folder.id()).orElseThrow().data()).isEqualTo(Map.of());
    }

    @Test
    void givenIdsAndNameAtTheirLongest_findById_returnsThemWhole() {
        FolderId id = new FolderId(ofLength("folder-", FolderId.MAX_LENGTH));
        FolderId parentId = new FolderId(ofLength("parent-", FolderId.MAX_LENGTH));
        UserId owner = new UserId(ofLength("user-", UserId.MAX_LENGTH));
        String name = "Ordner 😀 ".repeat(Folder.MAX_NAME_LENGTH).substring(0, Folder.MAX_NAME_LENGTH);
        folders().add(Folder.create(parentId, owner, null, "parent", null, null, 1));
        Folder folder = Folder.create(id, owner, parentId, name, object("k", "v"), null, 2);

        folders().add(folder);

        assertThat(folders().findById(id)).contains(folder);
    }

    @Test
    void givenUnknownId_findById_isEmpty() {
        folders().add(Folder.create(newFolderId(), newUserId(), null, "Some", null, null, 1_000));

        assertThat(folders().findById(newFolderId())).isEmpty();
    }

    @Test
    void givenFoldersChangedAfterAddOrRead_findById_returnsTheStoredState() {
        Folder folder = Folder.create(newFolderId(), newUserId(), null, "Stable", object("icon", "a"),
                object("list", list(1)), 1_000);
        folders().add(folder);

        folder.meta().put("icon", "changed after add");
        Folder read = folders().findById(folder.id()).orElseThrow();
        read.meta().put("icon", "changed after read");
        read.data().clear();

        Folder back = folders().findById(folder.id()).orElseThrow();
        assertThat(back.meta()).isEqualTo(object("icon", "a"));
        assertThat(back.data()).isEqualTo(object("list", list(1)));
    }

    @Test
    void givenFoldersOfTwoOwners_findAllOwnedBy_returnsTheOwnersOldestFirstTiesById() {
        UserId owner = newUserId();
        List<FolderId> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(newFolderId());
        }
        ids.sort(Comparator.comparing(FolderId::value));
        // Added newest first and, among the three of the same age, highest id first.
        Folder newest = Folder.create(ids.get(0), owner, null, "newest", null, null, 300);
        Folder tieHigh = Folder.create(ids.get(3), owner, null, "tie high", null, null, 200);
        Folder tieMid = Folder.create(ids.get(2), owner, newest.id(), "tie mid", object("m", 1), null, 200);
        Folder tieLow = Folder.create(ids.get(1), owner, null, "tie low", null, object("d", list()), 200);
        Folder oldest = Folder.create(newFolderId(), owner, null, "oldest", null, null, 100);
        for (Folder folder : List.of(newest, tieHigh, tieMid, tieLow, oldest)) {
            folders().add(folder);
        }
        folders().add(Folder.create(newFolderId(), newUserId(), null, "someone else's", null, null, 150));

        assertThat(folders().findAllOwnedBy(owner)).containsExactly(oldest, tieLow, tieMid, tieHigh, newest);
        assertThat(folders().findAllOwnedBy(newUserId())).isEmpty();
    }

    @Test
    void givenStoredFolder_update_replacesEveryFieldAndAnswersTrue() {
        UserId owner = newUserId();
        Folder parent = Folder.create(newFolderId(), owner, null, "parent", null, null, 100);
        folders().add(parent);
        Folder folder = Folder.create(newFolderId(), owner, parent.id(), "before", object("icon", "a"),
                object("system_prompt", "x"), 1_000);
        folders().add(folder);
        Folder changed = new Folder(folder.id(), owner, null, "after ✓", true, null,
                object("system_prompt", "y", "files", list(object("id", "f"))), 1_000, 2_000);

        assertThat(folders().update(changed)).isTrue();

        assertThat(folders().findById(folder.id())).contains(changed);
        assertThat(folders().findById(parent.id())).contains(parent);
        Folder again = new Folder(folder.id(), owner, parent.id(), "again", false, object("icon", "b"), null,
                1_000, 3_000);
        assertThat(folders().update(again)).isTrue();
        assertThat(folders().findById(folder.id())).contains(again);
    }

    @Test
    void givenUnknownFolder_update_answersFalseAndStoresNothing() {
        Folder folder = Folder.create(newFolderId(), newUserId(), null, "never added", null, null, 1_000);

        assertThat(folders().update(folder)).isFalse();

        assertThat(folders().findById(folder.id())).isEmpty();
    }

    @Test
    void givenFolders_deleteAll_deletesTheGivenOnesAndCountsThem() {
        UserId owner = newUserId();
        Folder first = Folder.create(newFolderId(), owner, null, "first", null, null, 100);
        Folder second = Folder.create(newFolderId(), owner, null, "second", null, null, 200);
        Folder child = Folder.create(newFolderId(), owner, first.id(), "child", null, null, 300);
        for (Folder folder : List.of(first, second, child)) {
            folders().add(folder);
        }

        assertThat(folders().deleteAll(List.of())).isZero();
        assertThat(folders().deleteAll(List.of(child.id(), first.id(), newFolderId()))).isEqualTo(2);

        assertThat(folders().findById(first.id())).isEmpty();
        assertThat(folders().findById(child.id())).isEmpty();
        assertThat(folders().findById(second.id())).contains(second);
        assertThat(folders().findAllOwnedBy(owner)).containsExactly(second);
        assertThat(folders().deleteAll(List.of(first.id()))).isZero();
    }

    @Test
    void replaceGrants_storesThemInOrderWithTheirTimes_andAnEmptyListRemovesThem() {
        UserId owner = newUserId();
        Folder folder = Folder.create(newFolderId(), owner, null, "Team", null, null, 1_000);
        Folder other = Folder.create(newFolderId(), owner, null, "Other", null, null, 1_001);
        folders().add(folder);
        folders().add(other);
        List<FolderGrant> grants = List.of(
                grant("g-" + UUID.randomUUID(), AccessGrant.Principal.USER, "u-zed", AccessGrant.Access.WRITE, 7),
                grant("g-" + UUID.randomUUID(), AccessGrant.Principal.USER, AccessGrant.EVERYONE,
                        AccessGrant.Access.READ, 1_700_000_000L),
                grant("g-" + UUID.randomUUID(), AccessGrant.Principal.GROUP, "grp-🦊".repeat(3),
                        AccessGrant.Access.READ, 5));

        assertThat(folders().replaceGrants(owner, folder.id(), grants)).isTrue();

        assertThat(folders().grantsOf(owner, folder.id())).containsExactlyElementsOf(grants);
        assertThat(folders().grantsOf(owner, other.id())).isEmpty();
        assertThat(folders().grantsOf(newUserId(), folder.id())).isEmpty();

        List<FolderGrant> fewer = List.of(grants.get(2));
        assertThat(folders().replaceGrants(owner, folder.id(), fewer)).isTrue();
        assertThat(folders().grantsOf(owner, folder.id())).containsExactlyElementsOf(fewer);

        assertThat(folders().replaceGrants(owner, folder.id(), List.of())).isTrue();
        assertThat(folders().grantsOf(owner, folder.id())).isEmpty();
    }

    @Test
    void replaceGrants_onAFolderTheOwnerDoesNotHave_answersFalseAndStoresNothing() {
        UserId owner = newUserId();
        UserId friend = newUserId();
        Folder folder = Folder.create(newFolderId(), owner, null, "Team", null, null, 1_000);
        folders().add(folder);
        List<FolderGrant> grants = List.of(grant("g-" + UUID.randomUUID(), AccessGrant.Principal.USER,
                friend.value(), AccessGrant.Access.READ, 9));

        assertThat(folders().replaceGrants(friend, folder.id(), grants)).isFalse();
        assertThat(folders().replaceGrants(owner, newFolderId(), grants)).isFalse();

        assertThat(folders().grantsOf(owner, folder.id())).isEmpty();
        assertThat(folders().grantedTo(friend)).isEmpty();
    }

    @Test
    void grantedTo_listsTheFoldersUserGrantsOpenToTheGrantee_byNameOrToEveryone_notGroupsNorOthers() {
        UserId ada = newUserId();
        UserId bob = newUserId();
        UserId eve = newUserId();
        Folder named = Folder.create(newFolderId(), ada, null, "Named", null, null, 1_000);
        Folder everyone = Folder.create(newFolderId(), bob, null, "Everyone", null, null, 1_001);
        Folder group = Folder.create(newFolderId(), bob, null, "Group", null, null, 1_002);
        folders().add(named);
        folders().add(everyone);
        folders().add(group);
        folders().replaceGrants(ada, named.id(), List.of(
                grant("g-" + UUID.randomUUID(), AccessGrant.Principal.USER, eve.value(), AccessGrant.Access.READ, 1),
                grant("g-" + UUID.randomUUID(), AccessGrant.Principal.USER, eve.value(), AccessGrant.Access.WRITE, 2),
                grant("g-" + UUID.randomUUID(), AccessGrant.Principal.USER, bob.value(), AccessGrant.Access.READ, 3)));
        folders().replaceGrants(bob, everyone.id(), List.of(grant("g-" + UUID.randomUUID(),
                AccessGrant.Principal.USER, AccessGrant.EVERYONE, AccessGrant.Access.READ, 4)));
        folders().replaceGrants(bob, group.id(), List.of(grant("g-" + UUID.randomUUID(),
                AccessGrant.Principal.GROUP, eve.value(), AccessGrant.Access.WRITE, 5)));

        assertThat(folders().grantedTo(eve)).containsExactlyInAnyOrder(
                new GrantedFolder(ada, named.id(), AccessGrant.Access.READ),
                new GrantedFolder(ada, named.id(), AccessGrant.Access.WRITE),
                new GrantedFolder(bob, everyone.id(), AccessGrant.Access.READ));
        assertThat(folders().grantedTo(bob)).containsExactlyInAnyOrder(
                new GrantedFolder(ada, named.id(), AccessGrant.Access.READ),
                new GrantedFolder(bob, everyone.id(), AccessGrant.Access.READ));
    }

    @Test
    void deleteAll_deletesTheFoldersGrants_andKeepsOthers() {
        UserId owner = newUserId();
        UserId friend = newUserId();
        Folder gone = Folder.create(newFolderId(), owner, null, "Gone", null, null, 1_000);
        Folder kept = Folder.create(newFolderId(), owner, null, "Kept", null, null, 1_001);
        folders().add(gone);
        folders().add(kept);
        FolderGrant toFriend = grant("g-" + UUID.randomUUID(), AccessGrant.Principal.USER, friend.value(),
                AccessGrant.Access.READ, 1);
        folders().replaceGrants(owner, gone.id(), List.of(toFriend));
        folders().replaceGrants(owner, kept.id(), List.of(toFriend));

        folders().deleteAll(List.of(gone.id()));

        assertThat(folders().grantsOf(owner, gone.id())).isEmpty();
        assertThat(folders().grantsOf(owner, kept.id())).containsExactly(toFriend);
        assertThat(folders().grantedTo(friend))
                .containsExactly(new GrantedFolder(owner, kept.id(), AccessGrant.Access.READ));
        // a folder created again under the deleted id starts unshared
        folders().add(gone);
        assertThat(folders().grantsOf(owner, gone.id())).isEmpty();
    }

    private static FolderGrant grant(String id, AccessGrant.Principal type, String principal,
                                     AccessGrant.Access permission, long createdAt) {
        return new FolderGrant(new AccessGrant(id, type, principal, permission), createdAt);
    }
}
