package dev.chats.domain.port.contract;

import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatStorage;
import dev.chats.domain.chat.ChatDocument;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.ChatOrder;
import dev.chats.domain.chat.ChatQuery;
import dev.chats.domain.chat.ChatSortField;
import dev.chats.domain.chat.ChatSummary;
import dev.chats.domain.chat.Flag;
import dev.chats.domain.chat.FolderScope;
import dev.chats.domain.chat.PageRequest;
import dev.chats.domain.chat.SortDirection;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.port.ChatVersionConflictException;
import dev.chats.domain.tag.TagName;
import dev.chats.domain.user.UserId;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.chats.domain.port.contract.ContractFixtures.keyPaths;
import static dev.chats.domain.port.contract.ContractFixtures.list;
import static dev.chats.domain.port.contract.ContractFixtures.object;
import static dev.chats.domain.port.contract.ContractFixtures.ofLength;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Persistence contract: what every {@link ChatRepository} adapter must do, whichever database is behind it.
 *
 * <p><b>How to run it against a database.</b> Subclass it (for example {@code H2ChatRepositoryContractTest}),
 * implement {@link #chats()} to return the adapter under test — the same instance on every call within a test — and
 * give every test a clean store, for example by deleting all chats and messages in a {@code @BeforeEach} of the
 * subclass. The tests nevertheless use fresh random ids for chats, owners and folders and scope every list query to
 * their own owner, or to a random title marker where the query spans all owners, so leftovers from an earlier run
 * do not change their outcome.
 *
 * <p><b>What is pinned down.</b>
 * <ul>
 *   <li>A document reads back <em>equal</em> to what was sent ({@link Map#equals}), including key order. Numbers
 *   are expected back as the JDK types a JSON parser gives for their text — {@code Integer} when the value fits an
 *   int, {@code Long} when it fits a long, {@code Double} when it has a fraction or exponent — because the domain
 *   diffs message bodies with {@code equals}: an adapter that widens {@code 1} to {@code 1L} would make every later
 *   update rewrite every message.</li>
 *   <li>Messages are stored one record per message, so {@link ChatRepository#update} must delete the records in
 *   {@code pendingMessageChanges().removed()} and write the ones in {@code upserted()}; a leftover message record
 *   shows up in the next read.</li>
 *   <li>Every write is guarded by the version: a stale or vanished chat is reported as
 *   {@link ChatVersionConflictException} — never as a database-specific exception — and nothing is written.</li>
 *   <li>Owners and folders are referenced by id only: the tests use user and folder ids that were never stored, so
 *   a schema must not enforce foreign keys from chats to users or folders (imports keep folder ids as given).</li>
 *   <li>The filters mean what {@link ChatQuery#matches} says: tags are matched by normalised id (a stored display
 *   name such as {@code "Road Trip"} counts as {@code road_trip}), text search is a literal, case-insensitive
 *   substring of the title or of a message's content (not of other keys), and both follow updates.</li>
 *   <li>Title order is checked only on lower-case ASCII titles, and title and text search only with ASCII case
 *   differences, where every database collation agrees with Java's. No text contains U+0000, which PostgreSQL
 *   cannot store.</li>
 *   <li>Not covered here: that {@code delete}, {@code deleteAllOwnedBy} and {@code deleteInFolders} also delete the
 *   chats' shares — that needs a share repository beside this one.</li>
 * </ul>
 */
public abstract class ChatRepositoryContract {

    /** The repository under test; the same instance for the whole of one test. */
    protected abstract ChatRepository chats();

    // ---------------------------------------------------------------------------------------------------------
    // statistics facts

    private static Map<String, Object> statsDocument(String title) {
        Map<String, Object> messages = new LinkedHashMap<>();
        messages.put("u1", ContractFixtures.object("id", "u1", "parentId", null, "childrenIds", ContractFixtures.list("a1"),
                "role", "user", "content", "hello", "timestamp", 100));
        messages.put("a1", ContractFixtures.object("id", "a1", "parentId", "u1", "childrenIds", ContractFixtures.list(),
                "role", "assistant", "content", "héllo there", "model", "m1", "timestamp", 104,
                "annotation", ContractFixtures.object("rating", 1, "tags", ContractFixtures.list("good"))));
        messages.put("a2", ContractFixtures.object("id", "a2", "parentId", "u1", "childrenIds", ContractFixtures.list(),
                "role", "assistant", "content", ContractFixtures.list(ContractFixtures.object("type", "text", "text", "abc")),
                "model", "m2", "timestamp", 110));
        return ContractFixtures.object("title", title, "history",
                ContractFixtures.object("currentId", "a1", "messages", messages));
    }

    @Test
    void givenChatWithMessages_findFacts_hasTimesTagsCurrentIdAndEachMessagesFacts_withoutContent() {
        UserId owner = newOwner();
        Chat chat = Chat.imported(newChatId(), owner, statsDocument("Stats"),
                ContractFixtures.object("tags", ContractFixtures.list("work")), false, null, 1_000, 2_000);
        chats().add(chat);

        dev.chats.domain.stats.ChatFacts facts = chats().findFacts(chat.id()).orElseThrow();

        assertThat(facts.id()).isEqualTo(chat.id());
        assertThat(facts.owner()).isEqualTo(owner);
        assertThat(facts.createdAt()).isEqualTo(1_000);
        assertThat(facts.updatedAt()).isEqualTo(2_000);
        assertThat(facts.tags()).containsExactly("work");
        assertThat(facts.currentId()).isEqualTo("a1");
        assertThat(facts.messages().keySet()).containsExactlyInAnyOrder("u1", "a1", "a2");
        dev.chats.domain.stats.MessageFacts answer = facts.messages().get("a1");
        assertThat(answer.role()).isEqualTo("assistant");
        assertThat(answer.model()).isEqualTo("m1");
        assertThat(answer.parentId()).isEqualTo("u1");
        assertThat(((Number) answer.timestamp()).longValue()).isEqualTo(104);
        assertThat(answer.contentLength()).isEqualTo(11);
        assertThat(((Number) answer.rating()).intValue()).isEqualTo(1);
        assertThat(answer.tags()).isEqualTo(ContractFixtures.list("good"));
        assertThat(facts.messages().get("a2").contentLength()).isEqualTo(1);
        assertThat(facts.messages().get("a2").textLength()).isEqualTo(3);
        assertThat(chats().findFacts(newChatId())).isEmpty();
    }

    @Test
    void givenChatsOfTwoOwners_findFactsAndCountChats_pageTheOwnersChatsByUpdatedAt_archivedIncluded() {
        UserId owner = newOwner();
        Chat old = Chat.imported(newChatId(), owner, statsDocument("old"), Map.of(), false, null, 10, 100);
        Chat mid = Chat.imported(newChatId(), owner, statsDocument("mid"), Map.of(), false, null, 10, 200);
        Chat recent = Chat.imported(newChatId(), owner, statsDocument("recent"), Map.of(), false, null, 10, 300);
        chats().add(old);
        chats().add(mid);
        chats().add(recent);
        chats().add(Chat.imported(newChatId(), newOwner(), statsDocument("theirs"), Map.of(), false, null, 10, 250));
        chats().setArchivedOfAll(owner, true);

        assertThat(chats().findFacts(owner, java.util.OptionalLong.empty(), SortDirection.DESC, new PageRequest(0, 2)))
                .extracting(dev.chats.domain.stats.ChatFacts::id).containsExactly(recent.id(), mid.id());
        assertThat(chats().findFacts(owner, java.util.OptionalLong.of(100), SortDirection.ASC, new PageRequest(0, 10)))
                .extracting(dev.chats.domain.stats.ChatFacts::id).containsExactly(mid.id(), recent.id());
        assertThat(chats().findFacts(owner, java.util.OptionalLong.empty(), SortDirection.ASC, new PageRequest(2, 10)))
                .extracting(dev.chats.domain.stats.ChatFacts::id).containsExactly(recent.id());
        assertThat(chats().countChats(owner, java.util.OptionalLong.empty())).isEqualTo(3);
        assertThat(chats().countChats(owner, java.util.OptionalLong.of(200))).isEqualTo(1);
        assertThat(chats().countChats(newOwner(), java.util.OptionalLong.empty())).isZero();
    }

    // ---------------------------------------------------------------------------------------------------------
    // add and findById

    @Test
    void givenNewChat_add_returnsItAtVersionOneWithNothingPending() {
        Chat chat = Chat.start(newChatId(), newOwner(), conversation("Trip", "a", "b"), null, 1_000);

        Chat added = chats().add(chat);

        assertThat(added.id()).isEqualTo(chat.id());
        assertThat(added.version()).isEqualTo(1);
        assertThat(ChatStorage.of(added).pendingMessageChanges().isEmpty()).isTrue();
        assertThat(added.document()).isEqualTo(conversation("Trip", "a", "b"));
    }

    @Test
    void givenAddedChat_findById_returnsEveryFieldAsStored() {
        UserId owner = newOwner();
        FolderId folder = newFolderId();
        Map<String, Object> meta = object("tags", list("work", "travel"),
                "nested", object("n", 7, "big", 4_000_000_000L, "ratio", 0.5, "on", true, "none", null));
        Chat chat = Chat.imported(newChatId(), owner, conversation("Imported ✈", "a", "b"), meta, true, folder,
                1_600_000_000L, 1_700_000_123L);
        chat.markShared("share-" + UUID.randomUUID());

        Chat added = chats().add(chat);
        Chat back = reload(chat.id());

        assertThat(back.ownerId()).isEqualTo(owner);
        assertThat(back.title()).isEqualTo("Imported ✈");
        assertThat(back.document()).isEqualTo(conversation("Imported ✈", "a", "b"));
        assertThat(back.createdAt()).isEqualTo(1_600_000_000L);
        assertThat(back.updatedAt()).isEqualTo(1_700_000_123L);
        assertThat(back.archived()).isFalse();
        assertThat(back.pinned()).isTrue();
        assertThat(back.meta()).isEqualTo(meta);
        assertThat(back.folderId()).contains(folder);
        assertThat(back.shareId()).isEqualTo(chat.shareId());
        assertThat(back.version()).isEqualTo(1);
        assertThat(ChatStorage.of(back).pendingMessageChanges().isEmpty()).isTrue();
        assertThat(StoredState.of(back)).isEqualTo(StoredState.of(added));
    }

    @Test
    void givenArchivedUnsharedChatWithEmptyMeta_findById_returnsThoseValues() {
        Chat chat = Chat.start(newChatId(), newOwner(), object("title", "Old"), newFolderId(), 1_000);
        chat.toggleArchived(1_005);

        chats().add(chat);
        Chat back = reload(chat.id());

        assertThat(back.archived()).isTrue();
        assertThat(back.pinned()).isFalse();
        assertThat(back.folderId()).isEmpty();
        assertThat(back.shareId()).isEmpty();
        assertThat(back.meta()).isEmpty();
        assertThat(back.createdAt()).isEqualTo(1_000);
        assertThat(back.updatedAt()).isEqualTo(1_005);
        assertThat(back.version()).isEqualTo(1);
    }

    @Test
    void givenDocumentWithEveryKindOfJsonValue_findById_returnsExactlyWhatWasSent() {
        ChatId id = newChatId();

        chats().add(Chat.start(id, newOwner(), richDocument(), null, 1_000));

        assertThat(reload(id).document()).isEqualTo(richDocument());
        assertThat(reload(id).title()).isEqualTo(richDocument().get("title"));
    }

    @Test
    void givenDocument_findById_keepsTheKeyOrderOfEveryObject() {
        ChatId id = newChatId();

        chats().add(Chat.start(id, newOwner(), richDocument(), null, 1_000));

        assertThat(keyPaths(reload(id).document(), "")).containsExactlyElementsOf(keyPaths(richDocument(), ""));
    }

    @Test
    void givenManyMessages_findById_returnsThemInTheOrderSent() {
        // Not sorted by id, and more than ten, so that ordering by id or by position as text both fail.
        List<String> ids = List.of("q", "b", "zz", "a", "m", "c", "x", "d", "k", "e", "y", "f", "0", "g");
        ChatId id = newChatId();

        chats().add(Chat.start(id, newOwner(), conversation("Long", ids.toArray(String[]::new)), null, 1_000));

        assertThat(messageIds(reload(id))).containsExactlyElementsOf(ids);
        assertThat(reload(id).document()).isEqualTo(conversation("Long", ids.toArray(String[]::new)));
    }

    static Stream<Arguments> documentsKeptWhole() {
        return Stream.of(
                Arguments.of("no history", object("title", "Plain", "models", list("m"))),
                Arguments.of("history without messages", object("title", "H", "history", object("currentId", null))),
                Arguments.of("messages as a list", object("title", "L", "history",
                        object("currentId", "1", "messages", list(object("id", "1", "content", "x"))))),
                Arguments.of("messages as a string", object("history", object("messages", "not an object"))),
                Arguments.of("messages null", object("history", object("messages", null, "currentId", "x"))),
                Arguments.of("history as a string", object("title", "S", "history", "text")),
                Arguments.of("history as a list", object("history", list(1, 2))),
                Arguments.of("history null", object("history", null)),
                Arguments.of("messages an empty object", object("history", object("currentId", null, "messages",
                        object()))),
                Arguments.of("empty document", object()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentsKeptWhole")
    void givenDocumentWithoutMessageObject_findById_returnsItAsSent(String description, Map<String, Object> sent) {
        ChatId id = newChatId();
        Chat chat = Chat.start(id, newOwner(), sent, null, 1_000);

        chats().add(chat);

        assertThat(reload(id).document()).isEqualTo(sent);
        assertThat(reload(id).title()).isEqualTo(chat.title());
    }

    @Test
    void givenRestoredChat_add_storesAllItsMessagesThoughNoneIsPending() {
        // What a copy between databases does: a chat read elsewhere, added here.
        ChatId id = newChatId();
        ChatDocument document = ChatDocument.fromClient(conversation("Copied", "a", "b", "c"));
        Chat restored = Chat.restore(id, newOwner(), document, 1_000, 2_000, null, false, false, Map.of(), null, 1);

        chats().add(restored);

        assertThat(reload(id).document()).isEqualTo(conversation("Copied", "a", "b", "c"));
    }

    @Test
    void givenIdsAndTextsAtTheirLongest_findById_returnsThemWhole() {
        ChatId id = new ChatId(ofLength("imported-chat-", ChatId.MAX_LENGTH));
        UserId owner = new UserId(ofLength("user-", UserId.MAX_LENGTH));
        FolderId folder = new FolderId(ofLength("folder-", FolderId.MAX_LENGTH));
        String messageId = ofLength("message-", 255);
        String title = "Long title é 😀 ".repeat(150);
        Map<String, Object> document = object("title", title, "history", object("currentId", messageId,
                "messages", object(messageId, object("id", messageId, "content", "x"))));

        chats().add(Chat.imported(id, owner, document, Map.of(), false, folder, 1_000, 1_000));
        Chat back = reload(id);

        assertThat(back.id()).isEqualTo(id);
        assertThat(back.ownerId()).isEqualTo(owner);
        assertThat(back.folderId()).contains(folder);
        assertThat(back.title()).isEqualTo(title);
        assertThat(back.document()).isEqualTo(document);
    }

    @Test
    void givenLongConversationWithAHugeMessage_findById_returnsItWhole() {
        String huge = "Lorem ipsum dolor sit amet, ünïcödé 😀 ".repeat(50_000); // about 2 million characters
        String[] ids = new String[200];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = "m" + i;
        }
        Map<String, Object> document = conversation("Huge", ids);
        messagesOf(document).put("m7", object("id", "m7", "role", "user", "content", huge));
        ChatId id = newChatId();

        chats().add(Chat.start(id, newOwner(), document, null, 1_000));

        assertThat(reload(id).document()).isEqualTo(document);
    }

    @Test
    void givenUnknownId_findById_isEmpty() {
        assertThat(chats().findById(newChatId())).isEmpty();
    }

    @Test
    void givenReadChatChangedWithoutUpdate_findById_returnsTheStoredState() {
        ChatId id = newChatId();
        chats().add(Chat.start(id, newOwner(), conversation("Stored", "a"), null, 1_000));

        Chat read = reload(id);
        read.mergeDocument(object("title", "Not stored", "history", object("messages", object())), 2_000);
        read.togglePinned(2_000);
        read.addTag(TagName.of("local"));

        assertThat(reload(id).document()).isEqualTo(conversation("Stored", "a"));
        assertThat(reload(id).pinned()).isFalse();
        assertThat(reload(id).meta()).isEmpty();
        assertThat(reload(id).updatedAt()).isEqualTo(1_000);
    }

    // ---------------------------------------------------------------------------------------------------------
    // update

    @Test
    void givenMergedDocument_update_storesChangedAndNewMessagesAndDropsRemovedOnes() {
        ChatId id = newChatId();
        chats().add(Chat.start(id, newOwner(), conversation("Trip", "a", "b", "c"), null, 1_000));
        Chat read = reload(id);
        Map<String, Object> history = object("currentId", "d", "messages", object(
                "a", message("a", null, "user", "hi", "b"),
                "b", message("b", "a", "assistant", "edited answer", "d"),
                "d", message("d", "b", "user", "new question")));
        read.mergeDocument(object("title", "Trip (edited)", "history", history, "added", list(1, 2)), 1_010);

        Chat updated = chats().update(read);
        Chat back = reload(id);

        Map<String, Object> expected = conversation("Trip", "a", "b", "c");
        expected.put("title", "Trip (edited)");
        expected.put("history", history);
        expected.put("added", list(1, 2));
        assertThat(back.document()).isEqualTo(expected);
        assertThat(messageIds(back)).containsExactly("a", "b", "d");
        assertThat(back.title()).isEqualTo("Trip (edited)");
        assertThat(back.createdAt()).isEqualTo(1_000);
        assertThat(back.updatedAt()).isEqualTo(1_010);
        assertThat(back.version()).isEqualTo(2);
        assertThat(updated.version()).isEqualTo(2);
        assertThat(StoredState.of(back)).isEqualTo(StoredState.of(updated));
    }

    @Test
    void givenMergeThatOnlyRemovesAMessage_update_makesItGone() {
        ChatId id = newChatId();
        chats().add(Chat.start(id, newOwner(), conversation("Prune", "a", "b", "c"), null, 1_000));
        Chat read = reload(id);
        Map<String, Object> messages = messagesOf(read.document());
        messages.remove("b");
        read.mergeDocument(object("history", object("currentId", "c", "messages", messages)), 1_001);

        chats().update(read);

        assertThat(messageIds(reload(id))).containsExactly("a", "c");
        assertThat(reload(id).document()).isEqualTo(read.document());
    }

    @Test
    void givenReorderedMessages_update_storesTheNewOrder() {
        ChatId id = newChatId();
        chats().add(Chat.start(id, newOwner(), conversation("Order", "a", "b", "c"), null, 1_000));
        Chat read = reload(id);
        Map<String, Object> before = messagesOf(read.document());
        Map<String, Object> reordered = object("c", before.get("c"), "a", before.get("a"), "b", before.get("b"));
        read.mergeDocument(object("history", object("currentId", "c", "messages", reordered)), 1_001);

        chats().update(read);

        assertThat(messageIds(reload(id))).containsExactly("c", "a", "b");
    }

    @Test
    void givenNewMessageContent_update_storesTheMessageAndItsLinkFromTheParent() {
        ChatId id = newChatId();
        chats().add(Chat.start(id, newOwner(), conversation("Talk", "a", "b"), null, 1_000));
        Chat read = reload(id);
        read.upsertMessageContent("c", "a follow-up", "user", 1_020);

        chats().update(read);
        Chat back = reload(id);

        assertThat(back.document()).isEqualTo(read.document());
        assertThat(messageIds(back)).containsExactly("a", "b", "c");
        assertThat(messagesOf(back.document()).get("b")).isEqualTo(message("b", "a", "assistant", "content of b", "c"));
        assertThat(messageBody(back, "c")).containsEntry("parentId", "b").containsEntry("content", "a follow-up");
        assertThat(historyOf(back.document())).containsEntry("currentId", "c");
        assertThat(back.updatedAt()).isEqualTo(1_020);
    }

    @Test
    void givenEditedMessageContent_update_changesOnlyThatMessageInPlace() {
        ChatId id = newChatId();
        chats().add(Chat.start(id, newOwner(), conversation("Edit", "a", "b", "c"), null, 1_000));
        Chat read = reload(id);
        read.upsertMessageContent("a", "edited", null, 1_030);

        chats().update(read);
        Chat back = reload(id);

        Map<String, Object> expected = conversation("Edit", "a", "b", "c");
        messagesOf(expected).put("a", message("a", null, "user", "edited", "b"));
        assertThat(back.document()).isEqualTo(expected);
        assertThat(messageIds(back)).containsExactly("a", "b", "c");
    }

    @Test
    void givenMessagesTurnedIntoAList_update_storesTheListAndNoMessageRecords() {
        ChatId id = newChatId();
        chats().add(Chat.start(id, newOwner(), conversation("Shape", "a", "b"), null, 1_000));
        Chat read = reload(id);
        Map<String, Object> listHistory = object("currentId", null, "messages", list(object("id", "x")));
        read.mergeDocument(object("history", listHistory), 1_001);

        chats().update(read);

        Map<String, Object> expected = conversation("Shape", "a", "b");
        expected.put("history", listHistory);
        assertThat(reload(id).document()).isEqualTo(expected);
    }

    @Test
    void givenMessagesTurnedFromAListIntoAnObject_update_storesTheMessages() {
        ChatId id = newChatId();
        Map<String, Object> sent = object("title", "Shape", "history", object("messages", list("x")));
        chats().add(Chat.start(id, newOwner(), sent, null, 1_000));
        Chat read = reload(id);
        Map<String, Object> objectHistory = object("currentId", "b", "messages",
                object("b", message("b", null, "user", "first")));
        read.mergeDocument(object("history", objectHistory), 1_001);

        chats().update(read);

        assertThat(reload(id).document()).isEqualTo(object("title", "Shape", "history", objectHistory));
        assertThat(messageIds(reload(id))).containsExactly("b");
    }

    @Test
    void givenDocumentWithoutHistory_messageUpsert_update_storesTheNewHistory() {
        ChatId id = newChatId();
        chats().add(Chat.start(id, newOwner(), object("title", "Bare"), null, 1_000));
        Chat read = reload(id);
        read.upsertMessageContent("m1", "hello", "user", 1_001);

        chats().update(read);

        assertThat(reload(id).document()).isEqualTo(read.document());
        assertThat(messageIds(reload(id))).containsExactly("m1");
    }

    // ---------------------------------------------------------------------------------------------------------
    // message edits read in part (findForMessageEdit)

    /** Chats of one shape, each edited one way: the chat read whole and its twin read for the edit alone. */
    static Stream<Arguments> messageEdits() {
        List<Arguments> cases = new ArrayList<>();
        Map<String, java.util.function.Consumer<Chat>> edits = new LinkedHashMap<>();
        edits.put("content of a middle message", chat -> chat.upsertMessageContent("b", "edited b", null, 2_000));
        edits.put("content of the current message", chat -> chat.upsertMessageContent("c", "edited c", null, 2_000));
        edits.put("a stale copy's content", chat -> chat.upsertMessageContent("b", "stale b", null, 2_000));
        edits.put("a new message", chat -> chat.upsertMessageContent("n", "new needle", null, 2_000));
        edits.put("status event", chat -> chat.applyMessageEvent("b", new dev.chats.domain.chat.MessageEvent(
                "status", object("description", "done")), 2_000));
        edits.put("files event of a new message", chat -> chat.applyMessageEvent("n",
                new dev.chats.domain.chat.MessageEvent("files", object("files", list(object("name", "f")))),
                2_000));
        for (Map.Entry<String, Map<String, Object>> shape : editedShapes().entrySet()) {
            edits.forEach((name, edit) -> cases.add(Arguments.of(shape.getKey(), name, shape.getValue(), edit)));
        }
        return cases.stream();
    }

    private static Map<String, Map<String, Object>> editedShapes() {
        Map<String, Map<String, Object>> shapes = new LinkedHashMap<>();
        shapes.put("Open WebUI chat", withLinearList(conversation("Plain", "a", "b", "c"), copies -> { }));
        shapes.put("linear list with stale copies", withLinearList(conversation("Stale", "a", "b", "c"), copies -> {
            copies.get(1).put("content", "stale b");
            copies.add(object("id", "x", "role", "user", "content", "a stale needle"));
        }));
        shapes.put("no linear list", conversation("Tree", "a", "b", "c"));
        Map<String, Object> lost = conversation("Lost", "a", "b", "c");
        historyOf(lost).put("currentId", "gone");
        shapes.put("current message missing", lost);
        shapes.put("no history", object("title", "Bare", "messages", list(object("content", "legacy"))));
        return shapes;
    }

    private static Map<String, Object> withLinearList(Map<String, Object> document,
                                                      java.util.function.Consumer<List<Map<String, Object>>> shape) {
        List<Map<String, Object>> copies = new ArrayList<>();
        messagesOf(document).values().forEach(m -> copies.add(new LinkedHashMap<>(asObject(m))));
        shape.accept(copies);
        document.put("messages", new ArrayList<Object>(copies));
        return document;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("messageEdits")
    void givenMessageEdit_ofTheChatReadForIt_storesWhatTheSameEditOfTheWholeChatStores(
            String shape, String editName, Map<String, Object> document, java.util.function.Consumer<Chat> edit) {
        UserId owner = newOwner();
        Map<String, Object> meta = object("tags", list("work"));
        Chat viaWhole = chats().add(Chat.imported(newChatId(), owner, document, meta, false, null, 1_000, 1_500));
        Chat viaPart = chats().add(Chat.imported(newChatId(), owner, document, meta, false, null, 1_000, 1_500));

        Chat whole = reload(viaWhole.id());
        edit.accept(whole);
        chats().update(whole);
        Chat part = chats().findForMessageEdit(viaPart.id(), editedMessage(editName)).orElseThrow();
        edit.accept(part);
        chats().update(part);

        Chat wholeBack = reload(viaWhole.id());
        Chat partBack = reload(viaPart.id());
        assertThat(partBack.document()).isEqualTo(wholeBack.document());
        assertThat(StoredState.of(partBack)).usingRecursiveComparison().ignoringFields("id")
                .isEqualTo(StoredState.of(wholeBack));
        for (String text : List.of("edited b", "edited c", "stale b", "new needle", "a stale needle", "legacy",
                "content of b")) {
            List<ChatId> found = chats().findSummaries(ChatQuery.allOf(owner, new PageRequest(0, 10))
                    .withTextContains(text)).stream().map(ChatSummary::id).toList();
            assertThat(found.contains(viaPart.id())).as("the chat edited in part found by \"%s\"", text)
                    .isEqualTo(found.contains(viaWhole.id()));
        }
        if (editName.startsWith("content") || editName.equals("a new message")) {
            String written = editName.equals("a new message") ? "new needle" : "edited";
            assertThat(chats().count(ChatQuery.allOf(owner, new PageRequest(0, 10)).withTextContains(written)))
                    .isEqualTo(2);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object value) {
        return (Map<String, Object>) value;
    }

    private static String editedMessage(String editName) {
        return editName.contains("new message") ? "n" : editName.contains("current") ? "c" : "b";
    }

    @Test
    void givenEditOfANewMessage_readForIt_storesItAfterTheLastMessage() {
        ChatId id = newChatId();
        Map<String, Object> document = conversation("Order", "a", "b", "c");
        chats().add(Chat.start(id, newOwner(), document, null, 1_000));
        Chat read = reload(id);
        read.mergeDocument(object("history", object("messages", object("c", messagesOf(document).get("c"),
                "a", messagesOf(document).get("a"), "b", messagesOf(document).get("b")), "currentId", "b")), 1_001);
        chats().update(read);

        Chat part = chats().findForMessageEdit(id, "d").orElseThrow();
        part.upsertMessageContent("d", "last", null, 1_002);
        chats().update(part);

        assertThat(messageIds(reload(id))).containsExactly("c", "a", "b", "d");
        assertThat(messageBody(reload(id), "d")).containsEntry("parentId", "b");
        assertThat(messageBody(reload(id), "b").get("childrenIds")).isEqualTo(list("c", "d"));
    }

    @Test
    void givenChatReadForAnEdit_aWriteInBetween_makesItsUpdateConflict() {
        ChatId id = newChatId();
        chats().add(Chat.start(id, newOwner(), conversation("Race", "a", "b"), null, 1_000));
        Chat part = chats().findForMessageEdit(id, "a").orElseThrow();
        Chat other = reload(id);
        other.upsertMessageContent("b", "first", null, 1_001);
        chats().update(other);

        part.upsertMessageContent("a", "second", null, 1_002);

        assertThatThrownBy(() -> chats().update(part)).isInstanceOf(ChatVersionConflictException.class);
        assertThat(messageBody(reload(id), "a")).containsEntry("content", "content of a");
    }

    @Test
    void givenChatNotBeingWritten_findForMessageEdit_readsOnlyPartOfIt() {
        ChatId id = newChatId();
        chats().add(Chat.start(id, newOwner(), conversation("Rest", "a", "b", "c"), null, 1_000));

        Chat edited = chats().findForMessageEdit(id, "b").orElseThrow();
        Chat added = chats().findForMessageEdit(id, "d").orElseThrow();

        assertThatThrownBy(edited::document).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(added::document).isInstanceOf(IllegalStateException.class);
        assertThat(edited.title()).isEqualTo("Rest");
        assertThat(edited.version()).isEqualTo(1);
    }

    @Test
    void givenUnknownId_findForMessageEdit_isEmpty() {
        assertThat(chats().findForMessageEdit(newChatId(), "a")).isEmpty();
    }

    @Test
    void readsDuringMessageWrites_alwaysSeeOneWholeVersion() throws Exception {
        ChatId id = newChatId();
        chats().add(Chat.start(id, newOwner(), object("title", "Busy"), null, 1_000));
        int writes = 40;
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        Callable<Integer> writer = () -> {
            try {
                for (int i = 0; i < writes; i++) {
                    Chat read = reload(id);
                    read.upsertMessageContent("m" + i, "content " + i, "user", 1_001 + i);
                    chats().update(read);
                }
                return writes;
            } finally {
                writing.set(false);
            }
        };
        Callable<Integer> reader = () -> {
            int reads = 0;
            while (writing.get()) {
                Chat seen = reload(id);
                // a whole version: the history names exactly the messages stored with it, m0 .. m(n-1)
                List<String> ids = seen.document().containsKey("history") ? messageIds(seen) : List.of();
                for (int i = 0; i < ids.size(); i++) {
                    assertThat(ids).contains("m" + i);
                }
                reads++;
            }
            return reads;
        };

        List<Integer> done = runTogether(List.of(writer, reader, reader));

        assertThat(done.get(0)).isEqualTo(writes);
        assertThat(messageIds(reload(id))).hasSize(writes);
    }

    @Test
    void givenFlagFolderMetaAndShareChanges_update_storesEachOfThem() {
        ChatId id = newChatId();
        FolderId folder = newFolderId();
        chats().add(Chat.start(id, newOwner(), object("title", "Flags"), null, 1_000));

        Chat read = reload(id);
        read.togglePinned(1_001);
        read.addTag(TagName.of("Work Stuff"));
        read.markShared("share-" + UUID.randomUUID());
        Chat second = chats().update(read);
        Chat back = reload(id);
        assertThat(back.pinned()).isTrue();
        assertThat(back.meta()).isEqualTo(object("tags", list("work_stuff")));
        assertThat(back.shareId()).isEqualTo(read.shareId()).isPresent();
        assertThat(back.updatedAt()).isEqualTo(1_001);
        assertThat(StoredState.of(back)).isEqualTo(StoredState.of(second));

        back.moveToFolder(folder, 1_002);
        back.markUnshared();
        back.clearTags();
        Chat third = chats().update(back);
        Chat back2 = reload(id);
        assertThat(back2.folderId()).contains(folder);
        assertThat(back2.pinned()).isFalse();
        assertThat(back2.shareId()).isEmpty();
        assertThat(back2.meta()).isEqualTo(object("tags", list()));
        assertThat(StoredState.of(back2)).isEqualTo(StoredState.of(third));

        back2.toggleArchived(1_003);
        Chat fourth = chats().update(back2);
        Chat back3 = reload(id);
        assertThat(back3.archived()).isTrue();
        assertThat(back3.folderId()).isEmpty();
        assertThat(back3.createdAt()).isEqualTo(1_000);
        assertThat(back3.updatedAt()).isEqualTo(1_003);
        assertThat(back3.version()).isEqualTo(4);
        assertThat(StoredState.of(back3)).isEqualTo(StoredState.of(fourth));
    }

    @Test
    void givenChatReturnedByAddAndUpdate_update_canChainOnEachResult() {
        ChatId id = newChatId();
        Chat v1 = chats().add(Chat.start(id, newOwner(), object("title", "v1"), null, 1_000));

        v1.mergeDocument(object("title", "v2"), 1_001);
        Chat v2 = chats().update(v1);
        v2.mergeDocument(object("title", "v3"), 1_002);
        Chat v3 = chats().update(v2);

        assertThat(v2.version()).isEqualTo(2);
        assertThat(v3.version()).isEqualTo(3);
        assertThat(reload(id).version()).isEqualTo(3);
        assertThat(reload(id).title()).isEqualTo("v3");
    }

    @Test
    void givenTwoCopiesReadAtTheSameVersion_secondUpdate_throwsConflictAndTheFirstSurvives() {
        ChatId id = newChatId();
        chats().add(Chat.start(id, newOwner(), conversation("Shared", "a", "b"), null, 1_000));
        Chat first = reload(id);
        Chat second = reload(id);

        first.upsertMessageContent("a", "edited by first", null, 1_001);
        first.mergeDocument(object("title", "first"), 1_001);
        chats().update(first);

        Map<String, Object> secondsHistory = object("currentId", "c", "messages", object(
                "a", message("a", null, "user", "content of a", "b"),
                "c", message("c", "a", "user", "added by second")));
        second.mergeDocument(object("title", "second", "history", secondsHistory), 1_002);
        second.togglePinned(1_002);
        assertThatThrownBy(() -> chats().update(second)).isInstanceOf(ChatVersionConflictException.class);

        Chat back = reload(id);
        assertThat(back.title()).isEqualTo("first");
        assertThat(back.document()).isEqualTo(first.document());
        assertThat(messageIds(back)).containsExactly("a", "b");
        assertThat(messageBody(back, "a")).containsEntry("content", "edited by first");
        assertThat(back.pinned()).isFalse();
        assertThat(back.updatedAt()).isEqualTo(1_001);
        assertThat(back.version()).isEqualTo(2);
    }

    @Test
    void givenDeletedChat_update_throwsConflictAndDoesNotBringItBack() {
        ChatId id = newChatId();
        chats().add(Chat.start(id, newOwner(), conversation("Gone", "a"), null, 1_000));
        Chat read = reload(id);
        chats().delete(id);

        read.upsertMessageContent("b", "too late", "user", 1_001);
        assertThatThrownBy(() -> chats().update(read)).isInstanceOf(ChatVersionConflictException.class);

        assertThat(chats().findById(id)).isEmpty();
    }

    @Test
    void givenChatNeverStored_update_throwsConflictAndStoresNothing() {
        Chat chat = Chat.start(newChatId(), newOwner(), conversation("Never", "a"), null, 1_000);

        assertThatThrownBy(() -> chats().update(chat)).isInstanceOf(ChatVersionConflictException.class);

        assertThat(chats().findById(chat.id())).isEmpty();
    }

    @Test
    void givenConcurrentUpdatesAtTheSameVersion_update_letsExactlyOneWin() throws Exception {
        ChatId id = newChatId();
        chats().add(Chat.start(id, newOwner(), conversation("Race", "a"), null, 1_000));
        int writers = 8;
        List<Chat> copies = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            Chat copy = reload(id);
            copy.upsertMessageContent("m" + i, "by writer " + i, "user", 1_001 + i);
            copy.mergeDocument(object("title", "writer " + i), 1_001 + i);
            copies.add(copy);
        }

        List<String> winners = runTogether(copies.stream().<Callable<String>>map(copy -> () -> {
            try {
                chats().update(copy);
                return copy.title();
            } catch (ChatVersionConflictException lost) {
                return null;
            }
        }).toList()).stream().filter(title -> title != null).toList();

        assertThat(winners).hasSize(1);
        Chat back = reload(id);
        String winner = winners.get(0);
        assertThat(back.title()).isEqualTo(winner);
        assertThat(back.version()).isEqualTo(2);
        assertThat(messageIds(back)).containsExactly("a", "m" + winner.substring("writer ".length()));
    }

    @Test
    void givenConcurrentWritersThatRetryOnConflict_update_losesNoMessage() throws Exception {
        ChatId id = newChatId();
        chats().add(Chat.start(id, newOwner(), conversation("Busy", "root"), null, 1_000));
        int writers = 4;
        int messagesEach = 5;

        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            tasks.add(() -> {
                int conflicts = 0;
                for (int j = 0; j < messagesEach; j++) {
                    while (true) {
                        Chat read = reload(id);
                        read.upsertMessageContent("w" + writer + "-" + j, "from writer " + writer, "user", 2_000);
                        try {
                            chats().update(read);
                            break;
                        } catch (ChatVersionConflictException retry) {
                            if (++conflicts > 10_000) {
                                throw new AssertionError("writer " + writer + " never got through");
                            }
                        }
                    }
                }
                return conflicts;
            });
        }
        runTogether(tasks);

        Chat back = reload(id);
        assertThat(back.version()).isEqualTo(1 + writers * messagesEach);
        assertThat(messageIds(back)).hasSize(1 + writers * messagesEach);
        for (int w = 0; w < writers; w++) {
            for (int j = 0; j < messagesEach; j++) {
                assertThat(messageIds(back)).contains("w" + w + "-" + j);
            }
        }
        // Every new message hangs under the message that was current when it was written: one unbroken chain.
        for (String messageId : messageIds(back)) {
            Object parent = messageBody(back, messageId).get("parentId");
            if (parent != null) {
                assertThat(messageIds(back)).contains((String) parent);
                assertThat(messageBody(back, (String) parent).get("childrenIds"))
                        .asInstanceOf(InstanceOfAssertFactories.LIST).contains(messageId);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // delete and deleteAllOwnedBy

    @Test
    void givenStoredChat_delete_removesItAndAnswersTrueThenFalse() {
        ChatId id = newChatId();
        ChatId other = newChatId();
        UserId owner = newOwner();
        chats().add(Chat.start(id, owner, conversation("Bye", "a", "b"), null, 1_000));
        chats().add(Chat.start(other, owner, conversation("Stays", "a", "b"), null, 1_000));

        assertThat(chats().delete(id)).isTrue();
        assertThat(chats().findById(id)).isEmpty();
        assertThat(chats().delete(id)).isFalse();
        assertThat(chats().findById(other).map(Chat::document)).contains(conversation("Stays", "a", "b"));
    }

    @Test
    void givenUnknownId_delete_answersFalse() {
        assertThat(chats().delete(newChatId())).isFalse();
    }

    @Test
    void givenDeletedChat_addingItsIdAgain_startsWithoutTheOldMessages() {
        ChatId id = newChatId();
        UserId owner = newOwner();
        chats().add(Chat.start(id, owner, conversation("Old", "a", "b"), null, 1_000));
        chats().delete(id);

        chats().add(Chat.start(id, owner, conversation("New", "z"), null, 2_000));

        assertThat(reload(id).document()).isEqualTo(conversation("New", "z"));
    }

    @Test
    void givenChatsOfTwoOwners_deleteAllOwnedBy_deletesAndCountsOnlyThatOwnersChats() {
        UserId owner = newOwner();
        UserId neighbour = newOwner();
        ChatId mine1 = newChatId();
        ChatId mine2 = newChatId();
        ChatId mine3 = newChatId();
        ChatId theirs = newChatId();
        chats().add(Chat.start(mine1, owner, conversation("1", "a"), null, 1_000));
        chats().add(Chat.start(mine2, owner, object("title", "2"), null, 1_000));
        Chat archived = Chat.start(mine3, owner, conversation("3", "a", "b"), null, 1_000);
        archived.toggleArchived(1_001);
        chats().add(archived);
        chats().add(Chat.start(theirs, neighbour, conversation("theirs", "a"), null, 1_000));

        assertThat(chats().deleteAllOwnedBy(owner)).isEqualTo(3);

        assertThat(chats().findById(mine1)).isEmpty();
        assertThat(chats().findById(mine2)).isEmpty();
        assertThat(chats().findById(mine3)).isEmpty();
        assertThat(reload(theirs).document()).isEqualTo(conversation("theirs", "a"));
        assertThat(chats().deleteAllOwnedBy(owner)).isZero();
        assertThat(chats().deleteAllOwnedBy(newOwner())).isZero();

        chats().add(Chat.start(mine1, owner, object("title", "again", "history", object("messages", list())), null,
                3_000));
        assertThat(reload(mine1).document())
                .isEqualTo(object("title", "again", "history", object("messages", list())));
    }

    // ---------------------------------------------------------------------------------------------------------
    // findSummaries and findChats: filters

    @Test
    void givenOwnersChats_findSummaries_returnsIdTitleAndTimesOfThatOwnersChatsOnly() {
        UserId owner = newOwner();
        ChatId first = newChatId();
        ChatId second = newChatId();
        chats().add(Chat.imported(first, owner, conversation("First", "a"), Map.of(), false, null, 100, 500));
        chats().add(Chat.imported(second, owner, object("title", "Second"), Map.of(), false, null, 200, 400));
        chats().add(Chat.imported(newChatId(), newOwner(), object("title", "Foreign"), Map.of(), false, null, 300,
                600));

        List<ChatSummary> summaries = chats().findSummaries(ChatQuery.allOf(owner, new PageRequest(0, 10)));

        assertThat(summaries).containsExactly(
                new ChatSummary(first, "First", 500, 100),
                new ChatSummary(second, "Second", 400, 200));
    }

    @Test
    void givenOwnersChats_findChats_returnsThemWithDocumentsAndCurrentVersions() {
        UserId owner = newOwner();
        ChatId id = newChatId();
        FolderId folder = newFolderId();
        chats().add(Chat.imported(id, owner, conversation("Full", "a", "b"), object("tags", list("t")), true, folder,
                100, 200));
        Chat read = reload(id);
        read.upsertMessageContent("c", "more", "user", 300);
        chats().update(read);
        chats().add(Chat.imported(newChatId(), newOwner(), object("title", "Foreign"), Map.of(), false, null, 300,
                600));

        List<Chat> found = chats().findChats(ChatQuery.allOf(owner, new PageRequest(0, 10)));

        assertThat(found).hasSize(1);
        Chat chat = found.get(0);
        assertThat(chat.document()).isEqualTo(read.document());
        assertThat(chat.version()).isEqualTo(2);
        assertThat(ChatStorage.of(chat).pendingMessageChanges().isEmpty()).isTrue();
        assertThat(StoredState.of(chat)).isEqualTo(StoredState.of(reload(id)));
        assertThat(chat.meta()).isEqualTo(object("tags", list("t")));
        assertThat(chat.folderId()).contains(folder);
        assertThat(chat.pinned()).isTrue();
    }

    static Stream<Arguments> filters() {
        return Stream.of(
                Arguments.of("every chat", Flag.ANY, Flag.ANY, "any",
                        List.of("plain", "pinned", "archived", "archivedPinned", "inF1", "pinnedInF1", "inF2")),
                Arguments.of("archived only", Flag.ONLY_TRUE, Flag.ANY, "any", List.of("archived", "archivedPinned")),
                Arguments.of("not archived", Flag.ONLY_FALSE, Flag.ANY, "any",
                        List.of("plain", "pinned", "inF1", "pinnedInF1", "inF2")),
                Arguments.of("pinned only", Flag.ANY, Flag.ONLY_TRUE, "any",
                        List.of("pinned", "archivedPinned", "pinnedInF1")),
                Arguments.of("not pinned", Flag.ANY, Flag.ONLY_FALSE, "any",
                        List.of("plain", "archived", "inF1", "inF2")),
                Arguments.of("root only", Flag.ANY, Flag.ANY, "root",
                        List.of("plain", "pinned", "archived", "archivedPinned")),
                Arguments.of("in folder 1", Flag.ANY, Flag.ANY, "f1", List.of("inF1", "pinnedInF1")),
                Arguments.of("in folders 1 and 2", Flag.ANY, Flag.ANY, "f1+f2", List.of("inF1", "pinnedInF1", "inF2")),
                Arguments.of("in no folder at all", Flag.ANY, Flag.ANY, "empty set", List.of()),
                Arguments.of("in an unknown folder", Flag.ANY, Flag.ANY, "unknown", List.of()),
                Arguments.of("not archived, not pinned, at the root", Flag.ONLY_FALSE, Flag.ONLY_FALSE, "root",
                        List.of("plain")),
                Arguments.of("not archived, at the root", Flag.ONLY_FALSE, Flag.ANY, "root",
                        List.of("plain", "pinned")),
                Arguments.of("not archived, pinned, in folder 1", Flag.ONLY_FALSE, Flag.ONLY_TRUE, "f1",
                        List.of("pinnedInF1")),
                Arguments.of("archived and pinned", Flag.ONLY_TRUE, Flag.ONLY_TRUE, "any", List.of("archivedPinned")),
                Arguments.of("archived, in folder 1", Flag.ONLY_TRUE, Flag.ANY, "f1", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void givenChatsInEveryState_findSummariesAndFindChats_returnExactlyTheMatchingOnes(
            String description, Flag archived, Flag pinned, String scope, List<String> expected) {
        UserId owner = newOwner();
        FolderId f1 = newFolderId();
        FolderId f2 = newFolderId();
        Named named = new Named();
        named.put("plain", add(plainChat(owner, "plain", 100)));
        Chat pinnedChat = add(plainChat(owner, "pinned", 200));
        pinnedChat.togglePinned(1_000);
        named.put("pinned", chats().update(pinnedChat));
        Chat archivedChat = add(plainChat(owner, "archived", 300));
        archivedChat.toggleArchived(1_000);
        named.put("archived", chats().update(archivedChat));
        Chat archivedPinned = add(plainChat(owner, "archivedPinned", 400));
        archivedPinned.togglePinned(1_000);
        archivedPinned.toggleArchived(1_000);
        named.put("archivedPinned", chats().update(archivedPinned));
        Chat inF1 = add(plainChat(owner, "inF1", 500));
        inF1.moveToFolder(f1, 1_000);
        named.put("inF1", chats().update(inF1));
        named.put("pinnedInF1", add(Chat.imported(newChatId(), owner, object("title", "pinnedInF1"), Map.of(), true,
                f1, 600, 600)));
        Chat inF2 = add(plainChat(owner, "inF2", 700));
        inF2.moveToFolder(f2, 1_000);
        named.put("inF2", chats().update(inF2));
        add(plainChat(newOwner(), "plain of someone else", 50));
        FolderScope folderScope = switch (scope) {
            case "any" -> FolderScope.any();
            case "root" -> FolderScope.rootOnly();
            case "f1" -> FolderScope.in(Set.of(f1));
            case "f1+f2" -> FolderScope.in(Set.of(f1, f2));
            case "empty set" -> FolderScope.in(Set.of());
            case "unknown" -> FolderScope.in(Set.of(newFolderId()));
            default -> throw new IllegalArgumentException(scope);
        };

        ChatQuery query = new ChatQuery(Optional.of(owner), archived, pinned, folderScope, Optional.empty(),
                CREATED_FIRST, new PageRequest(0, 100));
        List<ChatId> listed = listed(query);

        assertThat(named.namesOf(listed)).containsExactlyElementsOf(expected);
        assertThat(chats().count(query)).as("count, whatever the window").isEqualTo(expected.size());
        assertThat(chats().count(query.withPage(new PageRequest(5, 1)))).isEqualTo(expected.size());
    }

    static Stream<Arguments> titleSearches() {
        return Stream.of(
                Arguments.of("paris", List.of("Trip To PARIS", "paris notes")),
                Arguments.of("TRIP to", List.of("Trip To PARIS")),
                Arguments.of("100%", List.of("100% done")),
                Arguments.of("%", List.of("100% done")),
                Arguments.of("a_b", List.of("a_b")),
                Arguments.of("_", List.of("a_b")),
                Arguments.of("k\\s", List.of("back\\slash")),
                Arguments.of("\\", List.of("back\\slash")),
                Arguments.of("'", List.of("it's")),
                Arguments.of("[a]", List.of("[a] bracketed")),
                Arguments.of("*", List.of()),
                Arguments.of("nothing like this", List.of()));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("titleSearches")
    void givenTitles_titleContains_matchesCaseInsensitivelyAndLiterally(String search, List<String> expected) {
        UserId owner = newOwner();
        List<String> titles = List.of("Trip To PARIS", "paris notes", "London", "100% done", "1000 done", "a_b", "axb",
                "back\\slash", "backslash", "it's", "[a] bracketed", "a bracketed");
        Named named = new Named();
        for (int i = 0; i < titles.size(); i++) {
            named.put(titles.get(i), add(plainChat(owner, titles.get(i), 100 + i)));
        }
        add(plainChat(newOwner(), "paris of someone else 100% a_b back\\slash", 1));

        List<ChatId> listed = listed(new ChatQuery(Optional.of(owner), Flag.ANY, Flag.ANY, FolderScope.any(),
                Optional.of(search), CREATED_FIRST, new PageRequest(0, 100)));

        assertThat(named.namesOf(listed)).containsExactlyElementsOf(expected);
    }

    @Test
    void givenNoOwner_findSummariesAndFindChats_coverEveryUsersChats() {
        String marker = UUID.randomUUID().toString();
        UserId x = newOwner();
        UserId y = newOwner();
        Named named = new Named();
        named.put("x1", add(plainChat(x, marker + " x1", 100)));
        named.put("y1", add(plainChat(y, marker + " y1", 200)));
        named.put("x2", add(plainChat(x, marker + " x2", 300)));
        named.put("y2", add(plainChat(y, marker + " y2", 400)));
        Chat archivedOfY = add(plainChat(y, marker + " y3", 500));
        archivedOfY.toggleArchived(600);
        named.put("y3 archived", chats().update(archivedOfY));
        add(plainChat(x, "unmarked", 150));

        ChatQuery everyone = new ChatQuery(Optional.empty(), Flag.ANY, Flag.ANY, FolderScope.any(),
                Optional.of(marker), CREATED_FIRST, new PageRequest(0, 100));

        assertThat(named.namesOf(listed(everyone))).containsExactly("x1", "y1", "x2", "y2", "y3 archived");
        assertThat(named.namesOf(listed(everyone.withPage(new PageRequest(1, 2))))).containsExactly("y1", "x2");
        assertThat(named.namesOf(listed(new ChatQuery(Optional.empty(), Flag.ONLY_FALSE, Flag.ANY,
                FolderScope.any(), Optional.of(marker), CREATED_FIRST, new PageRequest(0, 100)))))
                .containsExactly("x1", "y1", "x2", "y2");
        assertThat(named.namesOf(listed(new ChatQuery(Optional.of(x), Flag.ANY, Flag.ANY, FolderScope.any(),
                Optional.of(marker), CREATED_FIRST, new PageRequest(0, 100))))).containsExactly("x1", "x2");
    }

    // ---------------------------------------------------------------------------------------------------------
    // findSummaries and findChats: order and window

    /**
     * Four chats A–D whose ids sort C &lt; D &lt; B &lt; A and that are added in the order A, B, D, C, so that
     * neither insertion order nor a descending id breaks a tie the way the order demands: B and C share
     * {@code updated_at}, C and D share {@code created_at}, B and D share a title.
     */
    static Stream<Arguments> orders() {
        return Stream.of(
                Arguments.of(ChatSortField.UPDATED_AT, SortDirection.ASC, List.of("D", "C", "B", "A")),
                Arguments.of(ChatSortField.UPDATED_AT, SortDirection.DESC, List.of("A", "C", "B", "D")),
                Arguments.of(ChatSortField.CREATED_AT, SortDirection.ASC, List.of("A", "B", "C", "D")),
                Arguments.of(ChatSortField.CREATED_AT, SortDirection.DESC, List.of("C", "D", "B", "A")),
                Arguments.of(ChatSortField.TITLE, SortDirection.ASC, List.of("D", "B", "C", "A")),
                Arguments.of(ChatSortField.TITLE, SortDirection.DESC, List.of("A", "C", "D", "B")));
    }

    @Test
    void orderCases_coverEverySortFieldInBothDirections() {
        Set<String> covered = orders().map(a -> a.get()[0] + " " + a.get()[1]).collect(Collectors.toSet());
        Set<String> all = new HashSet<>();
        for (ChatSortField field : ChatSortField.values()) {
            for (SortDirection direction : EnumSet.allOf(SortDirection.class)) {
                all.add(field + " " + direction);
            }
        }
        assertThat(covered).isEqualTo(all);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("orders")
    void givenTiesOnEveryField_findSummariesAndFindChats_orderByFieldThenIdAscending(
            ChatSortField field, SortDirection direction, List<String> expected) {
        UserId owner = newOwner();
        List<ChatId> ids = Stream.generate(this::newChatId).limit(4)
                .sorted((p, q) -> p.value().compareTo(q.value())).toList();
        ChatId c = ids.get(0);
        ChatId d = ids.get(1);
        ChatId b = ids.get(2);
        ChatId a = ids.get(3);
        Named named = new Named();
        named.put("A", add(Chat.imported(a, owner, object("title", "delta"), Map.of(), false, null, 100, 400)));
        named.put("B", add(Chat.imported(b, owner, object("title", "alpha"), Map.of(), false, null, 200, 300)));
        named.put("D", add(Chat.imported(d, owner, object("title", "alpha"), Map.of(), false, null, 300, 100)));
        named.put("C", add(Chat.imported(c, owner, object("title", "charlie"), Map.of(), false, null, 300, 300)));

        List<ChatId> listed = listed(new ChatQuery(Optional.of(owner), Flag.ANY, Flag.ANY, FolderScope.any(),
                Optional.empty(), new ChatOrder(field, direction), new PageRequest(0, 100)));

        assertThat(named.namesOf(listed)).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> windows() {
        return Stream.of(
                Arguments.of(0L, 2, List.of("e5", "e4")),
                Arguments.of(2L, 2, List.of("e3", "e2")),
                Arguments.of(4L, 2, List.of("e1")),
                Arguments.of(1L, 3, List.of("e4", "e3", "e2")),
                Arguments.of(0L, 1, List.of("e5")),
                Arguments.of(0L, PageRequest.MAX_LIMIT, List.of("e5", "e4", "e3", "e2", "e1")),
                Arguments.of(5L, 2, List.of()),
                Arguments.of(100L, 10, List.of()),
                Arguments.of(3_000_000_000L, 10, List.of()));
    }

    @ParameterizedTest(name = "offset {0}, limit {1}")
    @MethodSource("windows")
    void givenFiveChats_findSummariesAndFindChats_returnTheRequestedWindow(long offset, int limit,
                                                                          List<String> expected) {
        UserId owner = newOwner();
        Named named = new Named();
        for (int i = 1; i <= 5; i++) {
            named.put("e" + i, add(Chat.imported(newChatId(), owner, object("title", "e" + i), Map.of(), false, null,
                    1_000 - i, 100L * i)));
        }

        List<ChatId> listed = listed(ChatQuery.allOf(owner, new PageRequest(offset, limit)));

        assertThat(named.namesOf(listed)).containsExactlyElementsOf(expected);
    }

    @Test
    void givenPagesOfAList_walkingThem_returnsEveryChatOnce() {
        UserId owner = newOwner();
        List<ChatId> all = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            all.add(add(Chat.imported(newChatId(), owner, object("title", "t"), Map.of(), false, null, 100, 100)).id());
        }
        all.sort((p, q) -> p.value().compareTo(q.value()));

        List<ChatId> walked = new ArrayList<>();
        PageRequest page = new PageRequest(0, 3);
        List<ChatId> batch;
        do {
            batch = listed(ChatQuery.allOf(owner, page));
            walked.addAll(batch);
            page = page.next();
        } while (!batch.isEmpty());

        assertThat(walked).containsExactlyElementsOf(all);
    }

    // ---------------------------------------------------------------------------------------------------------
    // findSummaries and findChats: tag, share and text filters

    static Stream<Arguments> tagFilters() {
        return Stream.of(
                Arguments.of("work", Set.of("work"), false,
                        List.of("work", "workTravel", "displayNames", "archivedWork", "retagged")),
                Arguments.of("travel", Set.of("travel"), false, List.of("workTravel")),
                Arguments.of("work and travel", Set.of("work", "travel"), false, List.of("workTravel")),
                Arguments.of("a display name's id", Set.of("road_trip"), false, List.of("displayNames")),
                Arguments.of("work and road_trip", Set.of("work", "road_trip"), false, List.of("displayNames")),
                Arguments.of("a tag no chat carries", Set.of("nothing"), false, List.of()),
                Arguments.of("untagged", Set.of(), true, List.of("untagged", "emptyTags", "removedTags")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tagFilters")
    void givenTaggedChats_tagFilters_matchNormalisedIdsAllOfWhichMustBeCarried(
            String description, Set<String> allTags, boolean untagged, List<String> expected) {
        UserId owner = newOwner();
        Named named = new Named();
        Chat work = add(plainChat(owner, "work", 100));
        work.addTag(TagName.of("work"));
        named.put("work", chats().update(work));
        named.put("workTravel", add(taggedChat(owner, "workTravel", 200, list("work", "travel"))));
        named.put("displayNames", add(taggedChat(owner, "displayNames", 300, list("Work", "Road Trip"))));
        named.put("untagged", add(plainChat(owner, "untagged", 400)));
        named.put("emptyTags", add(taggedChat(owner, "emptyTags", 500, list())));
        Chat archivedWork = add(taggedChat(owner, "archivedWork", 600, list("work")));
        archivedWork.toggleArchived(1_000);
        named.put("archivedWork", chats().update(archivedWork));
        Chat retagged = add(taggedChat(owner, "retagged", 700, list("travel")));
        retagged.removeTag("travel");
        retagged.addTag(TagName.of("Work"));
        named.put("retagged", chats().update(retagged));
        Chat removedTags = add(taggedChat(owner, "removedTags", 800, list("work", "travel")));
        removedTags.clearTags();
        named.put("removedTags", chats().update(removedTags));
        add(taggedChat(newOwner(), "work of someone else", 50, list("work", "travel", "road_trip")));
        ChatQuery base = new ChatQuery(Optional.of(owner), Flag.ANY, Flag.ANY, FolderScope.any(), Optional.empty(),
                CREATED_FIRST, new PageRequest(0, 100));

        List<ChatId> listed = listed(untagged ? base.untaggedOnly() : base.withAllTags(allTags));

        assertThat(named.namesOf(listed)).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> shareFilters() {
        return Stream.of(
                Arguments.of(Flag.ONLY_TRUE, List.of("shared", "sharedLater")),
                Arguments.of(Flag.ONLY_FALSE, List.of("neverShared", "unshared")),
                Arguments.of(Flag.ANY, List.of("shared", "neverShared", "unshared", "sharedLater")));
    }

    @ParameterizedTest(name = "shared {0}")
    @MethodSource("shareFilters")
    void givenSharedAndUnsharedChats_sharedFilter_matchesOnHavingAShareId(Flag shared, List<String> expected) {
        UserId owner = newOwner();
        Named named = new Named();
        Chat sharedChat = plainChat(owner, "shared", 100);
        sharedChat.markShared("share-" + UUID.randomUUID());
        named.put("shared", add(sharedChat));
        named.put("neverShared", add(plainChat(owner, "neverShared", 200)));
        Chat unshared = plainChat(owner, "unshared", 300);
        unshared.markShared("share-" + UUID.randomUUID());
        unshared = add(unshared);
        unshared.markUnshared();
        named.put("unshared", chats().update(unshared));
        Chat sharedLater = add(plainChat(owner, "sharedLater", 400));
        sharedLater.markShared("share-" + UUID.randomUUID());
        named.put("sharedLater", chats().update(sharedLater));

        List<ChatId> listed = listed(new ChatQuery(Optional.of(owner), Flag.ANY, Flag.ANY, FolderScope.any(),
                Optional.empty(), CREATED_FIRST, new PageRequest(0, 100)).withShared(shared));

        assertThat(named.namesOf(listed)).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> textSearches() {
        return Stream.of(
                Arguments.of("needle", List.of("inTitle", "inMessage", "inContentParts", "inLegacyList", "editedIn")),
                Arguments.of("eedl", List.of("inTitle", "inMessage", "inContentParts", "inLegacyList", "editedIn")),
                Arguments.of("NEEDLE here", List.of("inMessage")),
                Arguments.of("le he", List.of("inMessage")),
                Arguments.of("dl", List.of("inTitle", "inMessage", "inContentParts", "inLegacyList", "editedIn")),
                Arguments.of("needle part", List.of("inContentParts")),
                Arguments.of("legacy needle", List.of("inLegacyList")),
                Arguments.of("100%", List.of("percent")),
                Arguments.of("a_b", List.of("underscore")),
                Arguments.of("haystack", List.of()));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("textSearches")
    void givenChats_textContains_matchesTitleOrMessageContentOnly(String search, List<String> expected) {
        UserId owner = newOwner();
        Named named = new Named();
        named.put("inTitle", add(chat(owner, 100, object("title", "A Needle in the title"))));
        Map<String, Object> inMessage = conversation("second", "a", "b");
        messagesOf(inMessage).put("b", message("b", "a", "assistant", "there is a needle HERE"));
        named.put("inMessage", add(chat(owner, 200, inMessage)));
        Map<String, Object> parts = conversation("third", "a");
        messageBody(parts, "a").put("content", list(object("type", "text", "text", "a needle part"),
                object("type", "image_url", "image_url", object("url", "haystack.png"))));
        named.put("inContentParts", add(chat(owner, 300, parts)));
        named.put("inLegacyList", add(chat(owner, 400, object("title", "fourth",
                "messages", list(object("role", "user", "content", "a legacy needle")),
                "history", object("messages", object(), "currentId", null)))));
        Map<String, Object> elsewhere = conversation("fifth", "needle");
        elsewhere.put("models", list("needle-model"));
        elsewhere.put("needle", "a key and a value outside any message");
        messageBody(elsewhere, "needle").put("content", "nothing to see");
        messageBody(elsewhere, "needle").put("files", list(object("name", "needle.pdf")));
        messageBody(elsewhere, "needle").put("info", object("note", "needle"));
        named.put("elsewhere", add(chat(owner, 500, elsewhere)));
        Chat removed = add(chat(owner, 600, conversation("sixth", "a", "b")));
        removed.upsertMessageContent("b", "a needle soon removed", null, 1_000);
        removed = chats().update(removed);
        Map<String, Object> withoutB = messagesOf(removed.document());
        withoutB.remove("b");
        removed.mergeDocument(object("history", object("currentId", "a", "messages", withoutB)), 1_001);
        named.put("removedMessage", chats().update(removed));
        Chat editedAway = add(chat(owner, 700, conversation("seventh", "a")));
        editedAway.upsertMessageContent("a", "a needle", null, 1_000);
        editedAway = chats().update(editedAway);
        editedAway.upsertMessageContent("a", "no longer", null, 1_001);
        named.put("editedAway", chats().update(editedAway));
        Chat editedIn = add(chat(owner, 800, conversation("eighth", "a")));
        editedIn.upsertMessageContent("a", "now with a needle", null, 1_000);
        named.put("editedIn", chats().update(editedIn));
        named.put("percent", add(chat(owner, 900, messageWith("ninth", "100% sure"))));
        named.put("percentLike", add(chat(owner, 1_000, messageWith("tenth", "1000 sure"))));
        named.put("underscore", add(chat(owner, 1_100, messageWith("eleventh", "a_b"))));
        named.put("underscoreLike", add(chat(owner, 1_200, messageWith("twelfth", "axb"))));
        add(chat(newOwner(), 50, messageWith("needle of someone else", "needle 100% a_b")));

        List<ChatId> listed = listed(new ChatQuery(Optional.of(owner), Flag.ANY, Flag.ANY, FolderScope.any(),
                Optional.empty(), CREATED_FIRST, new PageRequest(0, 100)).withTextContains(search));

        assertThat(named.namesOf(listed)).containsExactlyElementsOf(expected);
    }

    // ---------------------------------------------------------------------------------------------------------
    // bulk changes: setArchivedOfAll, countInFolders, deleteInFolders, moveToRoot

    @Test
    void givenChatsOfTwoOwners_setArchivedOfAll_changesOnlyTheOwnersChatsWhoseFlagDiffers() {
        UserId owner = newOwner();
        FolderId folder = newFolderId();
        ChatId plain = add(Chat.start(newChatId(), owner, conversation("plain", "a", "b"), null, 100)).id();
        Chat filed = add(Chat.start(newChatId(), owner, object("title", "filed"), null, 200));
        filed.moveToFolder(folder, 250);
        chats().update(filed);
        Chat archived = add(Chat.start(newChatId(), owner, object("title", "archived"), null, 300));
        archived.toggleArchived(350);
        chats().update(archived);
        ChatId neighbours = add(Chat.start(newChatId(), newOwner(), object("title", "theirs"), null, 400)).id();
        Chat staleCopy = reload(plain);

        assertThat(chats().setArchivedOfAll(owner, true)).isEqualTo(2);

        assertThat(reload(plain).archived()).isTrue();
        assertThat(reload(plain).version()).isEqualTo(2);
        assertThat(reload(plain).updatedAt()).isEqualTo(100);
        assertThat(reload(plain).document()).isEqualTo(conversation("plain", "a", "b"));
        assertThat(reload(filed.id()).archived()).isTrue();
        assertThat(reload(filed.id()).folderId()).contains(folder);
        assertThat(reload(filed.id()).updatedAt()).isEqualTo(250);
        assertThat(reload(filed.id()).version()).isEqualTo(3);
        assertThat(reload(archived.id()).version()).isEqualTo(2);
        assertThat(reload(neighbours).archived()).isFalse();
        assertThat(reload(neighbours).version()).isEqualTo(1);
        staleCopy.mergeDocument(object("title", "stale"), 500);
        assertThatThrownBy(() -> chats().update(staleCopy)).isInstanceOf(ChatVersionConflictException.class);

        assertThat(chats().setArchivedOfAll(owner, false)).isEqualTo(3);
        assertThat(reload(plain).archived()).isFalse();
        assertThat(reload(filed.id()).archived()).isFalse();
        assertThat(reload(filed.id()).folderId()).contains(folder);
        assertThat(reload(archived.id()).archived()).isFalse();
        assertThat(reload(archived.id()).version()).isEqualTo(3);
        assertThat(chats().setArchivedOfAll(owner, false)).isZero();
        assertThat(chats().setArchivedOfAll(newOwner(), true)).isZero();
    }

    @Test
    void givenChatsInFolders_countInFolders_countsTheOwnersChatsArchivedOnesIncluded() {
        FolderFixture fixture = folderFixture();

        assertThat(chats().countInFolders(fixture.owner, Set.of(fixture.f1))).isEqualTo(2);
        assertThat(chats().countInFolders(fixture.owner, Set.of(fixture.f1, fixture.f2))).isEqualTo(3);
        assertThat(chats().countInFolders(fixture.owner, Set.of(fixture.f2))).isEqualTo(1);
        assertThat(chats().countInFolders(fixture.owner, Set.of())).isZero();
        assertThat(chats().countInFolders(fixture.owner, Set.of(newFolderId()))).isZero();
        assertThat(chats().countInFolders(fixture.neighbour, Set.of(fixture.f1))).isEqualTo(1);
    }

    @Test
    void givenChatsInFolders_deleteInFolders_deletesOnlyTheOwnersChatsThereWithTheirMessages() {
        FolderFixture fixture = folderFixture();

        assertThat(chats().deleteInFolders(fixture.owner, Set.of())).isZero();
        assertThat(chats().deleteInFolders(fixture.owner, Set.of(fixture.f1))).isEqualTo(2);

        assertThat(chats().findById(fixture.inF1)).isEmpty();
        assertThat(chats().findById(fixture.archivedInF1)).isEmpty();
        assertThat(reload(fixture.inF2).folderId()).contains(fixture.f2);
        assertThat(reload(fixture.atRoot).folderId()).isEmpty();
        assertThat(reload(fixture.neighboursInF1).document()).isEqualTo(conversation("theirs", "a", "b"));
        assertThat(chats().deleteInFolders(fixture.owner, Set.of(fixture.f1))).isZero();
        chats().add(Chat.start(fixture.inF1, fixture.owner, conversation("again", "z"), null, 2_000));
        assertThat(reload(fixture.inF1).document()).isEqualTo(conversation("again", "z"));
    }

    @Test
    void givenChatsInFolders_moveToRoot_movesOnlyTheOwnersChatsThereAndMovesTheirVersionOn() {
        FolderFixture fixture = folderFixture();
        Chat staleCopy = reload(fixture.inF1);

        assertThat(chats().moveToRoot(fixture.owner, Set.of())).isZero();
        assertThat(chats().moveToRoot(fixture.owner, Set.of(fixture.f1, fixture.f2))).isEqualTo(3);

        for (ChatId moved : List.of(fixture.inF1, fixture.archivedInF1, fixture.inF2)) {
            assertThat(reload(moved).folderId()).isEmpty();
            assertThat(reload(moved).version()).isEqualTo(2);
        }
        assertThat(reload(fixture.inF1).document()).isEqualTo(conversation("in f1", "a", "b"));
        assertThat(reload(fixture.archivedInF1).archived()).isTrue();
        assertThat(reload(fixture.atRoot).version()).isEqualTo(1);
        assertThat(reload(fixture.neighboursInF1).folderId()).contains(fixture.f1);
        assertThat(reload(fixture.neighboursInF1).version()).isEqualTo(1);
        staleCopy.togglePinned(2_000);
        assertThatThrownBy(() -> chats().update(staleCopy)).isInstanceOf(ChatVersionConflictException.class);
        assertThat(chats().moveToRoot(fixture.owner, Set.of(fixture.f1))).isZero();
    }

    /** One owner's chats in folder 1 (one archived), folder 2 and the root, and a neighbour's chat in folder 1. */
    private FolderFixture folderFixture() {
        UserId owner = newOwner();
        UserId neighbour = newOwner();
        FolderId f1 = newFolderId();
        FolderId f2 = newFolderId();
        ChatId inF1 = add(Chat.imported(newChatId(), owner, conversation("in f1", "a", "b"), Map.of(), false, f1,
                100, 100)).id();
        ChatId archivedInF1 = add(Chat.restore(newChatId(), owner, ChatDocument.fromClient(conversation("archived",
                "a")), 200, 200, null, true, false, Map.of(), f1, 1)).id();
        ChatId inF2 = add(Chat.imported(newChatId(), owner, object("title", "in f2"), Map.of(), false, f2, 300,
                300)).id();
        ChatId atRoot = add(Chat.imported(newChatId(), owner, object("title", "root"), Map.of(), false, null, 400,
                400)).id();
        ChatId neighboursInF1 = add(Chat.imported(newChatId(), neighbour, conversation("theirs", "a", "b"), Map.of(),
                false, f1, 500, 500)).id();
        return new FolderFixture(owner, neighbour, f1, f2, inF1, archivedInF1, inF2, atRoot, neighboursInF1);
    }

    private record FolderFixture(UserId owner, UserId neighbour, FolderId f1, FolderId f2, ChatId inF1,
                                 ChatId archivedInF1, ChatId inF2, ChatId atRoot, ChatId neighboursInF1) {
    }

    // ---------------------------------------------------------------------------------------------------------
    // helpers

    private static final ChatOrder CREATED_FIRST = new ChatOrder(ChatSortField.CREATED_AT, SortDirection.ASC);

    private UserId newOwner() {
        return new UserId(UUID.randomUUID().toString());
    }

    private ChatId newChatId() {
        return new ChatId(UUID.randomUUID().toString());
    }

    private FolderId newFolderId() {
        return new FolderId(UUID.randomUUID().toString());
    }

    private Chat add(Chat chat) {
        return chats().add(chat);
    }

    private Chat reload(ChatId id) {
        return chats().findById(id).orElseThrow(() -> new AssertionError("chat " + id + " is not stored"));
    }

    /** A chat at the root, neither archived nor pinned, created and updated at {@code time}. */
    private Chat chat(UserId owner, long time, Map<String, Object> document) {
        return Chat.imported(newChatId(), owner, document, Map.of(), false, null, time, time);
    }

    private Chat taggedChat(UserId owner, String title, long time, List<Object> tags) {
        return Chat.imported(newChatId(), owner, object("title", title), object("tags", tags), false, null, time,
                time);
    }

    /** A conversation of one message with this content. */
    private static Map<String, Object> messageWith(String title, String content) {
        Map<String, Object> document = conversation(title, "only");
        messageBody(document, "only").put("content", content);
        return document;
    }

    /** A chat at the root, neither archived nor pinned, created and updated at {@code time}. */
    private Chat plainChat(UserId owner, String title, long time) {
        return Chat.imported(newChatId(), owner, object("title", title), Map.of(), false, null, time, time);
    }

    /**
     * The ids both list methods return for the query. Along the way it checks that they list the same chats in the
     * same order, that each summary carries its chat's title and times, and that each listed chat is the stored one.
     */
    private List<ChatId> listed(ChatQuery query) {
        List<ChatSummary> summaries = chats().findSummaries(query);
        List<Chat> found = chats().findChats(query);
        assertThat(found.stream().map(Chat::id).toList())
                .as("findChats lists the same chats as findSummaries, in the same order")
                .isEqualTo(summaries.stream().map(ChatSummary::id).toList());
        for (int i = 0; i < found.size(); i++) {
            Chat chat = found.get(i);
            assertThat(summaries.get(i))
                    .isEqualTo(new ChatSummary(chat.id(), chat.title(), chat.updatedAt(), chat.createdAt()));
            assertThat(StoredState.of(chat)).isEqualTo(StoredState.of(reload(chat.id())));
        }
        return summaries.stream().map(ChatSummary::id).toList();
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
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<String, Object> message(String id, String parentId, String role, String content,
                                               String... childrenIds) {
        return object("id", id, "parentId", parentId, "childrenIds", list((Object[]) childrenIds), "role", role,
                "content", content, "timestamp", 1_700_000_000);
    }

    /** A linear conversation: each message answers the one before, the last is current. */
    private static Map<String, Object> conversation(String title, String... messageIds) {
        Map<String, Object> messages = new LinkedHashMap<>();
        for (int i = 0; i < messageIds.length; i++) {
            String parent = i == 0 ? null : messageIds[i - 1];
            String[] children = i + 1 < messageIds.length ? new String[] {messageIds[i + 1]} : new String[0];
            messages.put(messageIds[i], message(messageIds[i], parent, i % 2 == 0 ? "user" : "assistant",
                    "content of " + messageIds[i], children));
        }
        return object(
                "id", "",
                "title", title,
                "models", list("llama3:8b"),
                "params", object(),
                "history", object(
                        "messages", messages,
                        "currentId", messageIds.length == 0 ? null : messageIds[messageIds.length - 1]),
                "tags", list(),
                "timestamp", 1_700_000_000_000L);
    }

    /** Every kind of JSON value, in and out of messages, with keys in no sorted order. */
    private static Map<String, Object> richDocument() {
        return object(
                "title", "Résumé 📚 — 東京 \"quoted\" \\ back",
                "models", list("gpt-4.1", "llama3:8b"),
                "zeta", "keys in no sorted order",
                "a", 1,
                "params", object("temperature", 0.7, "seed", 42, "max_tokens", Integer.MAX_VALUE, "stop", list()),
                "numbers", object(
                        "zero", 0,
                        "negative", -17,
                        "intMin", Integer.MIN_VALUE,
                        "justBeyondInt", 2_147_483_648L,
                        "longMax", Long.MAX_VALUE,
                        "longMin", Long.MIN_VALUE,
                        "beyondDoublePrecision", 9_007_199_254_740_993L,
                        "decimal", 3.14159,
                        "negativeDecimal", -0.5,
                        "wholeDouble", 2.0,
                        "tiny", 1.0E-7,
                        "huge", 1.7976931348623157E308,
                        "money", 0.1),
                "flags", object("yes", true, "no", false),
                "nothing", null,
                "empty", "",
                "emptyObject", object(),
                "emptyList", list(),
                "mixed", list(1, "two", 3.5, true, false, null, "", object("k", list()), list(list(), list(7))),
                "unicode", "Ελληνικά العربية עברית 中文 😀👍🏽 e\u0301 \u2028 \u00a0",
                "whitespace", " \t\n\r ",
                "escapes", "<script>alert('x')</script> & \" \\n \\u0000",
                "gpt-4.1", object("dotted.key", "v", "$schema", "http://json-schema.org/draft-07/schema#",
                        "$id", "#root"),
                "history", object(
                        "currentId", "m2",
                        "messages", object(
                                "m1", object("id", "m1", "parentId", null, "childrenIds", list("m2"), "role", "user",
                                        "content", "Hi — ¿qué tal? 🙂", "timestamp", 1_700_000_000, "files", list(),
                                        "models", list("gpt-4.1")),
                                "m2", object("parentId", "m1", "id", "m2", "childrenIds", list(), "role", "assistant",
                                        "content", list(object("type", "text", "text", "part one"),
                                                object("type", "image_url", "image_url", object("url", ""))),
                                        "usage", object("tokens", 12, "cost", 0.00012, "big", Long.MAX_VALUE),
                                        "done", true, "error", null, "empty", "", "info", object(),
                                        "statusHistory", list(object("done", false, "description", "thinking…")))),
                        "extra", "kept"),
                "timestamp", 1_700_000_000_000L,
                "last", object("z", 1, "y", 2, "x", object("c", 3, "b", 4, "a", 5)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> historyOf(Map<String, Object> document) {
        return (Map<String, Object>) document.get("history");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> messagesOf(Map<String, Object> document) {
        return (Map<String, Object>) historyOf(document).get("messages");
    }

    private static List<String> messageIds(Chat chat) {
        return new ArrayList<>(messagesOf(chat.document()).keySet());
    }

    private static Map<String, Object> messageBody(Chat chat, String messageId) {
        return messageBody(chat.document(), messageId);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> messageBody(Map<String, Object> document, String messageId) {
        return (Map<String, Object>) messagesOf(document).get(messageId);
    }

    /** Everything a repository stores about a chat, comparable as a value. */
    private record StoredState(ChatId id, UserId owner, String title, Map<String, Object> document, long createdAt,
                               long updatedAt, Optional<String> shareId, boolean archived, boolean pinned,
                               Map<String, Object> meta, Optional<FolderId> folder, long version) {

        static StoredState of(Chat chat) {
            return new StoredState(chat.id(), chat.ownerId(), chat.title(), chat.document(), chat.createdAt(),
                    chat.updatedAt(), chat.shareId(), chat.archived(), chat.pinned(), chat.meta(), chat.folderId(),
                    chat.version());
        }
    }

    /** Test chats by name, so that a failing list reads as names rather than UUIDs. */
    private static final class Named {

        private final Map<ChatId, String> names = new LinkedHashMap<>();

        void put(String name, Chat chat) {
            names.put(chat.id(), name);
        }

        List<String> namesOf(List<ChatId> ids) {
            return ids.stream().map(id -> names.getOrDefault(id, "unexpected " + id)).toList();
        }
    }
}
