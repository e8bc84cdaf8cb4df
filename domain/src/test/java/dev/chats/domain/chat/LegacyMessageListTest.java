package dev.chats.domain.chat;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat row keeps Open WebUI's linear {@code messages} list as references to the stored messages, so its size does
 * not grow with the conversation, and the document still reads back exactly as sent.
 */
class LegacyMessageListTest {

    private static Map<String, Object> message(String id, String parent, String content) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", id);
        message.put("parentId", parent);
        message.put("role", "user");
        message.put("content", content);
        return message;
    }

    private static Map<String, Object> openWebUiChat(int length) {
        Map<String, Object> messages = new LinkedHashMap<>();
        List<Object> linear = new ArrayList<>();
        String parent = null;
        for (int i = 0; i < length; i++) {
            Map<String, Object> message = message("m" + i, parent, "message number " + i + " ".repeat(100));
            messages.put("m" + i, message);
            linear.add(new LinkedHashMap<>(message));
            parent = "m" + i;
        }
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("currentId", parent);
        history.put("messages", messages);
        Map<String, Object> chat = new LinkedHashMap<>();
        chat.put("title", "Long");
        chat.put("history", history);
        chat.put("messages", linear);
        return chat;
    }

    private static ChatDocument storedAndRead(ChatDocument document) {
        return ChatDocument.restore(document.body(), document.messages());
    }

    @Test
    void copiesOfStoredMessages_areStoredAsReferences_andReadBackWhole() {
        Map<String, Object> sent = openWebUiChat(200);
        ChatDocument document = ChatDocument.fromClient(sent);

        String storedRow = document.body().toString();

        assertThat(storedRow.length()).isLessThan(200 * 40);
        assertThat(storedRow).doesNotContain("message number");
        assertThat(storedAndRead(document).toMap()).isEqualTo(sent);
    }

    @Test
    void entriesThatDifferFromTheirMessage_areStoredAsSent() {
        Map<String, Object> sent = openWebUiChat(3);
        @SuppressWarnings("unchecked")
        List<Object> linear = (List<Object>) sent.get("messages");
        linear.set(1, message("m1", "m0", "a stale copy"));
        linear.add(Map.of("note", "not a message"));
        ChatDocument document = ChatDocument.fromClient(sent);

        assertThat(document.body().toString()).contains("a stale copy", "not a message");
        assertThat(storedAndRead(document).toMap()).isEqualTo(sent);
        assertThat(document.legacyMessagesText()).isEqualTo("a stale copy");
    }

    @Test
    void entriesThatLookLikeStorageMarkers_readBackUnchanged() {
        Map<String, Object> sent = openWebUiChat(2);
        @SuppressWarnings("unchecked")
        List<Object> linear = (List<Object>) sent.get("messages");
        linear.add(new LinkedHashMap<>(Map.of("\u0000ref", "m0")));
        linear.add(new LinkedHashMap<>(Map.of("\u0000esc", "x")));
        ChatDocument document = ChatDocument.fromClient(sent);

        assertThat(storedAndRead(document).toMap()).isEqualTo(sent);
    }

    @Test
    void editingOneMessage_keepsTheStaleCopyInTheList_asOpenWebUiDoes() {
        Map<String, Object> sent = openWebUiChat(3);
        Chat chat = Chat.start(new ChatId("c"), new dev.chats.domain.user.UserId("u"), sent, null, 1);

        chat.upsertMessageContent("m1", "edited", null, 2);
        ChatDocument reread = storedAndRead(chat.storedDocument());

        @SuppressWarnings("unchecked")
        Map<String, Object> m1 = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                reread.toMap().get("history")).get("messages")).get("m1");
        assertThat(m1.get("content")).isEqualTo("edited");
        assertThat(((List<?>) reread.toMap().get("messages")).get(1)).isEqualTo(((List<?>) sent.get("messages")).get(1));
        assertThat(reread.toMap()).isEqualTo(chat.document());
    }
}
