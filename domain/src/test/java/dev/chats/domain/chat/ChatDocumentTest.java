package dev.chats.domain.chat;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChatDocumentTest {

    static Map<String, Object> object(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    static Map<String, Object> conversation() {
        return object(
                "title", "Trip",
                "models", List.of("m"),
                "history", object("currentId", "b",
                        "messages", object(
                                "a", object("id", "a", "parentId", null, "childrenIds", List.of("b"), "role", "user",
                                        "content", "hi"),
                                "b", object("id", "b", "parentId", "a", "childrenIds", List.of(), "role", "assistant",
                                        "content", "hello"))),
                "timestamp", 1700000000000L);
    }

    @Test
    void givenDocumentWithMessageMap_split_keepsMessagesApartAndBodyWithEmptyPlaceholder() {
        ChatDocument doc = ChatDocument.fromClient(conversation());

        assertThat(doc.hasMessageMap()).isTrue();
        assertThat(doc.messages()).extracting(Message::id).containsExactly("a", "b");
        assertThat(doc.messages()).extracting(Message::position).containsExactly(0, 1);
        assertThat(doc.messages().get(1).parentId()).isEqualTo("a");
        @SuppressWarnings("unchecked")
        Map<String, Object> history = (Map<String, Object>) doc.body().get("history");
        assertThat(history.get("messages")).isEqualTo(Map.of());
    }

    @Test
    void givenSplitDocument_toMap_isExactlyWhatTheClientSent_inKeyOrder() {
        Map<String, Object> sent = conversation();

        Map<String, Object> back = ChatDocument.fromClient(sent).toMap();

        assertThat(back).isEqualTo(sent);
        assertThat(new ArrayList<>(back.keySet())).containsExactly("title", "models", "history", "timestamp");
        @SuppressWarnings("unchecked")
        Map<String, Object> history = (Map<String, Object>) back.get("history");
        assertThat(new ArrayList<>(history.keySet())).containsExactly("currentId", "messages");
    }

    @Test
    void givenStoredRowsInAnyOrder_restore_putsMessagesBackByPosition() {
        ChatDocument split = ChatDocument.fromClient(conversation());
        List<Message> rows = new ArrayList<>(split.messages());
        java.util.Collections.reverse(rows);

        ChatDocument restored = ChatDocument.restore(split.body(), rows);

        assertThat(restored.toMap()).isEqualTo(conversation());
        assertThat(restored.messages()).extracting(Message::id).containsExactly("a", "b");
    }

    @Test
    void givenMessagesAsList_document_isKeptWholeWithoutMessageRows() {
        Map<String, Object> sent = object("history", object("currentId", "1", "messages", List.of()));

        ChatDocument doc = ChatDocument.fromClient(sent);

        assertThat(doc.hasMessageMap()).isFalse();
        assertThat(doc.messages()).isEmpty();
        assertThat(doc.toMap()).isEqualTo(sent);
    }

    @Test
    void givenNoTitleKey_title_isNewChat() {
        assertThat(ChatDocument.fromClient(object("name", "x")).title()).isEqualTo("New Chat");
    }

    @Test
    void givenNonStringTitle_title_isRejected() {
        assertThatThrownBy(() -> ChatDocument.fromClient(object("title", 5)).title())
                .isInstanceOf(InvalidChatDocumentException.class);
    }

    @Test
    void givenMessageEntryThatIsNotAnObject_split_isRejected() {
        Map<String, Object> sent = object("history", object("messages", object("a", "text")));

        assertThatThrownBy(() -> ChatDocument.fromClient(sent)).isInstanceOf(InvalidChatDocumentException.class);
    }

    @Test
    void givenOverlongMessageId_split_isRejected() {
        String id = "x".repeat(Message.MAX_ID_LENGTH + 1);
        Map<String, Object> sent = object("history", object("messages", object(id, object("content", "c"))));

        assertThatThrownBy(() -> ChatDocument.fromClient(sent)).isInstanceOf(InvalidChatDocumentException.class);
    }

    @Test
    void givenPatchWithoutHistory_merge_replacesOnlyGivenKeysAndChangesNoMessage() {
        ChatDocument doc = ChatDocument.fromClient(conversation());

        ChatDocument.Merge merge = doc.mergedWith(object("title", "T2", "params", object("t", 1)));

        assertThat(merge.changes().isEmpty()).isTrue();
        Map<String, Object> merged = merge.document().toMap();
        assertThat(merged.get("title")).isEqualTo("T2");
        assertThat(merged.get("models")).isEqualTo(List.of("m"));
        assertThat(merged.get("history")).isEqualTo(conversation().get("history"));
        assertThat(new ArrayList<>(merged.keySet())).containsExactly("title", "models", "history", "timestamp", "params");
    }

    @Test
    void givenHistoryWithOneEditedAndOneNewMessage_merge_recordsExactlyThoseRows() {
        ChatDocument doc = ChatDocument.fromClient(conversation());
        @SuppressWarnings("unchecked")
        Map<String, Object> history = (Map<String, Object>) conversation().get("history");
        @SuppressWarnings("unchecked")
        Map<String, Object> messages = (Map<String, Object>) history.get("messages");
        messages.put("b", object("id", "b", "parentId", "a", "content", "edited"));
        messages.put("c", object("id", "c", "parentId", "b", "content", "new"));

        ChatDocument.Merge merge = doc.mergedWith(object("history", history));

        assertThat(merge.changes().upserted().keySet()).containsExactly("b", "c");
        assertThat(merge.changes().removed()).isEmpty();
        assertThat(merge.document().toMap().get("history")).isEqualTo(history);
    }

    @Test
    void givenHistoryWithoutAMessage_merge_removesItsRow() {
        ChatDocument doc = ChatDocument.fromClient(conversation());

        ChatDocument.Merge merge = doc.mergedWith(object("history",
                object("currentId", "a", "messages", object("a", object("id", "a", "parentId", null,
                        "childrenIds", List.of("b"), "role", "user", "content", "hi")))));

        assertThat(merge.changes().upserted()).isEmpty();
        assertThat(merge.changes().removed()).containsExactly("b");
    }

    @Test
    void givenHistoryReplacedByList_merge_removesEveryRow() {
        ChatDocument doc = ChatDocument.fromClient(conversation());

        ChatDocument.Merge merge = doc.mergedWith(object("history", object("messages", List.of())));

        assertThat(merge.changes().removed()).containsExactlyInAnyOrder("a", "b");
        assertThat(merge.document().hasMessageMap()).isFalse();
    }

    @Test
    void givenRichValues_roundTrip_keepsNullsUnicodeAndNesting() {
        Map<String, Object> sent = object("title", "Grüße 👋 — 日本語", "nothing", null,
                "nested", object("list", Arrays.asList(1, 2.5, null, true, object("deep", List.of("x")))));

        assertThat(ChatDocument.fromClient(sent).toMap()).isEqualTo(sent);
    }
}
