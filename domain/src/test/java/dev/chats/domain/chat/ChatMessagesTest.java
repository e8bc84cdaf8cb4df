package dev.chats.domain.chat;

import dev.chats.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Message upsert and message events on the {@link Chat} aggregate: what the document looks like afterwards and
 * which message rows a save must write ({@link Chat#pendingMessageChanges()}).
 */
class ChatMessagesTest {

    private static final UserId OWNER = new UserId("u1");
    private static final long UPDATED = 1_700_000_000L;
    private static final long NOW = 1_700_000_123L;

    static Map<String, Object> object(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> userMessage() {
        return object("id", "a", "parentId", null, "childrenIds", List.of("b"), "role", "user", "content", "hi",
                "timestamp", 1_700_000_000);
    }

    private static Map<String, Object> assistantMessage() {
        return object("id", "b", "parentId", "a", "childrenIds", List.of(), "role", "assistant", "content", "hello",
                "model", "m", "timestamp", 1_700_000_005);
    }

    private static Map<String, Object> conversation() {
        return object("title", "T", "history",
                object("currentId", "b", "messages", object("a", userMessage(), "b", assistantMessage())));
    }

    /** A chat as read from storage: nothing pending. */
    private static Chat stored(Map<String, Object> document) {
        return Chat.restore(new ChatId("c1"), OWNER, ChatDocument.fromClient(document), UPDATED - 100, UPDATED, null,
                false, false, Map.of(), null, 3);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> history(Chat chat) {
        return (Map<String, Object>) chat.document().get("history");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> message(Chat chat, String id) {
        return (Map<String, Object>) ((Map<String, Object>) history(chat).get("messages")).get(id);
    }

    private static MessageEvent event(String type, Map<String, Object> data) {
        return new MessageEvent(type, data);
    }

    private static void assertUnchanged(Chat chat, Map<String, Object> document) {
        assertThat(chat.document()).isEqualTo(document);
        assertThat(chat.updatedAt()).isEqualTo(UPDATED);
        assertThat(chat.pendingMessageChanges().isEmpty()).isTrue();
    }

    // --- upsert of an existing message --------------------------------------------------------------------------

    @Test
    void givenExistingMessage_upsertMessageContent_changesOnlyItsContent() {
        Chat chat = stored(conversation());

        chat.upsertMessageContent("a", "edited", null, NOW);

        Map<String, Object> expected = userMessage();
        expected.put("content", "edited");
        assertThat(message(chat, "a")).isEqualTo(expected);
        assertThat(message(chat, "b")).isEqualTo(assistantMessage());
        assertThat(history(chat)).containsEntry("currentId", "b");
        assertThat(chat.updatedAt()).isEqualTo(NOW);
        assertThat(chat.title()).isEqualTo("T");
    }

    @Test
    void givenExistingMessage_upsertMessageContentWithRole_keepsItsRole() {
        Chat chat = stored(conversation());

        chat.upsertMessageContent("b", "edited", "user", NOW);

        assertThat(message(chat, "b")).containsEntry("role", "assistant").containsEntry("content", "edited");
    }

    @Test
    void givenExistingMessage_upsertMessageContent_pendsOnlyThatMessage() {
        Chat chat = stored(conversation());

        chat.upsertMessageContent("a", "edited", null, NOW);

        assertThat(chat.pendingMessageChanges().upserted().keySet()).containsExactly("a");
        assertThat(chat.pendingMessageChanges().upserted().get("a").body()).containsEntry("content", "edited");
        assertThat(chat.pendingMessageChanges().removed()).isEmpty();
    }

    @Test
    void givenExistingMessage_upsertMessageContent_keepsItsPlaceInTheDocument() {
        Chat chat = stored(conversation());

        chat.upsertMessageContent("a", "edited", null, NOW);

        assertThat(chat.storedDocument().messages()).extracting(Message::id).containsExactly("a", "b");
        assertThat(chat.pendingMessageChanges().upserted().get("a").position()).isZero();
    }

    // --- upsert of a new message --------------------------------------------------------------------------------

    @Test
    void givenNewMessageId_upsertMessageContent_fillsTheMessageAndLinksItUnderTheCurrentOne() {
        Chat chat = stored(conversation());

        chat.upsertMessageContent("c", "next", null, NOW);

        assertThat(message(chat, "c")).isEqualTo(object("id", "c", "parentId", "b", "childrenIds", List.of(),
                "role", "user", "content", "next", "timestamp", (int) NOW));
        assertThat(message(chat, "b").get("childrenIds")).isEqualTo(List.of("c"));
        assertThat(history(chat)).containsEntry("currentId", "c");
        assertThat(chat.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void givenNewMessageId_upsertMessageContent_storesTheTimestampAsAnIntegerEpochSecond() {
        Chat chat = stored(conversation());

        chat.upsertMessageContent("c", "next", null, NOW);

        assertThat(message(chat, "c").get("timestamp")).isInstanceOf(Integer.class).isEqualTo((int) NOW);
    }

    @Test
    void givenNewMessageIdAndRole_upsertMessageContent_usesTheGivenRole() {
        Chat chat = stored(conversation());

        chat.upsertMessageContent("c", "next", "assistant", NOW);

        assertThat(message(chat, "c")).containsEntry("role", "assistant");
    }

    @Test
    void givenNewMessageIdAndBlankRole_upsertMessageContent_defaultsToUser() {
        Chat chat = stored(conversation());

        chat.upsertMessageContent("c", "next", "  ", NOW);

        assertThat(message(chat, "c")).containsEntry("role", "user");
    }

    @Test
    void givenParentWithChildren_upsertNewMessage_appendsToItsChildren() {
        Map<String, Object> b = assistantMessage();
        b.put("childrenIds", List.of("x"));
        Chat chat = stored(object("title", "T", "history", object("currentId", "b", "messages",
                object("a", userMessage(), "b", b, "x", object("id", "x", "parentId", "b", "content", "other")))));

        chat.upsertMessageContent("d", "second", null, NOW);

        assertThat(message(chat, "b").get("childrenIds")).isEqualTo(List.of("x", "d"));
        assertThat(message(chat, "d")).containsEntry("parentId", "b");
    }

    @Test
    void givenNewMessageId_upsertMessageContent_pendsTheMessageAndItsParentOnly() {
        Map<String, Object> document = conversation();
        @SuppressWarnings("unchecked")
        Map<String, Object> messages = (Map<String, Object>) ((Map<String, Object>) document.get("history"))
                .get("messages");
        for (int i = 0; i < 20; i++) {
            messages.put("old" + i, object("id", "old" + i, "content", "x"));
        }
        Chat chat = stored(document);

        chat.upsertMessageContent("c", "next", null, NOW);

        assertThat(chat.pendingMessageChanges().upserted().keySet()).containsExactlyInAnyOrder("c", "b");
        assertThat(chat.pendingMessageChanges().upserted().get("b").body().get("childrenIds"))
                .isEqualTo(List.of("c"));
        assertThat(chat.pendingMessageChanges().removed()).isEmpty();
    }

    @Test
    void givenNewMessageId_upsertMessageContent_placesItAfterTheLastMessage() {
        Chat chat = stored(conversation());

        chat.upsertMessageContent("c", "next", null, NOW);

        assertThat(chat.storedDocument().messages()).extracting(Message::id).containsExactly("a", "b", "c");
        assertThat(chat.pendingMessageChanges().upserted().get("c").position()).isEqualTo(2);
    }

    @Test
    void givenEmptyHistory_upsertNewMessage_hasNoParentAndBecomesCurrent() {
        Chat chat = stored(object("title", "T", "history", object("currentId", null, "messages", object())));

        chat.upsertMessageContent("m1", "first", null, NOW);

        assertThat(message(chat, "m1")).containsEntry("parentId", null).containsEntry("childrenIds", List.of());
        assertThat(history(chat)).containsEntry("currentId", "m1");
        assertThat(chat.pendingMessageChanges().upserted().keySet()).containsExactly("m1");
    }

    @Test
    void givenChatWithoutHistory_upsertMessageContent_createsHistoryWithTheMessage() {
        Chat chat = stored(object("title", "T", "models", List.of("m")));

        chat.upsertMessageContent("m1", "first", null, NOW);

        assertThat(history(chat)).containsEntry("currentId", "m1");
        assertThat(message(chat, "m1")).isEqualTo(object("id", "m1", "parentId", null, "childrenIds", List.of(),
                "role", "user", "content", "first", "timestamp", (int) NOW));
        assertThat(chat.document()).containsEntry("models", List.of("m")).containsEntry("title", "T");
        assertThat(chat.storedDocument().hasMessageMap()).isTrue();
        assertThat(chat.pendingMessageChanges().upserted().keySet()).containsExactly("m1");
        assertThat(chat.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void givenClockBehindStoredTime_upsert_neverMovesUpdatedAtBack() {
        Chat chat = stored(conversation());

        chat.upsertMessageContent("a", "edited", null, UPDATED - 50);

        assertThat(chat.updatedAt()).isEqualTo(UPDATED);
    }

    // --- events: status -----------------------------------------------------------------------------------------

    @Test
    void givenExistingMessage_statusEvent_appendsToStatusHistory() {
        Chat chat = stored(conversation());

        boolean first = chat.applyMessageEvent("a", event("status", object("description", "x")), NOW);
        boolean second = chat.applyMessageEvent("a", event("status", object("description", "y", "done", true)),
                NOW);

        assertThat(first).isTrue();
        assertThat(second).isTrue();
        assertThat(message(chat, "a").get("statusHistory")).isEqualTo(List.of(object("description", "x"),
                object("description", "y", "done", true)));
        assertThat(message(chat, "a")).containsEntry("content", "hi");
        assertThat(history(chat)).containsEntry("currentId", "b");
        assertThat(chat.updatedAt()).isEqualTo(NOW);
        assertThat(chat.pendingMessageChanges().upserted().keySet()).containsExactly("a");
    }

    @Test
    void givenMissingMessage_statusEvent_changesNothing() {
        Chat chat = stored(conversation());

        boolean changed = chat.applyMessageEvent("zz", event("status", object("description", "x")), NOW);

        assertThat(changed).isFalse();
        assertUnchanged(chat, conversation());
    }

    @Test
    void givenChatWithoutHistory_statusEvent_changesNothing() {
        Chat chat = stored(object("title", "T"));

        boolean changed = chat.applyMessageEvent("a", event("status", object("description", "x")), NOW);

        assertThat(changed).isFalse();
        assertUnchanged(chat, object("title", "T"));
    }

    // --- events: message ----------------------------------------------------------------------------------------

    @Test
    void givenExistingMessage_messageEvent_appendsTheContent() {
        Chat chat = stored(conversation());

        boolean changed = chat.applyMessageEvent("b", event("message", object("content", " world")), NOW);

        assertThat(changed).isTrue();
        assertThat(message(chat, "b")).containsEntry("content", "hello world").containsEntry("role", "assistant");
        assertThat(history(chat)).containsEntry("currentId", "b");
        assertThat(chat.updatedAt()).isEqualTo(NOW);
        assertThat(chat.pendingMessageChanges().upserted().keySet()).containsExactly("b");
    }

    @Test
    void givenExistingMessage_messageEventWithoutContent_appendsNothing() {
        Chat chat = stored(conversation());

        chat.applyMessageEvent("b", event("message", object()), NOW);

        assertThat(message(chat, "b")).containsEntry("content", "hello");
    }

    @Test
    void givenMissingMessage_messageEvent_changesNothing() {
        Chat chat = stored(conversation());

        boolean changed = chat.applyMessageEvent("zz", event("message", object("content", "x")), NOW);

        assertThat(changed).isFalse();
        assertUnchanged(chat, conversation());
    }

    // --- events: replace ----------------------------------------------------------------------------------------

    @Test
    void givenExistingMessage_replaceEvent_replacesTheContent() {
        Chat chat = stored(conversation());

        boolean changed = chat.applyMessageEvent("a", event("replace", object("content", "new")), NOW);

        assertThat(changed).isTrue();
        Map<String, Object> expected = userMessage();
        expected.put("content", "new");
        assertThat(message(chat, "a")).isEqualTo(expected);
        assertThat(history(chat)).containsEntry("currentId", "b");
        assertThat(chat.pendingMessageChanges().upserted().keySet()).containsExactly("a");
    }

    @Test
    void givenMissingMessage_replaceEvent_createsTheMessageAsANewOne() {
        Chat chat = stored(conversation());

        boolean changed = chat.applyMessageEvent("c", event("replace", object("content", "new")), NOW);

        assertThat(changed).isTrue();
        assertThat(message(chat, "c")).isEqualTo(object("id", "c", "parentId", "b", "childrenIds", List.of(),
                "role", "user", "content", "new", "timestamp", (int) NOW));
        assertThat(message(chat, "b").get("childrenIds")).isEqualTo(List.of("c"));
        assertThat(history(chat)).containsEntry("currentId", "c");
        assertThat(chat.pendingMessageChanges().upserted().keySet()).containsExactlyInAnyOrder("c", "b");
    }

    // --- events: embeds and files -------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"embeds", "files"})
    void givenStoredItems_listEvent_putsTheIncomingItemsFirst(String type) {
        Map<String, Object> a = userMessage();
        a.put(type, List.of(object("id", "old")));
        Chat chat = stored(object("title", "T", "history",
                object("currentId", "b", "messages", object("a", a, "b", assistantMessage()))));

        boolean changed = chat.applyMessageEvent("a",
                event(type, object(type, List.of(object("id", "new1"), object("id", "new2")))), NOW);

        assertThat(changed).isTrue();
        assertThat(message(chat, "a").get(type)).isEqualTo(List.of(object("id", "new1"), object("id", "new2"),
                object("id", "old")));
        assertThat(message(chat, "a")).containsEntry("content", "hi");
        assertThat(history(chat)).containsEntry("currentId", "b");
        assertThat(chat.updatedAt()).isEqualTo(NOW);
        assertThat(chat.pendingMessageChanges().upserted().keySet()).containsExactly("a");
    }

    @ParameterizedTest
    @ValueSource(strings = {"embeds", "files"})
    void givenNoStoredItems_listEvent_storesTheIncomingItems(String type) {
        Chat chat = stored(conversation());

        chat.applyMessageEvent("b", event(type, object(type, List.of("x"))), NOW);

        assertThat(message(chat, "b").get(type)).isEqualTo(List.of("x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"embeds", "files"})
    void givenSameItemTwice_listEvent_keepsBothAsTheReferenceConcatenates(String type) {
        Chat chat = stored(conversation());

        chat.applyMessageEvent("b", event(type, object(type, List.of("x"))), NOW);
        chat.applyMessageEvent("b", event(type, object(type, List.of("x", "y"))), NOW);

        assertThat(message(chat, "b").get(type)).isEqualTo(List.of("x", "y", "x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"embeds", "files"})
    void givenMissingMessage_listEvent_createsTheMessageWithTheItems(String type) {
        Chat chat = stored(conversation());

        boolean changed = chat.applyMessageEvent("c", event(type, object(type, List.of("x"))), NOW);

        assertThat(changed).isTrue();
        assertThat(message(chat, "c")).containsEntry(type, List.of("x")).containsEntry("parentId", "b")
                .containsEntry("id", "c");
        assertThat(message(chat, "b").get("childrenIds")).isEqualTo(List.of("c"));
        assertThat(chat.pendingMessageChanges().upserted().keySet()).containsExactlyInAnyOrder("c", "b");
        assertThat(chat.pendingMessageChanges().upserted().get("c").body()).containsEntry(type, List.of("x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"embeds", "files"})
    void givenItemsNotAList_listEvent_isRejectedAndChangesNothing(String type) {
        Chat chat = stored(conversation());

        assertThatThrownBy(() -> chat.applyMessageEvent("a", event(type, object(type, "x")), NOW))
                .isInstanceOf(InvalidMessageEventException.class);
        assertUnchanged(chat, conversation());
    }

    // --- events: source and citation ----------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"source", "citation"})
    void givenExistingMessage_sourceEvent_appendsTheDataToSources(String type) {
        Chat chat = stored(conversation());
        Map<String, Object> first = object("source", object("name", "doc"), "document", List.of("text"));
        Map<String, Object> second = object("source", object("name", "web"));

        assertThat(chat.applyMessageEvent("b", event(type, first), NOW)).isTrue();
        assertThat(chat.applyMessageEvent("b", event(type, second), NOW)).isTrue();

        assertThat(message(chat, "b").get("sources")).isEqualTo(List.of(first, second));
        assertThat(history(chat)).containsEntry("currentId", "b");
        assertThat(chat.updatedAt()).isEqualTo(NOW);
        assertThat(chat.pendingMessageChanges().upserted().keySet()).containsExactly("b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"source", "citation"})
    void givenMissingMessage_sourceEvent_startsTheMessageWithTheSource(String type) {
        Chat chat = stored(conversation());
        Map<String, Object> source = object("source", object("name", "doc"));

        assertThat(chat.applyMessageEvent("new", event(type, source), NOW)).isTrue();

        assertThat(message(chat, "new").get("sources")).isEqualTo(List.of(source));
        assertThat(message(chat, "new").get("parentId")).isEqualTo("b");
        assertThat(history(chat)).containsEntry("currentId", "new");
        assertThat(chat.pendingMessageChanges().upserted().keySet()).containsExactlyInAnyOrder("new", "b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"source", "citation"})
    void givenDataWithAType_sourceEvent_storesNothing(String type) {
        Chat chat = stored(conversation());

        boolean changed = chat.applyMessageEvent("b", event(type, object("type", "code_execution", "id", "1")), NOW);

        assertThat(changed).isFalse();
        assertUnchanged(chat, conversation());
    }

    // --- events: relayed only, unknown, malformed ---------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"chat:message", "chat:message:delta", "chat:completion", "chat:title", "chat:tags",
            "chat:message:error", "chat:message:follow_ups", "notification", "confirmation", "input", "execute",
            "chat:tasks:cancel"})
    void givenRelayedOnlyType_applyMessageEvent_changesNothing(String type) {
        Chat chat = stored(conversation());

        boolean changed = chat.applyMessageEvent("a", event(type, object("content", "x", "embeds", List.of("e"))),
                NOW);

        assertThat(changed).isFalse();
        assertUnchanged(chat, conversation());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bogus", "", "STATUS", "chat:unknown"})
    void givenUnknownType_messageEvent_isRejected(String type) {
        assertThatThrownBy(() -> new MessageEvent(type, Map.of()))
                .isInstanceOf(InvalidMessageEventException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"message", "replace"})
    void givenNonStringContent_contentEvent_isRejectedAndChangesNothing(String type) {
        Chat chat = stored(conversation());

        assertThatThrownBy(() -> chat.applyMessageEvent("a", event(type, object("content", 42)), NOW))
                .isInstanceOf(InvalidMessageEventException.class);
        assertThatThrownBy(() -> chat.applyMessageEvent("a", event(type, object("content", List.of("x"))), NOW))
                .isInstanceOf(InvalidMessageEventException.class);
        assertUnchanged(chat, conversation());
    }

    @Test
    void givenMissingMessageAndNonStringContent_replaceEvent_isRejectedAndCreatesNothing() {
        Chat chat = stored(conversation());

        assertThatThrownBy(() -> chat.applyMessageEvent("c", event("replace", object("content", 42)), NOW))
                .isInstanceOf(InvalidMessageEventException.class);
        assertUnchanged(chat, conversation());
    }

    @Test
    void givenEventData_messageEvent_keepsACopyTheCallerCannotChange() {
        Map<String, Object> data = object("description", "x");
        MessageEvent status = event("status", data);
        data.put("description", "changed");
        Chat chat = stored(conversation());

        chat.applyMessageEvent("a", status, NOW);

        assertThat(message(chat, "a").get("statusHistory")).isEqualTo(List.of(object("description", "x")));
    }

    // --- pending changes across several operations --------------------------------------------------------------

    @Test
    void givenSeveralChanges_pendingMessageChanges_listEachTouchedRowOnceInItsLatestState() {
        Chat chat = stored(conversation());

        chat.upsertMessageContent("c", "one", null, NOW);
        chat.applyMessageEvent("c", event("message", object("content", " two")), NOW);
        chat.applyMessageEvent("c", event("status", object("done", true)), NOW);

        assertThat(chat.pendingMessageChanges().upserted().keySet()).containsExactlyInAnyOrder("c", "b");
        assertThat(chat.pendingMessageChanges().upserted().get("c").body())
                .containsEntry("content", "one two")
                .containsEntry("statusHistory", List.of(object("done", true)));
    }

    @Test
    void givenStoredChat_afterUpdate_clearsPendingMessageChanges() {
        Chat chat = stored(conversation());
        chat.upsertMessageContent("c", "one", null, NOW);

        Chat saved = chat.afterUpdate();

        assertThat(saved.pendingMessageChanges().isEmpty()).isTrue();
        assertThat(saved.version()).isEqualTo(4);
        assertThat(message(saved, "c")).containsEntry("content", "one");
    }
}
