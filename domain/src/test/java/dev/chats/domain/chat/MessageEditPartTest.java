package dev.chats.domain.chat;

import dev.chats.domain.json.JsonTree;
import dev.chats.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A chat restored for a message edit ({@link ChatDocument#restoreForEdit}) holds only the messages the edit reads,
 * yet its edit stores exactly what the same edit of the whole chat stores: the same body (its legacy list encoded
 * the same), the same search text, the same message rows, the same event. Checked over documents shaped to reach
 * every branch of the legacy list's encoding, and every edit a message route makes.
 */
class MessageEditPartTest {

    private static final long NOW = 1_700_000_500L;
    private static final String REF = "\u0000ref";

    record Edit(String name, Function<Chat, Object> apply) {
        @Override
        public String toString() {
            return name;
        }
    }

    record Case(String document, Map<String, Object> sent, String messageId, Edit edit) {
        @Override
        public String toString() {
            return document + ", " + edit + " of " + messageId;
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        Map<String, Map<String, Object>> documents = documents();
        for (Map.Entry<String, Map<String, Object>> document : documents.entrySet()) {
            for (String messageId : List.of("m0", "m2", "m4", "new", "ghost")) {
                for (Edit edit : edits(messageId)) {
                    cases.add(new Case(document.getKey(), document.getValue(), messageId, edit));
                }
            }
        }
        return cases.stream();
    }

    private static List<Edit> edits(String id) {
        return List.of(
                new Edit("content", chat -> chat.upsertMessageContent(id, "edited text", null, NOW)),
                new Edit("same content", chat -> chat.upsertMessageContent(id, "message 2", null, NOW)),
                new Edit("stale copy's content", chat -> chat.upsertMessageContent(id, "old text", null, NOW)),
                new Edit("message event", chat -> chat.applyMessageEvent(id, event("message", "content", " more"),
                        NOW)),
                new Edit("replace event", chat -> chat.applyMessageEvent(id, event("replace", "content", "r"), NOW)),
                new Edit("status event", chat -> chat.applyMessageEvent(id, event("status", "done", true), NOW)),
                new Edit("files event", chat -> chat.applyMessageEvent(id, event("files", "files",
                        List.of(Map.of("name", "f"))), NOW)),
                new Edit("source event", chat -> chat.applyMessageEvent(id, event("source", "name", "s"), NOW)));
    }

    private static MessageEvent event(String type, String key, Object value) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(key, value);
        return new MessageEvent(type, data);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void anEditOfTheChatReadInPart_storesWhatTheSameEditOfTheWholeChatStores(Case c) {
        ChatDocument stored = ChatDocument.fromClient(c.sent());
        Chat whole = restored(ChatDocument.restore(stored.body(), stored.messages()));
        Chat part = restored(readForEdit(stored, c.messageId()));

        Object wholeOutcome = c.edit().apply().apply(whole);
        Object partOutcome = c.edit().apply().apply(part);

        assertThat(partOutcome).isEqualTo(wholeOutcome);
        ChatStorage wholeStorage = ChatStorage.of(whole);
        ChatStorage partStorage = ChatStorage.of(part);
        assertThat(partStorage.document().body()).isEqualTo(wholeStorage.document().body());
        assertThat(partStorage.document().legacyMessagesText()).isEqualTo(wholeStorage.document().legacyMessagesText());
        assertThat(partStorage.pendingMessageChanges().upserted())
                .isEqualTo(wholeStorage.pendingMessageChanges().upserted());
        assertThat(partStorage.pendingMessageChanges().removed())
                .isEqualTo(wholeStorage.pendingMessageChanges().removed());
        assertThat(part.title()).isEqualTo(whole.title());
        assertThat(part.updatedAt()).isEqualTo(whole.updatedAt());
        assertThat(part.outline()).isEqualTo(whole.outline());
        assertThat(partStorage.tagsOrArchivedChanged()).isEqualTo(wholeStorage.tagsOrArchivedChanged());
    }

    @Test
    void theEditedMessagesStoredOverTheUnreadOnes_readBackAsTheWholeEditGivesIt() {
        Map<String, Object> sent = documents().get("Open WebUI chat with stale copies");
        ChatDocument stored = ChatDocument.fromClient(sent);
        Chat whole = restored(ChatDocument.restore(stored.body(), stored.messages()));
        Chat part = restored(readForEdit(stored, "m2"));
        whole.upsertMessageContent("m2", "edited", null, NOW);
        part.upsertMessageContent("m2", "edited", null, NOW);

        Map<String, Message> rows = new LinkedHashMap<>();
        stored.messages().forEach(m -> rows.put(m.id(), m));
        ChatStorage.of(part).pendingMessageChanges().upserted().forEach(rows::put);
        ChatDocument readBack = ChatDocument.restore(ChatStorage.of(part).document().body(), rows.values());

        assertThat(readBack.toMap()).isEqualTo(whole.document());
    }

    @Test
    void aChatReadInPart_refusesToGiveItsWholeDocumentOrAMessageItDidNotRead() {
        ChatDocument stored = ChatDocument.fromClient(documents().get("Open WebUI chat"));
        Chat part = restored(readForEdit(stored, "m2"));

        assertThatThrownBy(part::document).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ChatStorage.of(part).document().message("m1"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ChatStorage.of(part).document().messages())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> part.mergeDocument(Map.of("title", "x"), NOW))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEditReadsTheCurrentMessageOnlyToAddOne_andNothingBesideTheBodyOfADocumentWithoutAMessageObject() {
        Map<String, Object> body = ChatDocument.fromClient(documents().get("Open WebUI chat")).body();

        assertThat(ChatDocument.hasMessageRows(body)).isTrue();
        assertThat(ChatDocument.currentIdForEdit(body)).contains("m4");
        assertThatThrownBy(() -> ChatDocument.restoreForEdit(body, "new", Optional.empty(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ChatDocument.hasMessageRows(Map.of("title", "t"))).isFalse();
        assertThat(ChatDocument.restoreForEdit(Map.of("title", "t"), "new", Optional.empty(), null).isWhole())
                .isTrue();
    }

    /** What a store reads for the edit: the body as stored, the edited message or what adding it needs. */
    private static ChatDocument readForEdit(ChatDocument stored, String messageId) {
        Map<String, Message> rows = new LinkedHashMap<>();
        stored.messages().forEach(m -> rows.put(m.id(), m));
        Optional<Message> edited = Optional.ofNullable(rows.get(messageId));
        ChatDocument.Addition added = null;
        if (edited.isEmpty() && ChatDocument.hasMessageRows(stored.body())) {
            added = new ChatDocument.Addition(ChatDocument.currentIdForEdit(stored.body()).map(rows::get),
                    rows.values().stream().mapToInt(Message::position).max().orElse(-1) + 1);
        }
        return ChatDocument.restoreForEdit(stored.body(), messageId, edited, added);
    }

    private static Chat restored(ChatDocument document) {
        return Chat.restore(new ChatId("c1"), new UserId("u1"), document, 1_700_000_000L, 1_700_000_100L, null,
                false, false, Map.of("tags", List.of("t")), null, 7);
    }

    private static Map<String, Map<String, Object>> documents() {
        Map<String, Map<String, Object>> documents = new LinkedHashMap<>();
        documents.put("Open WebUI chat", chat(5, "m4", list -> { }));
        documents.put("Open WebUI chat with stale copies", chat(5, "m4", list -> {
            // Stale copies of m2 and m4 that an edit to "old text" makes copies again, one of a message not
            // stored, and one equal to the message a content edit adds.
            withContent(list, 2, "old text");
            list.add(new LinkedHashMap<>((Map<String, Object>) list.get(4)));
            withContent(list, list.size() - 1, "old text");
            list.add(messageBody("other", "m4", "old text"));
            Map<String, Object> added = new LinkedHashMap<>();
            added.put("id", "new");
            added.put("parentId", "m4");
            added.put("childrenIds", new ArrayList<>());
            added.put("role", "user");
            added.put("content", "edited text");
            added.put("timestamp", JsonTree.integer(NOW));
            list.add(added);
        }));
        documents.put("chat with entries that look like markers and odd entries", chat(5, "m2", list -> {
            list.add(Map.of(REF, "m1"));
            list.add(Map.of("\u0000esc", "x"));
            list.add(null);
            list.add("text");
            list.add(12);
            list.add(Map.of("content", List.of(Map.of("type", "text", "text", "multimodal"))));
        }));
        documents.put("chat whose list refers to a message the edit adds", chat(3, "m2", list ->
                list.add(new LinkedHashMap<>(Map.of("id", "ghost")))));
        documents.put("chat whose current message is missing", chat(5, "gone", list -> { }));
        documents.put("chat whose current id is no id", chat(5, "", list -> { }));
        documents.put("chat whose current id is null", chat(5, null, list -> { }));
        documents.put("chat with an empty message object", chat(0, null, list -> { }));
        documents.put("chat without a legacy list", chat(5, "m4", null));
        Map<String, Object> noHistory = new LinkedHashMap<>();
        noHistory.put("title", "no history");
        noHistory.put("messages", new ArrayList<>(List.of(messageBody("m0", null, "legacy only"))));
        documents.put("chat without history", noHistory);
        Map<String, Object> listHistory = new LinkedHashMap<>();
        listHistory.put("title", "list history");
        listHistory.put("history", new LinkedHashMap<>(Map.of("messages", List.of("a"), "currentId", "m0")));
        documents.put("chat whose history.messages is a list", listHistory);
        return documents;
    }

    private interface ListShape {
        void shape(List<Object> list);
    }

    /** A chain m0..m(n-1) with the linear list of copies Open WebUI keeps, shaped further by {@code listShape}. */
    private static Map<String, Object> chat(int length, String currentId, ListShape listShape) {
        Map<String, Object> messages = new LinkedHashMap<>();
        List<Object> linear = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            Map<String, Object> message = messageBody("m" + i, i == 0 ? null : "m" + (i - 1), "message " + i);
            message.put("childrenIds", i + 1 < length ? new ArrayList<>(List.of("m" + (i + 1))) : new ArrayList<>());
            messages.put("m" + i, message);
            linear.add(new LinkedHashMap<>(message));
        }
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("messages", messages);
        history.put("currentId", currentId);
        Map<String, Object> chat = new LinkedHashMap<>();
        chat.put("title", "Shaped");
        chat.put("history", history);
        if (listShape != null) {
            listShape.shape(linear);
            chat.put("messages", linear);
        }
        chat.put("models", Arrays.asList("m", null));
        return chat;
    }

    @SuppressWarnings("unchecked")
    private static void withContent(List<Object> list, int index, String content) {
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) list.get(index));
        copy.put("content", content);
        list.set(index, copy);
    }

    private static Map<String, Object> messageBody(String id, String parent, String content) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", id);
        message.put("parentId", parent);
        message.put("role", "user");
        message.put("content", content);
        return message;
    }
}
