package dev.chats.application.service.folder;

import dev.chats.application.port.in.AccessProhibitedException;
import dev.chats.application.port.in.folder.FolderCreateUseCase;
import dev.chats.application.port.in.folder.FolderCycleException;
import dev.chats.application.port.in.folder.FolderDeleteUseCase;
import dev.chats.application.port.in.folder.FolderNameTakenException;
import dev.chats.application.port.in.folder.FolderNotFoundException;
import dev.chats.application.port.in.folder.FolderUpdateUseCase;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.ChatQuery;
import dev.chats.domain.chat.ChatSummary;
import dev.chats.domain.folder.Folder;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.permission.Permission;
import dev.chats.domain.permission.PermissionPolicy;
import dev.chats.domain.chat.event.ChatEvent;
import dev.chats.domain.chat.event.FolderCreated;
import dev.chats.domain.chat.event.FolderDeleted;
import dev.chats.domain.chat.event.FolderUpdated;
import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.port.TagRepository;
import dev.chats.domain.port.fake.InMemoryFolderRepository;
import dev.chats.domain.tag.Tag;
import dev.chats.domain.user.EmailAddress;
import dev.chats.domain.user.Role;
import dev.chats.domain.user.User;
import dev.chats.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The folder use cases over in-memory ports (the shared folder fake; chats and tags reduced to what deleting a tree
 * touches): names, tree moves, repair on listing and deleting trees.
 */
class FolderServicesTest {

    private static final long T0 = 1_700_000_000L;

    private final InMemoryFolderRepository folders = new InMemoryFolderRepository();
    private final FolderChats chats = new FolderChats();
    private final SweptTags tags = new SweptTags();
    private final List<ChatEvent> events = new ArrayList<>();
    private final AtomicLong now = new AtomicLong(T0);
    private final AtomicInteger nextId = new AtomicInteger();

    private final User u1 = user("u1", Role.USER);
    private final User u2 = user("u2", Role.USER);
    private final User admin = user("a", Role.ADMIN);

    private final FolderCreateService create =
            new FolderCreateService(folders, now::get, () -> "f" + nextId.incrementAndGet(), events::add);
    private final FolderListingService listing = new FolderListingService(folders, now::get);
    private final FolderEditService edit = new FolderEditService(folders, now::get, events::add);

    private FolderDeleteService deleteService(PermissionPolicy policy) {
        return new FolderDeleteService(folders, chats, tags, policy, events::add);
    }

    private static User user(String id, Role role) {
        return new User(new UserId(id), id, new EmailAddress(id + "@example.com"), role, "hash", "/user.png", 0, 0);
    }

    private Folder folder(User owner, String name) {
        return create.create(owner, new FolderCreateUseCase.Command(name, Optional.empty(), null, null));
    }

    private Folder folder(User owner, String name, Folder parent) {
        return create.create(owner, new FolderCreateUseCase.Command(name, Optional.of(parent.id()), null, null));
    }

    private static FolderUpdateUseCase.Command rename(String name) {
        return new FolderUpdateUseCase.Command(Optional.of(name), Optional.empty(), Optional.empty());
    }

    @Test
    void create_atRoot_storesACollapsedFolderAndPublishesIt() {
        Folder work = create.create(u1, new FolderCreateUseCase.Command("Work", Optional.empty(),
                Map.of("icon", "x"), Map.of("system_prompt", "be brief")));

        assertThat(work.parentId()).isNull();
        assertThat(work.expanded()).isFalse();
        assertThat(work.ownerId()).isEqualTo(u1.id());
        assertThat(work.createdAt()).isEqualTo(T0).isEqualTo(work.updatedAt());
        assertThat(work.meta()).isEqualTo(Map.of("icon", "x"));
        assertThat(folders.findById(work.id())).contains(work);
        assertThat(events).containsExactly(new FolderCreated(work));
        assertThat(events.get(0).recipient()).isEqualTo(u1.id());
    }

