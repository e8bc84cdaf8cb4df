package dev.chats.domain.port.contract;

import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatDocument;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.port.TagRepository;
import dev.chats.domain.tag.Tag;
import dev.chats.domain.tag.TagName;
import dev.chats.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.chats.domain.port.contract.ContractFixtures.list;
import static dev.chats.domain.port.contract.ContractFixtures.newChatId;
import static dev.chats.domain.port.contract.ContractFixtures.newFolderId;
import static dev.chats.domain.port.contract.ContractFixtures.newOwner;
import static dev.chats.domain.port.contract.ContractFixtures.object;
import static dev.chats.domain.port.contract.ContractFixtures.ofLength;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Persistence contract: what every {@link TagRepository} adapter must do, whichever database is behind it.
 *
 * <p><b>How to run it against a database.</b> Subclass it, implement {@link #tags()} and {@link #chats()} to return
 * the adapters under test over <em>one</em> store — the same instances on every call within a test — and give every
 * test a clean store, for example by deleting all tags and chats in a {@code @BeforeEach} of the subclass. The tests
 * nevertheless use fresh random owners and scope every call to them, so leftovers do not change their outcome.
 *
 * <p><b>What is pinned down.</b>
 * <ul>
 *   <li>Which chats carry a tag is the chats' own {@code meta.tags}, written only through the chat repository; the
 *   tag repository must see every chat write — add, update, archiving one chat or all, and every kind of delete —
 *   as soon as it returns. A stored display name such as {@code "Road Trip"} carries {@code road_trip}
 *   ({@link Chat#tagIds()}).</li>
 *   <li>Records and carriers are per owner: the same tag id of two owners is two records, and another owner's chat
 *   never carries this owner's tag.</li>
 *   <li>A record is listed while a non-archived chat carries it, and survives {@code deleteUncarried} while any chat
 *   carries it, archived ones included. Whether deleting chats also deletes their now uncarried records at once is
 *   left open: the tests look at records only after the sweep the application runs
 *   ({@code deleteUncarried}/{@code deleteAllUncarried}).</li>
 *   <li>Meta reads back equal to what was stored, with numbers as the JDK types a JSON parser gives for their text,
 *   and a null meta stays null rather than becoming an empty object.</li>
 *   <li>The order of {@code findListed} is checked only on ids of lower-case ASCII letters and digits, where every
 *   database collation agrees with Java's; ids with {@code _} (which {@code "Road Trip"} normalises to) may sort
 *   differently under a linguistic collation.</li>
 *   <li>Not repeated here: the tag filters of chat lists, which {@link ChatRepositoryContract} covers.</li>
 * </ul>
 */
public abstract class TagRepositoryContract {

    /** The tag repository under test; the same instance for the whole of one test. */
    protected abstract TagRepository tags();

    /** The chat repository over the same store as {@link #tags()}; the same instance for the whole of one test. */
    protected abstract ChatRepository chats();

    // ---------------------------------------------------------------------------------------------------------
    // addIfAbsent

    @Test
    void givenNewTag_addIfAbsent_storesItAndAnswersIt() {
        UserId owner = newOwner();
        Tag tag = new Tag("road_trip", owner, "Road Trip", object("colour", "#ff0000"));

        Tag answered = tags().addIfAbsent(tag);

        assertThat(answered).isEqualTo(tag);
        assertThat(tags().findByIds(owner, List.of("road_trip"))).containsExactly(tag);
    }

    @Test
    void givenStoredTag_addIfAbsentWithAnotherDisplayName_answersTheFirstRecordUnchanged() {
        UserId owner = newOwner();
        Tag first = new Tag("road_trip", owner, "Road Trip", object("first", true));
        tags().addIfAbsent(first);

        Tag answered = tags().addIfAbsent(new Tag("road_trip", owner, "ROAD TRIP", object("second", 2)));
        Tag answeredAgain = tags().addIfAbsent(new Tag("road_trip", owner, "road_trip", null));

        assertThat(answered).isEqualTo(first);
        assertThat(answeredAgain).isEqualTo(first);
        assertThat(tags().findByIds(owner, List.of("road_trip"))).containsExactly(first);
    }

    @Test
    void givenSameTagIdForTwoOwners_addIfAbsent_storesTwoRecords() {
        UserId owner = newOwner();
        UserId neighbour = newOwner();
        Tag mine = tag(owner, "Work");
        Tag theirs = new Tag("work", neighbour, "WORK", object("theirs", true));

        tags().addIfAbsent(mine);
        Tag answered = tags().addIfAbsent(theirs);

        assertThat(answered).isEqualTo(theirs);
        assertThat(tags().findByIds(owner, List.of("work"))).containsExactly(mine);
        assertThat(tags().findByIds(neighbour, List.of("work"))).containsExactly(theirs);
    }

    @Test
    void givenConcurrentFirstUsesOfOneTag_addIfAbsent_answersEveryCallerTheOneStoredRecord() throws Exception {
        UserId owner = newOwner();
        List<Callable<Tag>> firstUses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Tag tag = new Tag("race", owner, "Race " + i, null);
            firstUses.add(() -> tags().addIfAbsent(tag));
        }

        List<Tag> answers = runTogether(firstUses);

        List<Tag> stored = tags().findByIds(owner, List.of("race"));
        assertThat(stored).hasSize(1);
        assertThat(answers).containsOnly(stored.get(0));
    }

    static Stream<Arguments> metas() {
        return Stream.of(
                Arguments.of("null", null),
                Arguments.of("empty", object()),
                Arguments.of("nested JSON", object(
                        "colour", "#00ff00",
                        "order", 3,
                        "big", 4_000_000_000L,
                        "ratio", 0.25,
                        "pinned", true,
                        "none", null,
                        "icon", "🏷️ étiquette",
                        "list", list(1, "two", 3.5, false, null, object("k", list())),
                        "nested", object("z", 1, "a", object()))));
    }

    @ParameterizedTest(name = "{0} meta")
    @MethodSource("metas")
    void givenTagWithMeta_findByIds_returnsTheMetaAsStored(String description, Map<String, Object> meta) {
        UserId owner = newOwner();
        Tag tag = new Tag("meta", owner, "Meta", meta);

        tags().addIfAbsent(tag);
        Tag back = tags().findByIds(owner, List.of("meta")).get(0);

        assertThat(back).isEqualTo(tag);
        assertThat(back.meta()).isEqualTo(meta);
        assertThat(tags().addIfAbsent(new Tag("meta", owner, "Other", object("x", 1)))).isEqualTo(tag);
    }

    @Test
    void givenTagChangedAfterAddOrRead_findByIds_returnsTheStoredState() {
        UserId owner = newOwner();
        Tag tag = new Tag("stable", owner, "Stable", object("icon", "a"));
        tags().addIfAbsent(tag).meta().put("icon", "changed after add");

        tags().findByIds(owner, List.of("stable")).get(0).meta().put("icon", "changed after read");

        assertThat(tags().findByIds(owner, List.of("stable")).get(0).meta()).isEqualTo(object("icon", "a"));
    }

    @Test
    void givenIdNameAndOwnerAtTheirLongest_findByIds_returnsThemWhole() {
        UserId owner = new UserId(ofLength("user-", UserId.MAX_LENGTH));
        TagName name = TagName.of(longestName());
        Tag tag = Tag.named(name, owner);
        assertThat(name.id()).hasSize(TagName.MAX_LENGTH);

        tags().addIfAbsent(tag);
        chats().add(carrier(owner, null, name.display()));

        assertThat(tags().findByIds(owner, List.of(name.id()))).containsExactly(tag);
        assertThat(tags().findListed(owner)).containsExactly(tag);
    }

    // ---------------------------------------------------------------------------------------------------------
    // findListed

    @Test
    void givenTagsCarriedByActiveChats_findListed_returnsEachOnceOrderedById() {
        UserId owner = newOwner();
        UserId neighbour = newOwner();
        for (String id : List.of("zulu", "alpha", "m2", "2024", "beta", "m", "uncarried", "archivedonly")) {
            tags().addIfAbsent(new Tag(id, owner, id.toUpperCase(Locale.ROOT), null));
        }
        chats().add(carrier(owner, null, "zulu", "alpha"));
        chats().add(carrier(owner, null, "alpha", "m2", "norecord"));
        chats().add(carrier(owner, null, "2024", "beta", "m"));
        chats().add(archivedCarrier(owner, null, "archivedonly", "beta"));
        tags().addIfAbsent(new Tag("aardvark", neighbour, "Aardvark", null));
        tags().addIfAbsent(new Tag("uncarried", neighbour, "Uncarried", null));
        chats().add(carrier(neighbour, null, "aardvark", "uncarried", "archivedonly"));

        List<Tag> listed = tags().findListed(owner);

        assertThat(listed).extracting(Tag::id).containsExactly("2024", "alpha", "beta", "m", "m2", "zulu");
        assertThat(listed).extracting(Tag::name).containsExactly("2024", "ALPHA", "BETA", "M", "M2", "ZULU");
        assertThat(listed).extracting(Tag::ownerId).containsOnly(owner);
        assertThat(listedIds(neighbour)).containsExactly("aardvark", "uncarried");
    }

    @Test
    void givenOwnerWithoutTags_findListed_isEmpty() {
        UserId owner = newOwner();
        chats().add(carrier(owner, null));
        tags().addIfAbsent(tag(owner, "Loose"));

        assertThat(tags().findListed(owner)).isEmpty();
        assertThat(tags().findListed(newOwner())).isEmpty();
    }

    @Test
    void givenChatMetaHoldingDisplayNames_findListed_countsThemByNormalisedId() {
        UserId owner = newOwner();
        Tag roadTrip = tag(owner, "Road Trip");
        Tag work = tag(owner, "work");
        tags().addIfAbsent(roadTrip);
        tags().addIfAbsent(work);

        chats().add(carrier(owner, null, "Road Trip", "WORK"));

        assertThat(tags().findListed(owner)).containsExactlyInAnyOrder(roadTrip, work);
        tags().deleteAllUncarried(owner);
        assertThat(tags().findByIds(owner, List.of("road_trip", "work"))).containsExactly(roadTrip, work);
    }

    @Test
    void givenOnlyCarrierArchivedAndRestored_findListed_hidesTheTagThenShowsItWithItsFirstName() {
        UserId owner = newOwner();
        Tag roadTrip = tag(owner, "Road Trip");
        Tag kept = tag(owner, "kept");
        tags().addIfAbsent(roadTrip);
        tags().addIfAbsent(kept);
        ChatId trip = chats().add(carrier(owner, null, "road_trip")).id();
        chats().add(carrier(owner, null, "kept"));

        toggleArchived(trip);

        assertThat(tags().findListed(owner)).containsExactly(kept);
        // An archived carrier keeps the record: neither sweep deletes it.
        tags().deleteUncarried(owner, List.of("road_trip"));
        tags().deleteAllUncarried(owner);
        assertThat(tags().findByIds(owner, List.of("road_trip"))).containsExactly(roadTrip);

        // What unarchiving does: re-add the carried ids by id, then the chat comes back.
        assertThat(tags().addIfAbsent(new Tag("road_trip", owner, "road_trip", null))).isEqualTo(roadTrip);
        toggleArchived(trip);

        assertThat(tags().findListed(owner)).containsExactly(kept, roadTrip);
    }

    @Test
    void givenOneOfTwoCarriersArchived_findListed_stillListsTheTag() {
        UserId owner = newOwner();
        Tag shared = tag(owner, "shared");
        tags().addIfAbsent(shared);
        ChatId first = chats().add(carrier(owner, null, "shared")).id();
        ChatId second = chats().add(carrier(owner, null, "shared")).id();

        toggleArchived(first);

        assertThat(tags().findListed(owner)).containsExactly(shared);
        toggleArchived(second);
        assertThat(tags().findListed(owner)).isEmpty();
    }

    @Test
    void givenChatRetagged_findListed_followsItsUpdates() {
        UserId owner = newOwner();
        for (String name : List.of("a", "b", "c")) {
            tags().addIfAbsent(tag(owner, name));
        }
        ChatId id = chats().add(carrier(owner, null, "a", "b")).id();
        assertThat(listedIds(owner)).containsExactly("a", "b");

        Chat read = reload(id);
        read.removeTag("a");
        read.addTag(TagName.of("C"));
        chats().update(read);
        assertThat(listedIds(owner)).containsExactly("b", "c");

        Chat again = reload(id);
        again.clearTags();
        chats().update(again);
        assertThat(tags().findListed(owner)).isEmpty();
    }

    @Test
    void givenTagCarriedOnlyByAnotherOwnersChat_findListed_doesNotListIt() {
        UserId owner = newOwner();
        UserId neighbour = newOwner();
        tags().addIfAbsent(tag(owner, "work"));
        Tag theirs = tag(neighbour, "work");
        tags().addIfAbsent(theirs);

        chats().add(carrier(neighbour, null, "work"));

        assertThat(tags().findListed(owner)).isEmpty();
        assertThat(tags().findListed(neighbour)).containsExactly(theirs);
    }

    // ---------------------------------------------------------------------------------------------------------
    // findByIds

    @Test
    void givenStoredTags_findByIds_answersInTheOrderOfTheIdsLeavingOutOthers() {
        UserId owner = newOwner();
        UserId neighbour = newOwner();
        Tag alpha = tag(owner, "alpha");
        Tag beta = tag(owner, "beta");
        Tag gamma = tag(owner, "Gamma Ray");
        tags().addIfAbsent(alpha);
        tags().addIfAbsent(beta);
        tags().addIfAbsent(gamma);
        tags().addIfAbsent(tag(neighbour, "delta"));
        chats().add(archivedCarrier(owner, null, "beta"));

        List<Tag> found = tags().findByIds(owner, List.of("gamma_ray", "unknown", "alpha", "delta", "beta"));

        // Carried or not, archived carriers or not: every stored record of the owner among the ids.
        assertThat(found).containsExactly(gamma, alpha, beta);
        assertThat(tags().findByIds(owner, List.of("beta", "gamma_ray", "alpha"))).containsExactly(beta, gamma, alpha);
        assertThat(tags().findByIds(owner, List.of("delta"))).isEmpty();
        assertThat(tags().findByIds(newOwner(), List.of("alpha", "beta"))).isEmpty();
    }

    @Test
    void givenNoIds_findByIds_isEmpty() {
        UserId owner = newOwner();
        tags().addIfAbsent(tag(owner, "alpha"));

        assertThat(tags().findByIds(owner, List.of())).isEmpty();
        assertThat(tags().findByIds(owner, Set.of())).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------
    // deleteUncarried and deleteAllUncarried

    @Test
    void givenCarriedAndUncarriedTags_deleteUncarried_deletesOnlyTheGivenUncarriedRecordsOfTheOwner() {
        SweepFixture fixture = sweepFixture();

        tags().deleteUncarried(fixture.owner, List.of("carried", "archived", "loose", "theirs", "unknown"));

        assertThat(storedIds(fixture.owner, SweepFixture.ALL)).containsExactly("carried", "archived", "notasked");
        assertThat(listedIds(fixture.owner)).containsExactly("carried");
        assertThat(storedIds(fixture.neighbour, SweepFixture.ALL)).containsExactly("loose", "theirs");
    }

    @Test
    void givenNoIds_deleteUncarried_deletesNothing() {
        SweepFixture fixture = sweepFixture();

        tags().deleteUncarried(fixture.owner, List.of());

        assertThat(storedIds(fixture.owner, SweepFixture.ALL))
                .containsExactly("carried", "archived", "loose", "theirs", "notasked");
    }

    @Test
    void givenCarriedAndUncarriedTags_deleteAllUncarried_deletesEveryUncarriedRecordOfTheOwnerOnly() {
        SweepFixture fixture = sweepFixture();

        tags().deleteAllUncarried(fixture.owner);

        assertThat(storedIds(fixture.owner, SweepFixture.ALL)).containsExactly("carried", "archived");
        assertThat(listedIds(fixture.owner)).containsExactly("carried");
        assertThat(storedIds(fixture.neighbour, SweepFixture.ALL)).containsExactly("loose", "theirs");
    }

    /**
     * The owner's records: {@code carried} by an active chat, {@code archived} by an archived one only,
     * {@code theirs} by the neighbour's chat only, {@code loose} and {@code notasked} by none. The neighbour has
     * uncarried records {@code loose} and {@code theirs} of their own.
     */
    private SweepFixture sweepFixture() {
        UserId owner = newOwner();
        UserId neighbour = newOwner();
        for (String id : List.of("carried", "archived", "loose", "theirs", "notasked")) {
            tags().addIfAbsent(tag(owner, id));
        }
        tags().addIfAbsent(tag(neighbour, "loose"));
        tags().addIfAbsent(tag(neighbour, "theirs"));
        chats().add(carrier(owner, null, "carried"));
        chats().add(archivedCarrier(owner, null, "archived"));
        chats().add(carrier(neighbour, null, "theirs"));
        return new SweepFixture(owner, neighbour);
    }

    private record SweepFixture(UserId owner, UserId neighbour) {
        static final String[] ALL = {"carried", "archived", "loose", "theirs", "notasked"};
    }

    // ---------------------------------------------------------------------------------------------------------
    // after bulk changes of chats

    @Test
    void givenOnlyCarrierDeleted_deleteUncarried_removesTheRecordAndKeepsTagsOthersCarry() {
        UserId owner = newOwner();
        Tag solo = tag(owner, "solo");
        Tag common = tag(owner, "common");
        tags().addIfAbsent(solo);
        tags().addIfAbsent(common);
        Chat deleted = chats().add(carrier(owner, null, "solo", "common"));
        chats().add(carrier(owner, null, "common"));

        assertThat(chats().delete(deleted.id())).isTrue();

        assertThat(tags().findListed(owner)).containsExactly(common);
        tags().deleteUncarried(owner, deleted.tagIds());
        assertThat(tags().findByIds(owner, List.of("solo", "common"))).containsExactly(common);
    }

    @Test
    void givenChatAddedAgainUnderADeletedId_deleteUncarried_countsOnlyTheNewChatsTags() {
        UserId owner = newOwner();
        tags().addIfAbsent(tag(owner, "old"));
        tags().addIfAbsent(tag(owner, "new"));
        ChatId id = chats().add(carrier(owner, null, "old")).id();
        chats().delete(id);

        chats().add(Chat.imported(id, owner, object("title", "again"), object("tags", list("new")), false, null,
                2_000, 2_000));
        tags().deleteAllUncarried(owner);

        assertThat(storedIds(owner, "old", "new")).containsExactly("new");
        assertThat(listedIds(owner)).containsExactly("new");
    }

    @Test
    void givenOwnersChatsAllDeleted_deleteAllUncarried_removesTheirRecordsAndSparesTheNeighbours() {
        UserId owner = newOwner();
        UserId neighbour = newOwner();
        tags().addIfAbsent(tag(owner, "a"));
        tags().addIfAbsent(tag(owner, "b"));
        Tag theirs = tag(neighbour, "a");
        tags().addIfAbsent(theirs);
        chats().add(carrier(owner, null, "a", "b"));
        chats().add(archivedCarrier(owner, null, "b"));
        chats().add(carrier(neighbour, null, "a"));

        assertThat(chats().deleteAllOwnedBy(owner)).isEqualTo(2);

        assertThat(tags().findListed(owner)).isEmpty();
        tags().deleteAllUncarried(owner);
        tags().deleteAllUncarried(neighbour);
        assertThat(storedIds(owner, "a", "b")).isEmpty();
        assertThat(tags().findListed(neighbour)).containsExactly(theirs);
    }

    @Test
    void givenChatsInAFolderDeleted_deleteAllUncarried_removesTheTagsOnlyTheyCarried() {
        UserId owner = newOwner();
        FolderId folder = newFolderId();
        FolderId otherFolder = newFolderId();
        for (String id : List.of("infolder", "archivedinfolder", "both", "elsewhere")) {
            tags().addIfAbsent(tag(owner, id));
        }
        chats().add(carrier(owner, folder, "infolder", "both"));
        chats().add(archivedCarrier(owner, folder, "archivedinfolder"));
        chats().add(carrier(owner, null, "both"));
        chats().add(carrier(owner, otherFolder, "elsewhere"));

        assertThat(chats().deleteInFolders(owner, Set.of(folder))).isEqualTo(2);

        assertThat(listedIds(owner)).containsExactly("both", "elsewhere");
        tags().deleteAllUncarried(owner);
        assertThat(storedIds(owner, "infolder", "archivedinfolder", "both", "elsewhere"))
                .containsExactly("both", "elsewhere");
    }

    @Test
    void givenAllChatsArchivedAndRestored_findListed_hidesThenShowsEveryTagWithItsFirstName() {
        UserId owner = newOwner();
        UserId neighbour = newOwner();
        Tag alpha = tag(owner, "Alpha");
        Tag beta = tag(owner, "Beta");
        Tag theirs = tag(neighbour, "alpha");
        tags().addIfAbsent(alpha);
        tags().addIfAbsent(beta);
        tags().addIfAbsent(theirs);
        chats().add(carrier(owner, null, "alpha"));
        chats().add(carrier(owner, null, "alpha", "beta"));
        chats().add(archivedCarrier(owner, null, "beta"));
        chats().add(carrier(neighbour, null, "alpha"));

        assertThat(chats().setArchivedOfAll(owner, true)).isEqualTo(2);

        assertThat(tags().findListed(owner)).isEmpty();
        assertThat(tags().findListed(neighbour)).containsExactly(theirs);
        tags().deleteAllUncarried(owner);
        assertThat(tags().findByIds(owner, List.of("alpha", "beta"))).containsExactly(alpha, beta);

        assertThat(chats().setArchivedOfAll(owner, false)).isEqualTo(3);

        assertThat(tags().findListed(owner)).containsExactly(alpha, beta);
    }

    @Test
    void givenChatsArchivedOneByOneAfterArchiveAll_findListed_followsEachChat() {
        // Both ways of archiving must leave the carriers in step: all at once, then one chat back by update.
        UserId owner = newOwner();
        Tag alpha = tag(owner, "alpha");
        Tag beta = tag(owner, "beta");
        tags().addIfAbsent(alpha);
        tags().addIfAbsent(beta);
        ChatId first = chats().add(carrier(owner, null, "alpha")).id();
        chats().add(carrier(owner, null, "beta"));

        chats().setArchivedOfAll(owner, true);
        toggleArchived(first);

        assertThat(tags().findListed(owner)).containsExactly(alpha);
        toggleArchived(first);
        chats().setArchivedOfAll(owner, false);
        assertThat(tags().findListed(owner)).containsExactly(alpha, beta);
    }

    // ---------------------------------------------------------------------------------------------------------
    // helpers

    /** A tag record named as a user typed it. */
    private static Tag tag(UserId owner, String typed) {
        return Tag.named(TagName.of(typed), owner);
    }

    /** A non-archived chat in the folder (null: the root) whose {@code meta.tags} holds these entries as given. */
    private static Chat carrier(UserId owner, FolderId folder, String... tags) {
        return Chat.imported(newChatId(), owner, object("title", "carrier"), object("tags", list((Object[]) tags)),
                false, folder, 1_000, 1_000);
    }

    /** An archived chat in the folder (null: the root) whose {@code meta.tags} holds these entries. */
    private static Chat archivedCarrier(UserId owner, FolderId folder, String... tags) {
        return Chat.restore(newChatId(), owner, ChatDocument.fromClient(object("title", "archived carrier")), 1_000,
                1_000, null, true, false, object("tags", list((Object[]) tags)), folder, 1);
    }

    private Chat reload(ChatId id) {
        return chats().findById(id).orElseThrow(() -> new AssertionError("chat " + id + " is not stored"));
    }

    /** Archives or unarchives the chat the way the application does: read, toggle, update. */
    private void toggleArchived(ChatId id) {
        Chat chat = reload(id);
        chat.toggleArchived(2_000);
        chats().update(chat);
    }

    private List<String> listedIds(UserId owner) {
        return tags().findListed(owner).stream().map(Tag::id).toList();
    }

    private List<String> storedIds(UserId owner, String... ids) {
        return tags().findByIds(owner, List.of(ids)).stream().map(Tag::id).toList();
    }

    private static <T> List<T> runTogether(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A tag name of exactly {@link TagName#MAX_LENGTH} characters, not all ASCII, that normalises to as many. */
    private static String longestName() {
        StringBuilder name = new StringBuilder();
        String piece = "Étiquette 😀 ";
        while (name.length() + piece.length() <= TagName.MAX_LENGTH) {
            name.append(piece);
        }
        while (name.length() < TagName.MAX_LENGTH) {
            name.append('x');
        }
        return name.toString();
    }
}
