package dev.chats.domain.chat;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MessageBranchTest {

    private static Map<String, Object> message(String id, String parent) {
        Map<String, Object> message = new HashMap<>();
        message.put("id", id);
        message.put("parentId", parent);
        return message;
    }

    private static List<Object> ids(Map<String, Object> document) {
        return MessageBranch.of(document).stream().map(m -> m.get("id")).toList();
    }

    @Test
    void walksFromTheCurrentMessageToTheRootAndAnswersRootFirst() {
        Map<String, Object> document = Map.of("history", Map.of("currentId", "c", "messages", Map.of(
                "a", message("a", null), "b", message("b", "a"), "c", message("c", "b"),
                "other", message("other", "a"))));
        assertThat(ids(document)).containsExactly("a", "b", "c");
    }

    @Test
    void aMissingParentOrALoopEndsTheWalk() {
        assertThat(ids(Map.of("history", Map.of("currentId", "c", "messages", Map.of(
                "c", message("c", "gone")))))).containsExactly("c");
        assertThat(ids(Map.of("history", Map.of("currentId", "b", "messages", Map.of(
                "a", message("a", "b"), "b", message("b", "a")))))).containsExactly("a", "b");
    }

    @Test
    void aChatWithoutHistoryOrCurrentIdHasAnEmptyBranch() {
        assertThat(ids(Map.of("title", "t"))).isEmpty();
        assertThat(ids(Map.of("history", Map.of("messages", Map.of("a", message("a", null)))))).isEmpty();
    }
}