    @Test
    void givenWork_createWork_inAnyCase_isTaken() {
        folder(u1, "Work");

        assertThatThrownBy(() -> folder(u1, "wORK")).isInstanceOf(FolderNameTakenException.class);
        assertThatThrownBy(() -> folder(u1, " work ")).isInstanceOf(FolderNameTakenException.class);
    }

    @Test
    void givenAFolderWithUnderscore_aNameItWouldMatchAsLikePattern_isNotTaken() {
        folder(u1, "a_c");
        folder(u1, "100%");

        assertThat(folder(u1, "abc").name()).isEqualTo("abc");
        assertThat(folder(u1, "1000").name()).isEqualTo("1000");
    }

    @Test
    void sameName_underAnotherParent_orOfAnotherUser_isFree() {
        Folder work = folder(u1, "Work");

        assertThat(folder(u1, "Work", work).parentId()).isEqualTo(work.id());
        assertThat(folder(u2, "Work").ownerId()).isEqualTo(u2.id());
    }

    @Test
    void create_underAnotherUsersOrAMissingFolder_isNotFound() {
        Folder theirs = folder(u2, "Theirs");

        assertThatThrownBy(() -> folder(u1, "Mine", theirs)).isInstanceOf(FolderNotFoundException.class);
        assertThatThrownBy(() -> create.create(u1, new FolderCreateUseCase.Command("Mine",
                Optional.of(new FolderId("nope")), null, null))).isInstanceOf(FolderNotFoundException.class);
        assertThat(folders.findAllOwnedBy(u1.id())).isEmpty();
    }

    @Test
    void get_anotherUsersFolder_isNotFound() {
        Folder theirs = folder(u2, "Theirs");

        assertThat(listing.get(u2, theirs.id())).isEqualTo(theirs);
        assertThatThrownBy(() -> listing.get(u1, theirs.id())).isInstanceOf(FolderNotFoundException.class);
        assertThatThrownBy(() -> listing.get(u1, new FolderId("nope"))).isInstanceOf(FolderNotFoundException.class);
    }

    @Test
    void update_renamesAndShallowMergesMetaAndData() {
        Folder work = create.create(u1, new FolderCreateUseCase.Command("Work", Optional.empty(),
                Map.of("icon", "a", "color", "red"), Map.of("system_prompt", "p", "model_ids", List.of("m"))));
        now.set(T0 + 5);

        Folder updated = edit.update(u1, work.id(), new FolderUpdateUseCase.Command(Optional.of("W2"),
                Optional.of(Map.of("icon", "b")), Optional.of(Map.of("model_ids", List.of("n")))));

        assertThat(updated.name()).isEqualTo("W2");
        assertThat(updated.meta()).isEqualTo(Map.of("icon", "b", "color", "red"));
        assertThat(updated.data()).isEqualTo(Map.of("system_prompt", "p", "model_ids", List.of("n")));
        assertThat(updated.updatedAt()).isEqualTo(T0 + 5);
        assertThat(updated.createdAt()).isEqualTo(T0);
        assertThat(folders.findById(work.id())).contains(updated);
        assertThat(events).containsExactly(new FolderCreated(work), new FolderUpdated(updated));
    }

    @Test
    void update_ofANullMeta_startsFromEmpty_andAbsentPatchesKeepTheStoredValues() {
        Folder work = folder(u1, "Work");

        Folder updated = edit.update(u1, work.id(), new FolderUpdateUseCase.Command(Optional.empty(),
                Optional.of(Map.of("icon", "x")), Optional.empty()));

        assertThat(updated.name()).isEqualTo("Work");
        assertThat(updated.meta()).isEqualTo(Map.of("icon", "x"));
        assertThat(updated.data()).isNull();
    }

    @Test
    void rename_toASiblingsName_isTaken_butToItsOwnNameInAnotherCase_isFine() {
        Folder work = folder(u1, "Work");
        folder(u1, "Home");

        assertThatThrownBy(() -> edit.update(u1, work.id(), rename("HOME")))
                .isInstanceOf(FolderNameTakenException.class);
        assertThat(edit.update(u1, work.id(), rename("WORK")).name()).isEqualTo("WORK");
    }

