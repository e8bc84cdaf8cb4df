package dev.chats.domain.port.contract;

import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.ChatOrder;
import dev.chats.domain.chat.ChatSortField;
import dev.chats.domain.chat.PageRequest;
import dev.chats.domain.chat.SortDirection;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.port.ShareRepository;
import dev.chats.domain.share.AccessGrant;
import dev.chats.domain.share.Share;
import dev.chats.domain.share.ShareListQuery;
import dev.chats.domain.share.ShareSummary;
import dev.chats.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static dev.chats.domain.port.contract.ContractFixtures.keyPaths;
import static dev.chats.domain.port.contract.ContractFixtures.list;
import static dev.chats.domain.port.contract.ContractFixtures.newChatId;
import static dev.chats.domain.port.contract.ContractFixtures.newFolderId;
import static dev.chats.domain.port.contract.ContractFixtures.newOwner;
import static dev.chats.domain.port.contract.ContractFixtures.object;
import static dev.chats.domain.port.contract.ContractFixtures.ofLength;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Persistence contract: what every {@link ShareRepository} adapter must do, whichever database is behind it.
 *
 * <p><b>How to run it against a database.</b> Subclass it, implement {@link #shares()} and {@link #chats()} to
 * return the adapters under test over <em>one</em> store — the same instances on every call within a test — and
 * give every test a clean store, for example by deleting all shares and chats in a {@code @BeforeEach} of the
 * subclass. The tests use fresh random ids, so leftovers do not change their outcome.
 *
 * <p><b>What is pinned down.</b>
 * <ul>
 *   <li>A share is a snapshot: its document reads back equal to what was saved ({@link Map#equals}), including key
 *   order and the JDK number types a JSON parser gives ({@code Integer}, {@code Long}, {@code Double}), the whole
 *   conversation in one piece; later changes of the chat do not reach it.</li>
 *   <li>Saving again under the same id — what sharing a shared chat again does, with
 *   {@link Share#refreshedFrom} — replaces title, document and {@code updatedAt}. What a second save with another
 *   chat, owner or {@code createdAt} should do is left open: the application never makes one.</li>
 *   <li>Deleting a chat through the chat repository ({@code delete}, {@code deleteAllOwnedBy},
 *   {@code deleteInFolders}) deletes its share, and only its.</li>
 *   <li>Every share is saved for a chat that is stored (a schema may have a foreign key from share to chat), and
 *   the chat is marked with the share id first, as the application does.</li>
 * </ul>
 */
public abstract class ShareRepositoryContract {

    /** The share repository under test; the same instance for the whole of one test. */
    protected abstract ShareRepository shares();

    /** The chat repository over the same store as {@link #shares()}; the same instance for the whole of one test. */
    protected abstract ChatRepository chats();

    // ---------------------------------------------------------------------------------------------------------
    // save and findById

    @Test
    void givenSavedShare_findById_returnsEveryField() {
        UserId owner = newOwner();
        Chat chat = Chat.imported(newChatId(), owner, conversation("Shared ✈", "a", "b"), object("tags", list("t")),
                true, newFolderId(), 1_600_000_000L, 1_650_000_000L);
        Share share = Share.of(newShareId(), chat, 1_700_000_123L);
        shareAndAdd(chat, share);

        Share back = reload(share.id());

        assertThat(back).isEqualTo(share);
        assertThat(back.id()).isEqualTo(share.id());
        assertThat(back.chatId()).isEqualTo(chat.id());
        assertThat(back.ownerId()).isEqualTo(owner);
        assertThat(back.title()).isEqualTo("Shared ✈");
        assertThat(back.document()).isEqualTo(conversation("Shared ✈", "a", "b"));
        assertThat(back.createdAt()).isEqualTo(1_600_000_000L);
        assertThat(back.updatedAt()).isEqualTo(1_700_000_123L);
    }

    @Test
    void givenDocumentWithEveryKindOfJsonValue_findById_returnsItExactlyWithItsKeyOrder() {
        Chat chat = Chat.start(newChatId(), newOwner(), richDocument(), null, 1_000);
        Share share = Share.of(newShareId(), chat, 2_000);
        shareAndAdd(chat, share);

        Share back = reload(share.id());

        assertThat(back.document()).isEqualTo(richDocument());
        assertThat(keyPaths(back.document(), "")).containsExactlyElementsOf(keyPaths(richDocument(), ""));
        assertThat(back.title()).isEqualTo(richDocument().get("title"));
    }

    @Test
    void givenLongConversationWithAHugeMessageAndLongTitle_findById_returnsItWhole() {
        String huge = "Lorem ipsum dolor sit amet, ünïcödé 😀 ".repeat(50_000); // about 2 million characters
        String[] ids = new String[200];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = "m" + i;
        }
        String title = "Long title é 😀 ".repeat(150);
        Map<String, Object> document = conversation(title, ids);
        messagesOf(document).put("m7", object("id", "m7", "role", "user", "content", huge));
        Chat chat = Chat.start(new ChatId(ofLength("chat-", ChatId.MAX_LENGTH)),
                new UserId(ofLength("user-", UserId.MAX_LENGTH)), document, null, 1_000);
        Share share = Share.of(newShareId(), chat, 2_000);
        shareAndAdd(chat, share);

        Share back = reload(share.id());

        assertThat(back).isEqualTo(share);
        assertThat(back.title()).isEqualTo(title);
        assertThat(back.document()).isEqualTo(document);
    }

    @Test
    void givenSharedAgain_save_replacesTitleDocumentAndUpdatedAtAndKeepsTheRest() {
        Chat chat = Chat.start(newChatId(), newOwner(), conversation("First", "a", "b", "c"), null, 1_000);
        Share first = Share.of(newShareId(), chat, 2_000);
        shareAndAdd(chat, first);
        Map<String, Object> smaller = object("title", "Second", "history", object("currentId", "x",
                "messages", object("x", object("id", "x", "content", "only"))), "models", list("other"));
        Chat edited = Chat.start(chat.id(), chat.ownerId(), smaller, null, 1_000);

        Share second = first.refreshedFrom(edited, 3_000);
        shares().save(second);
        Share back = reload(first.id());

        assertThat(back).isEqualTo(second);
        assertThat(back.title()).isEqualTo("Second");
        // Replaced, not merged: keys and messages of the first snapshot are gone.
        assertThat(back.document()).isEqualTo(smaller);
        assertThat(back.document()).doesNotContainKeys("id", "params", "tags", "timestamp");
        assertThat(back.updatedAt()).isEqualTo(3_000);
        assertThat(back.createdAt()).isEqualTo(first.createdAt());
        assertThat(back.chatId()).isEqualTo(chat.id());
        assertThat(back.ownerId()).isEqualTo(chat.ownerId());
    }

    @Test
    void givenChatChangedAfterSharing_findById_stillReturnsTheSnapshot() {
        UserId owner = newOwner();
        FolderId folder = newFolderId();
        Chat chat = Chat.imported(newChatId(), owner, conversation("Snapshot", "a"), Map.of(), false, folder, 1_000,
                1_000);
        Share share = Share.of(newShareId(), chat, 2_000);
        shareAndAdd(chat, share);

        Chat read = chats().findById(chat.id()).orElseThrow();
        read.mergeDocument(object("title", "Edited later", "extra", 1), 3_000);
        read.upsertMessageContent("b", "new message", "assistant", 3_000);
        chats().update(read);
        chats().moveToRoot(owner, Set.of(folder));
        chats().setArchivedOfAll(owner, true);

        assertThat(reload(share.id())).isEqualTo(share);
        assertThat(reload(share.id()).document()).isEqualTo(conversation("Snapshot", "a"));
    }

    @Test
    void givenUnknownId_findById_isEmpty() {
        Chat chat = Chat.start(newChatId(), newOwner(), object("title", "Some"), null, 1_000);
        shareAndAdd(chat, Share.of(newShareId(), chat, 1_000));

        assertThat(shares().findById(newShareId())).isEmpty();
    }

    @Test
    void givenSharesChangedAfterSaveOrRead_findById_returnsTheStoredState() {
        Chat chat = Chat.start(newChatId(), newOwner(), conversation("Stable", "a"), null, 1_000);
        Share share = Share.of(newShareId(), chat, 2_000);
        shareAndAdd(chat, share);

        share.document().put("title", "changed after save");
        reload(share.id()).document().clear();

        assertThat(reload(share.id()).document()).isEqualTo(conversation("Stable", "a"));
    }

    // ---------------------------------------------------------------------------------------------------------
    // delete

    @Test
    void givenSavedShares_delete_removesOnlyThatOneAndAnswersTrueThenFalse() {
        UserId owner = newOwner();
        Chat chat = Chat.start(newChatId(), owner, conversation("Unshared", "a"), null, 1_000);
        Share share = Share.of(newShareId(), chat, 2_000);
        shareAndAdd(chat, share);
        Chat other = Chat.start(newChatId(), owner, conversation("Still shared", "a"), null, 1_000);
        Share kept = Share.of(newShareId(), other, 2_000);
        shareAndAdd(other, kept);

        assertThat(shares().delete(share.id())).isTrue();

        assertThat(shares().findById(share.id())).isEmpty();
        assertThat(shares().delete(share.id())).isFalse();
        assertThat(shares().findById(kept.id())).contains(kept);
        assertThat(chats().findById(chat.id())).as("deleting a share keeps its chat").isPresent();
    }

    @Test
    void givenUnknownId_delete_answersFalse() {
        assertThat(shares().delete(newShareId())).isFalse();
    }

    @Test
    void givenDeletedShare_sharingTheChatAgain_storesTheNewSnapshot() {
        Chat chat = Chat.start(newChatId(), newOwner(), conversation("Again", "a"), null, 1_000);
        Share first = Share.of(newShareId(), chat, 2_000);
        shareAndAdd(chat, first);
        shares().delete(first.id());

        Share again = Share.of(newShareId(), chat, 3_000);
        shares().save(again);

        assertThat(reload(again.id())).isEqualTo(again);
        assertThat(shares().findById(first.id())).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------
    // deleting chats deletes their shares

    @Test
    void givenSharedChat_chatDelete_deletesItsShareOnly() {
        UserId owner = newOwner();
        Share deleted = sharedChat(owner, null, "deleted");
        Share kept = sharedChat(owner, null, "kept");

        assertThat(chats().delete(deleted.chatId())).isTrue();

        assertThat(shares().findById(deleted.id())).isEmpty();
        assertThat(shares().delete(deleted.id())).isFalse();
        assertThat(shares().findById(kept.id())).contains(kept);
    }

    @Test
    void givenSharedChatsOfTwoOwners_deleteAllOwnedBy_deletesOnlyTheOwnersShares() {
        UserId owner = newOwner();
        UserId neighbour = newOwner();
        Share first = sharedChat(owner, null, "first");
        Share second = sharedChat(owner, newFolderId(), "second");
        Share theirs = sharedChat(neighbour, null, "theirs");

        assertThat(chats().deleteAllOwnedBy(owner)).isEqualTo(2);

        assertThat(shares().findById(first.id())).isEmpty();
        assertThat(shares().findById(second.id())).isEmpty();
        assertThat(shares().findById(theirs.id())).contains(theirs);
    }

    @Test
    void givenSharedChatsInFolders_deleteInFolders_deletesOnlyTheSharesOfTheDeletedChats() {
        UserId owner = newOwner();
        UserId neighbour = newOwner();
        FolderId f1 = newFolderId();
        FolderId f2 = newFolderId();
        FolderId f3 = newFolderId();
        Share inF1 = sharedChat(owner, f1, "in f1");
        Share inF2 = sharedChat(owner, f2, "in f2");
        Share inF3 = sharedChat(owner, f3, "in f3");
        Share atRoot = sharedChat(owner, null, "root");
        Share neighboursInF1 = sharedChat(neighbour, f1, "theirs");

        assertThat(chats().deleteInFolders(owner, Set.of(f1, f2))).isEqualTo(2);

        assertThat(shares().findById(inF1.id())).isEmpty();
        assertThat(shares().findById(inF2.id())).isEmpty();
        assertThat(shares().findById(inF3.id())).contains(inF3);
        assertThat(shares().findById(atRoot.id())).contains(atRoot);
        assertThat(shares().findById(neighboursInF1.id())).contains(neighboursInF1);
    }

    @Test
    void givenDeletedSharedChatAddedAgain_findById_doesNotBringTheOldShareBack() {
        UserId owner = newOwner();
        Share old = sharedChat(owner, null, "old");
        chats().delete(old.chatId());

        chats().add(Chat.start(old.chatId(), owner, conversation("new", "a"), null, 5_000));

        assertThat(shares().findById(old.id())).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------
    // findByOwner: a page of one owner's shares

    @Test
    void givenSharesOfTwoOwners_findByOwner_listsOnlyTheOwnersNewestFirst_withoutDocuments() {
        UserId owner = newOwner();
        Share older = shareAt(owner, "Older plan", 1_000, 3_000);
        Share newer = shareAt(owner, "Newer plan", 2_000, 4_000);
        shareAt(newOwner(), "Not mine", 1_500, 5_000);

        List<ShareSummary> page = shares().findByOwner(new ShareListQuery(owner, Optional.empty(),
                ChatOrder.RECENT_FIRST, new PageRequest(0, 60)));

        assertThat(page).containsExactly(summary(newer), summary(older));
    }

    @Test
    void givenShares_findByOwner_filtersByTitleIgnoringCase_withWildcardsLiteral_andOrdersAndPages() {
        UserId owner = newOwner();
        Share a = shareAt(owner, "Alpha 100%", 1_000, 1_000);
        Share b = shareAt(owner, "alphabet", 2_000, 2_000);
        Share c = shareAt(owner, "Beta", 3_000, 3_000);

        assertThat(shares().findByOwner(new ShareListQuery(owner, Optional.of("ALPHA"),
                ChatOrder.RECENT_FIRST, new PageRequest(0, 60)))).containsExactly(summary(b), summary(a));
        assertThat(shares().findByOwner(new ShareListQuery(owner, Optional.of("0%"),
                ChatOrder.RECENT_FIRST, new PageRequest(0, 60)))).containsExactly(summary(a));
        assertThat(shares().findByOwner(new ShareListQuery(owner, Optional.of("a_p"),
                ChatOrder.RECENT_FIRST, new PageRequest(0, 60)))).isEmpty();
        assertThat(shares().findByOwner(new ShareListQuery(owner, Optional.empty(),
                new ChatOrder(ChatSortField.CREATED_AT, SortDirection.ASC), new PageRequest(1, 1))))
                .containsExactly(summary(b));
        assertThat(shares().findByOwner(new ShareListQuery(owner, Optional.empty(),
                ChatOrder.RECENT_FIRST, new PageRequest(3, 60)))).isEmpty();
        assertThat(c).isNotNull();
    }

    // ---------------------------------------------------------------------------------------------------------
    // grants: who may open a share

    @Test
    void givenNoGrants_grantsOf_isEmpty() {
        Share share = sharedChat(newOwner(), null, "open link");

        assertThat(shares().grantsOf(share.ownerId(), share.chatId())).isEmpty();
    }

    @Test
    void givenGrants_replaceGrants_storesThemInOrder_andReplacesThemWhole() {
        Share share = sharedChat(newOwner(), null, "restricted");
        AccessGrant reader = new AccessGrant("g1", AccessGrant.Principal.USER, "user-b", AccessGrant.Access.READ);
        AccessGrant group = new AccessGrant("g2", AccessGrant.Principal.GROUP, "group-1", AccessGrant.Access.WRITE);
        AccessGrant everyone = new AccessGrant("g3", AccessGrant.Principal.USER, AccessGrant.EVERYONE,
                AccessGrant.Access.READ);

        shares().replaceGrants(share.ownerId(), share.chatId(), List.of(reader, group));
        assertThat(shares().grantsOf(share.ownerId(), share.chatId())).containsExactly(reader, group);

        shares().replaceGrants(share.ownerId(), share.chatId(), List.of(everyone));
        assertThat(shares().grantsOf(share.ownerId(), share.chatId())).containsExactly(everyone);

        shares().replaceGrants(share.ownerId(), share.chatId(), List.of());
        assertThat(shares().grantsOf(share.ownerId(), share.chatId())).isEmpty();
    }

    @Test
    void givenGrants_reSharing_keepsThem_andAnotherOwnerReadsNone() {
        Share share = sharedChat(newOwner(), null, "kept grants");
        AccessGrant reader = new AccessGrant("g1", AccessGrant.Principal.USER, "user-b", AccessGrant.Access.READ);
        shares().replaceGrants(share.ownerId(), share.chatId(), List.of(reader));

        Chat chat = chats().findById(share.chatId()).orElseThrow();
        shares().save(share.refreshedFrom(chat, 9_000));

        assertThat(shares().grantsOf(share.ownerId(), share.chatId())).containsExactly(reader);
        assertThat(shares().grantsOf(newOwner(), share.chatId())).isEmpty();
    }

    @Test
    void givenGrants_chatDelete_deletesThem_andAChatAddedAgainHasNone() {
        UserId owner = newOwner();
        Share share = sharedChat(owner, null, "deleted with grants");
        Share kept = sharedChat(owner, null, "kept with grants");
        AccessGrant reader = new AccessGrant("g1", AccessGrant.Principal.USER, "user-b", AccessGrant.Access.READ);
        shares().replaceGrants(owner, share.chatId(), List.of(reader));
        shares().replaceGrants(owner, kept.chatId(), List.of(reader));

        chats().delete(share.chatId());
        chats().add(Chat.start(share.chatId(), owner, conversation("new", "a"), null, 5_000));

        assertThat(shares().grantsOf(owner, share.chatId())).isEmpty();
        assertThat(shares().grantsOf(owner, kept.chatId())).containsExactly(reader);
    }

    // ---------------------------------------------------------------------------------------------------------
    // helpers

    /** A shared chat of the owner whose share was created and last refreshed at these times. */
    private Share shareAt(UserId owner, String title, long createdAt, long updatedAt) {
        Chat chat = Chat.imported(newChatId(), owner, conversation(title, "a"), Map.of(), false, null, createdAt,
                createdAt);
        Share share = new Share(newShareId(), chat.id(), owner, title, chat.document(), createdAt, updatedAt);
        shareAndAdd(chat, share);
        return share;
    }

    private static ShareSummary summary(Share share) {
        return new ShareSummary(share.id(), share.chatId(), share.title(), share.createdAt(), share.updatedAt());
    }

    private static String newShareId() {
        return UUID.randomUUID().toString();
    }

    /** Marks the chat shared, adds it, then saves its share: the order a foreign key from share to chat needs. */
    private void shareAndAdd(Chat chat, Share share) {
        chat.markShared(share.id());
        chats().add(chat);
        shares().save(share);
    }

    /** A stored, shared chat of the owner in the folder (null: the root); its share as saved. */
    private Share sharedChat(UserId owner, FolderId folder, String title) {
        Chat chat = Chat.imported(newChatId(), owner, conversation(title, "a", "b"), Map.of(), false, folder, 1_000,
                1_000);
        Share share = Share.of(newShareId(), chat, 2_000);
        shareAndAdd(chat, share);
        return share;
    }

    private Share reload(String shareId) {
        return shares().findById(shareId).orElseThrow(() -> new AssertionError("share " + shareId + " is not stored"));
    }

    /** A linear conversation: each message answers the one before, the last is current. */
    private static Map<String, Object> conversation(String title, String... messageIds) {
        Map<String, Object> messages = new LinkedHashMap<>();
        for (int i = 0; i < messageIds.length; i++) {
            String parent = i == 0 ? null : messageIds[i - 1];
            List<Object> children = i + 1 < messageIds.length ? list(messageIds[i + 1]) : list();
            messages.put(messageIds[i], object("id", messageIds[i], "parentId", parent, "childrenIds", children,
                    "role", i % 2 == 0 ? "user" : "assistant", "content", "content of " + messageIds[i],
                    "timestamp", 1_700_000_000));
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
                "escapes", "<script>alert('x')</script> & \" \\n \\u0000",
                "gpt-4.1", object("dotted.key", "v", "$schema", "http://json-schema.org/draft-07/schema#"),
                "history", object(
                        "currentId", "m2",
                        "messages", object(
                                "m1", object("id", "m1", "parentId", null, "childrenIds", list("m2"), "role", "user",
                                        "content", "Hi — ¿qué tal? 🙂", "timestamp", 1_700_000_000),
                                "m2", object("parentId", "m1", "id", "m2", "childrenIds", list(), "role", "assistant",
                                        "content", list(object("type", "text", "text", "part one")),
                                        "usage", object("tokens", 12, "cost", 0.00012, "big", Long.MAX_VALUE),
                                        "done", true, "error", null)),
                        "extra", "kept"),
                "timestamp", 1_700_000_000_000L,
                "last", object("z", 1, "y", 2, "x", object("c", 3, "b", 4, "a", 5)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> messagesOf(Map<String, Object> document) {
        return (Map<String, Object>) ((Map<String, Object>) document.get("history")).get("messages");
    }
}
