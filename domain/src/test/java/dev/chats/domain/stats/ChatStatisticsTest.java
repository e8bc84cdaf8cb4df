package dev.chats.domain.stats;

import dev.chats.domain.chat.ChatId;
import dev.chats.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChatStatisticsTest {

    private static Map<String, Object> message(String id, String parent, String role, Object content, String model,
                                               Object timestamp) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", id);
        message.put("parentId", parent);
        message.put("role", role);
        message.put("content", content);
        if (model != null) {
            message.put("model", model);
        }
        message.put("timestamp", timestamp);
        return message;
    }

    private static ChatFacts chat(Object currentId, Map<String, Object>... messages) {
        Map<String, MessageFacts> facts = new LinkedHashMap<>();
        for (Map<String, Object> message : messages) {
            facts.put((String) message.get("id"), MessageFacts.of((String) message.get("id"), message));
        }
        return new ChatFacts(new ChatId("c1"), new UserId("u"), 1, 2, List.of("t"), currentId, facts);
    }

    @Test
    @SuppressWarnings("unchecked")
    void givenBranchedChat_usage_countsTheWholeHistoryAndTheCurrentBranch() {
        ChatFacts chat = chat("a1", message("u1", null, "user", "hello", null, 100),
                message("a1", "u1", "assistant", "hi", "m1", 104),
                message("a2", "u1", "assistant", List.of(Map.of("type", "text", "text", "abcd")), "m2", 110));

        ChatStatistics.Aggregate usage = ChatStatistics.usage(chat).orElseThrow();

        assertThat(usage.messageCount()).isEqualTo(2);
        assertThat(usage.models()).containsExactly(Map.entry("m1", 1));
        assertThat(usage.historyModels()).containsOnly(Map.entry("m1", 1), Map.entry("m2", 1));
        assertThat(usage.averageResponseTime()).isEqualTo(7.0);
        assertThat(usage.averageUserMessageContentLength()).isEqualTo(5.0);
        assertThat(usage.averageAssistantMessageContentLength()).isEqualTo(1.5);
        assertThat(usage.lastMessageAt()).isEqualTo(104);
        assertThat(ChatStatistics.export(chat).averageAssistantMessageContentLength()).isEqualTo(3.0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void givenNoCurrentMessage_orACycle_usageSkipsOrStops() {
        assertThat(ChatStatistics.usage(chat(null, message("u1", null, "user", "x", null, 1)))).isEmpty();
        assertThat(ChatStatistics.usage(chat("gone", message("u1", null, "user", "x", null, 1)))).isEmpty();
        ChatFacts cycle = chat("a", message("a", "b", "user", "x", null, 1), message("b", "a", "assistant", "y",
                "m", 2));
        assertThat(ChatStatistics.usage(cycle).orElseThrow().messageCount()).isEqualTo(2);
    }
}