    @Test
    void update_anotherUsersFolder_isNotFound_andLeavesItUnchanged() {
        Folder theirs = folder(u2, "Theirs");

        assertThatThrownBy(() -> edit.update(u1, theirs.id(), rename("Mine")))
                .isInstanceOf(FolderNotFoundException.class);
        assertThatThrownBy(() -> edit.setExpanded(u1, theirs.id(), true)).isInstanceOf(FolderNotFoundException.class);
        assertThatThrownBy(() -> edit.move(u1, theirs.id(), Optional.empty()))
                .isInstanceOf(FolderNotFoundException.class);
        assertThat(folders.findById(theirs.id())).contains(theirs);
    }

    @Test
    void move_underAnotherFolder_setsTheParent() {
        Folder f1 = folder(u1, "F1");
        Folder f2 = folder(u1, "F2");
        now.set(T0 + 1);

        Folder moved = edit.move(u1, f2.id(), Optional.of(f1.id()));

        assertThat(moved.parentId()).isEqualTo(f1.id());
        assertThat(moved.updatedAt()).isEqualTo(T0 + 1);
        assertThat(edit.move(u1, f2.id(), Optional.empty()).parentId()).isNull();
    }

    @Test
    void move_toTheParentItAlreadyHas_changesNothing() {
        Folder f1 = folder(u1, "F1");
        Folder f2 = folder(u1, "F2", f1);
        events.clear();
        now.set(T0 + 9);

        assertThat(edit.move(u1, f2.id(), Optional.of(f1.id()))).isEqualTo(f2);
        assertThat(edit.move(u1, f1.id(), Optional.empty())).isEqualTo(f1);
        assertThat(folders.findById(f2.id())).contains(f2);
        assertThat(events).isEmpty();
    }

    @Test
    void move_underItselfOrADescendant_isACycle() {
        Folder a = folder(u1, "A");
        Folder b = folder(u1, "B", a);
        Folder c = folder(u1, "C", b);

        assertThatThrownBy(() -> edit.move(u1, a.id(), Optional.of(a.id()))).isInstanceOf(FolderCycleException.class);
        assertThatThrownBy(() -> edit.move(u1, a.id(), Optional.of(c.id()))).isInstanceOf(FolderCycleException.class);
        assertThatThrownBy(() -> edit.move(u1, b.id(), Optional.of(c.id()))).isInstanceOf(FolderCycleException.class);
        assertThat(folders.findById(a.id()).orElseThrow().parentId()).isNull();
    }

    @Test
    void move_underAnotherUsersOrAMissingFolder_isNotFound() {
        Folder mine = folder(u1, "Mine");
        Folder theirs = folder(u2, "Theirs");

        assertThatThrownBy(() -> edit.move(u1, mine.id(), Optional.of(theirs.id())))
                .isInstanceOf(FolderNotFoundException.class);
        assertThatThrownBy(() -> edit.move(u1, mine.id(), Optional.of(new FolderId("nope"))))
                .isInstanceOf(FolderNotFoundException.class);
    }

    @Test
    void move_whereTheNewParentHasAFolderOfTheSameName_isTaken() {
        Folder a = folder(u1, "A");
        folder(u1, "Notes", a);
        Folder notes = folder(u1, "notes");

        assertThatThrownBy(() -> edit.move(u1, notes.id(), Optional.of(a.id())))
                .isInstanceOf(FolderNameTakenException.class);
        assertThat(folders.findById(notes.id()).orElseThrow().parentId()).isNull();
    }

    @Test
    void setExpanded_storesTheFlag() {
        Folder work = folder(u1, "Work");
        now.set(T0 + 2);

        Folder open = edit.setExpanded(u1, work.id(), true);

        assertThat(open.expanded()).isTrue();
        assertThat(open.updatedAt()).isEqualTo(T0 + 2);
        assertThat(edit.setExpanded(u1, work.id(), false).expanded()).isFalse();
    }

