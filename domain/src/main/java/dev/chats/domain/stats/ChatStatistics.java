package dev.chats.domain.stats;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Open WebUI's chat statistics, computed from {@link ChatFacts}: counts and models over the whole message history
 * and over the current branch (from the current message up through its parents), average content lengths and the
 * average time an assistant took to answer its parent.
 */
public final class ChatStatistics {

    private ChatStatistics() {
    }

    /** The figures both the usage list and the export carry. */
    public record Aggregate(double averageResponseTime, double averageUserMessageContentLength,
                            double averageAssistantMessageContentLength, Map<String, Integer> models,
                            int messageCount, Map<String, Integer> historyModels, int historyMessageCount,
                            int historyUserMessageCount, int historyAssistantMessageCount, Object lastMessageAt) {
    }

    /**
     * The usage figures of the chat ({@code /stats/usage}); empty when it has no messages or no current message,
     * or when the current message is not among them — Open WebUI leaves such chats out.
     */
    public static Optional<Aggregate> usage(ChatFacts chat) {
        if (chat.messages().isEmpty() || !truthy(chat.currentId())) {
            return Optional.empty();
        }
        List<MessageFacts> branch = branch(chat);
        if (branch.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(aggregate(chat, branch, false));
    }

    /** The export figures of the chat ({@code /stats/export}): text parts count, missing times are skipped. */
    public static Aggregate export(ChatFacts chat) {
        return aggregate(chat, branch(chat), true);
    }

    private static Aggregate aggregate(ChatFacts chat, List<MessageFacts> branch, boolean export) {
        Map<String, Integer> historyModels = new LinkedHashMap<>();
        List<MessageFacts> users = new ArrayList<>();
        List<MessageFacts> assistants = new ArrayList<>();
        for (MessageFacts message : chat.messages().values()) {
            if ("user".equals(message.role())) {
                users.add(message);
            } else if ("assistant".equals(message.role())) {
                assistants.add(message);
                if (message.model() instanceof String model && !model.isEmpty()) {
                    historyModels.merge(model, 1, Integer::sum);
                }
            }
        }
        List<Double> responseTimes = new ArrayList<>();
        for (MessageFacts answer : assistants) {
            if (answer.parentId() instanceof String parentKey && !parentKey.isEmpty()
                    && chat.messages().containsKey(parentKey)) {
                MessageFacts question = chat.messages().get(parentKey);
                Double answered = number(answer.timestamp());
                Double asked = number(question.timestamp());
                if (export) {
                    if (answered != null && asked != null && answered != 0 && asked != 0) {
                        responseTimes.add(answered - asked);
                    }
                } else {
                    responseTimes.add((answered == null ? 0 : answered) - (asked == null ? 0 : asked));
                }
            }
        }
        Map<String, Integer> models = new LinkedHashMap<>();
        for (int i = branch.size() - 1; i >= 0; i--) {
            MessageFacts message = branch.get(i);
            if ("assistant".equals(message.role()) && message.model() instanceof String model && !model.isEmpty()) {
                models.merge(model, 1, Integer::sum);
            }
        }
        Object last = branch.isEmpty() ? null : branch.get(branch.size() - 1).timestamp();
        return new Aggregate(average(responseTimes), averageLength(users, export), averageLength(assistants, export),
                models, branch.size(), historyModels, chat.messages().size(), users.size(), assistants.size(), last);
    }

    /** The current branch, root first: Open WebUI's {@code get_message_list}; a cycle ends the walk. */
    private static List<MessageFacts> branch(ChatFacts chat) {
        List<MessageFacts> branch = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Object key = chat.currentId();
        while (key instanceof String id && !id.isEmpty() && chat.messages().containsKey(id) && seen.add(id)) {
            MessageFacts message = chat.messages().get(id);
            branch.add(0, message);
            key = message.parentId();
        }
        return branch;
    }

    private static double averageLength(List<MessageFacts> messages, boolean export) {
        if (messages.isEmpty()) {
            return 0;
        }
        long total = 0;
        for (MessageFacts message : messages) {
            total += export ? message.textLength() : message.contentLength();
        }
        return (double) total / messages.size();
    }

    private static double average(List<Double> values) {
        return values.isEmpty() ? 0 : values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
    }

    private static Double number(Object value) {
        return value instanceof Number number ? number.doubleValue() : null;
    }

    private static boolean truthy(Object value) {
        return value instanceof String string ? !string.isEmpty() : value != null;
    }
}