    @Test
    void list_repairsAParentThatNoLongerExists() {
        Folder a = folder(u1, "A");
        Folder b = folder(u1, "B", a);
        folders.deleteAll(List.of(a.id()));
        now.set(T0 + 7);

        List<Folder> listed = listing.list(u1);

        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).id()).isEqualTo(b.id());
        assertThat(listed.get(0).parentId()).isNull();
        assertThat(listed.get(0).updatedAt()).isEqualTo(T0 + 7);
        assertThat(folders.findById(b.id()).orElseThrow().parentId()).isNull();
    }

    @Test
    void list_showsOnlyTheActorsFolders() {
        Folder a = folder(u1, "A");
        folder(u2, "B");

        assertThat(listing.list(u1)).containsExactly(a);
    }

    @Test
    void delete_removesTheSubtreeAndTheChatsInIt_andSweepsTags() {
        Folder a = folder(u1, "A");
        Folder b = folder(u1, "B", a);
        Folder other = folder(u1, "Other");
        chats.put(u1, a, 2);
        chats.put(u1, b, 1);
        chats.put(u1, other, 1);

        FolderDeleteUseCase.Result result = deleteService(PermissionPolicy.openByDefault()).delete(u1, a.id(), true);

        assertThat(result).isEqualTo(new FolderDeleteUseCase.Result(2, 3, 0));
        assertThat(folders.findAllOwnedBy(u1.id())).containsExactly(other);
        assertThat(chats.count(u1, a)).isZero();
        assertThat(chats.count(u1, b)).isZero();
        assertThat(chats.count(u1, other)).isEqualTo(1);
        assertThat(tags.swept).containsExactly(u1.id());
        assertThat(events.get(events.size() - 1)).isEqualTo(new FolderDeleted(u1.id(), a.id(),
                List.of(a.id(), b.id()), true));
    }

    @Test
    void delete_withoutContents_movesTheChatsToTheRoot_andKeepsTags() {
        Folder a = folder(u1, "A");
        Folder b = folder(u1, "B", a);
        chats.put(u1, b, 2);

        FolderDeleteUseCase.Result result = deleteService(PermissionPolicy.openByDefault()).delete(u1, a.id(), false);

        assertThat(result).isEqualTo(new FolderDeleteUseCase.Result(2, 0, 2));
        assertThat(chats.count(u1, null)).isEqualTo(2);
        assertThat(folders.findAllOwnedBy(u1.id())).isEmpty();
        assertThat(tags.swept).isEmpty();
    }

    @Test
    void delete_ofAnEmptyTree_sweepsNoTags() {
        Folder a = folder(u1, "A");

        deleteService(PermissionPolicy.openByDefault()).delete(u1, a.id(), true);

        assertThat(tags.swept).isEmpty();
        assertThat(folders.findById(a.id())).isEmpty();
    }

    @Test
    void withoutChatDelete_deletingAFolderWithChats_isProhibited_unlessTheyAreKeptOrTheActorIsAdmin() {
        PermissionPolicy noDelete = new PermissionPolicy(EnumSet.complementOf(EnumSet.of(Permission.CHAT_DELETE)),
                true, true);
        Folder a = folder(u1, "A");
        Folder b = folder(u1, "B", a);
        Folder empty = folder(u1, "Empty");
        chats.put(u1, b, 1);

        assertThatThrownBy(() -> deleteService(noDelete).delete(u1, a.id(), true))
                .isInstanceOf(AccessProhibitedException.class);
        assertThat(folders.findAllOwnedBy(u1.id())).hasSize(3);
        assertThat(chats.count(u1, b)).isEqualTo(1);

        assertThat(deleteService(noDelete).delete(u1, empty.id(), true).foldersDeleted()).isEqualTo(1);
        assertThat(deleteService(noDelete).delete(u1, a.id(), false).chatsMoved()).isEqualTo(1);

        Folder adminsFolder = folder(admin, "Admin");
        chats.put(admin, adminsFolder, 1);
        assertThat(deleteService(noDelete).delete(admin, adminsFolder.id(), true).chatsDeleted()).isEqualTo(1);
    }

    @Test
    void delete_anotherUsersFolder_isNotFound_andDeletesNothing() {
        Folder theirs = folder(u2, "Theirs");
        chats.put(u2, theirs, 1);

        assertThatThrownBy(() -> deleteService(PermissionPolicy.openByDefault()).delete(u1, theirs.id(), true))
                .isInstanceOf(FolderNotFoundException.class);
        assertThat(folders.findById(theirs.id())).isPresent();
        assertThat(chats.count(u2, theirs)).isEqualTo(1);
    }

    /** Only how many chats each owner has in each folder (null: the root); the rest of the port is unused here. */
    private static final class FolderChats implements ChatRepository {

        private final Map<UserId, Map<FolderId, Integer>> counts = new LinkedHashMap<>();

        void put(User owner, Folder folder, int count) {
            counts.computeIfAbsent(owner.id(), o -> new LinkedHashMap<>()).merge(folder.id(), count, Integer::sum);
        }

        int count(User owner, Folder folder) {
            return counts.getOrDefault(owner.id(), Map.of()).getOrDefault(folder == null ? null : folder.id(), 0);
        }

        @Override
        public Optional<dev.chats.domain.chat.Chat> findForMessageEdit(dev.chats.domain.chat.ChatId id,
                                                                       String messageId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long countInFolders(UserId owner, Set<FolderId> folders) {
            Map<FolderId, Integer> mine = counts.getOrDefault(owner, Map.of());
            return folders.stream().mapToLong(f -> mine.getOrDefault(f, 0)).sum();
        }

        @Override
        public java.util.List<dev.chats.domain.stats.ChatFacts> findFacts(UserId owner,
                java.util.OptionalLong updatedAfter, dev.chats.domain.chat.SortDirection direction,
                dev.chats.domain.chat.PageRequest page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long count(ChatQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long countChats(UserId owner, java.util.OptionalLong updatedAfter) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.util.Optional<dev.chats.domain.stats.ChatFacts> findFacts(dev.chats.domain.chat.ChatId id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int deleteInFolders(UserId owner, Set<FolderId> folders) {
            Map<FolderId, Integer> mine = counts.getOrDefault(owner, new LinkedHashMap<>());
            int deleted = 0;
            for (FolderId folder : folders) {
                Integer n = mine.remove(folder);
                deleted += n == null ? 0 : n;
            }
            return deleted;
        }

        @Override
        public int moveToRoot(UserId owner, Set<FolderId> folders) {
            int moved = deleteInFolders(owner, folders);
            if (moved > 0) {
                counts.computeIfAbsent(owner, o -> new LinkedHashMap<>()).merge(null, moved, Integer::sum);
            }
            return moved;
        }

        @Override
        public Chat add(Chat chat) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Chat update(Chat chat) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Chat> findById(ChatId id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean delete(ChatId id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int deleteAllOwnedBy(UserId owner) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ChatSummary> findSummaries(ChatQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Chat> findChats(ChatQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int setArchivedOfAll(UserId owner, boolean archived) {
            throw new UnsupportedOperationException();
        }
    }

    /** Records which owners' tags were swept. */
    private static final class SweptTags implements TagRepository {

        final List<UserId> swept = new ArrayList<>();

        @Override
        public void deleteAllUncarried(UserId owner) {
            swept.add(owner);
        }

        @Override
        public Tag addIfAbsent(Tag tag) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Tag> findListed(UserId owner) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Tag> findByIds(UserId owner, Collection<String> tagIds) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deleteUncarried(UserId owner, Collection<String> tagIds) {
            throw new UnsupportedOperationException();
        }
    }
}
