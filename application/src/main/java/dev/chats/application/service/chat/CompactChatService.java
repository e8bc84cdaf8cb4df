package dev.chats.application.service.chat;

import dev.chats.application.port.in.chat.CompactChatUseCase;
import dev.chats.application.port.in.chat.CompactionOutcome;
import dev.chats.application.service.chat.VersionedWrite.Stored;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.MessageBranch;
import dev.chats.domain.chat.MessageContent;
import dev.chats.domain.chat.event.ChatUpdated;
import dev.chats.domain.completion.ModelMessage;
import dev.chats.domain.completion.ModelRequest;
import dev.chats.domain.json.JsonTree;
import dev.chats.domain.permission.PermissionPolicy;
import dev.chats.domain.port.ChatEvents;
import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.port.Clock;
import dev.chats.domain.port.ModelProvider;
import dev.chats.domain.user.User;

import java.util.List;
import java.util.Map;

/**
 * Compacts a chat's current branch as Open WebUI does: the messages since the last summary, but the current one, are
 * summarised by the model, and the summary is stored on the current message as {@code contextSummary}. The model is
 * asked only when compaction is enabled (Open WebUI's {@code chat.context_compaction.enable}, off by default); a
 * branch of one message since the last summary has nothing to compact, so compacting twice in a row asks once.
 */
public final class CompactChatService implements CompactChatUseCase {

    static final String SUMMARY_KEY = "contextSummary";
    static final String INSTRUCTIONS = """
            Summarise the conversation below so that it can replace the messages it summarises. Keep every fact, \
            decision, preference, constraint and open question the rest of the conversation may rely on, with \
            names, numbers and code identifiers exactly as written. Leave out greetings and small talk. Answer \
            with the summary only.""";

    private final ChatRepository chats;
    private final ChatAccess access;
    private final ModelProvider model;
    private final Clock clock;
    private final ChatEvents events;
    private final boolean enabled;

    public CompactChatService(ChatRepository chats, PermissionPolicy policy, ModelProvider model, Clock clock,
                              ChatEvents events, boolean enabled) {
        this.chats = chats;
        this.access = new ChatAccess(chats, policy);
        this.model = model;
        this.clock = clock;
        this.events = events;
        this.enabled = enabled;
    }

    @Override
    public CompactionOutcome compact(User actor, ChatId id, String requestedModel) {
        Chat chat = access.owned(actor, id);
        List<Map<String, Object>> branch = MessageBranch.of(chat.document());
        String modelId = requestedModel != null ? requestedModel : modelOf(chat, branch);
        if (modelId == null) {
            throw new NoCompactionModelException();
        }
        if (!enabled) {
            return CompactionOutcome.skipped("disabled");
        }
        if (branch.isEmpty()) {
            return CompactionOutcome.skipped("empty");
        }
        int since = lastSummaryIndex(branch);
        List<Map<String, Object>> pending = branch.subList(Math.max(since, 0), branch.size());
        if (pending.size() < 2) {
            return CompactionOutcome.skipped("too_short");
        }
        List<Map<String, Object>> summarised = pending.subList(0, pending.size() - 1);
        String previousSummary = since >= 0 ? (String) branch.get(since).get(SUMMARY_KEY) : null;
        String summary = model.complete(new ModelRequest(null, modelId,
                summaryRequest(summarised, previousSummary), null, null, null)).text();
        String carrier = String.valueOf(pending.get(pending.size() - 1).get("id"));
        Stored<ChatUpdated> stored = VersionedWrite.apply(() -> access.owned(actor, id), current -> {
            ChatUpdated event = current.mergeDocument(Map.of("history", withSummary(current, carrier, summary)),
                    clock.nowEpochSeconds());
            return new Stored<>(chats.update(current), event);
        });
        events.publish(stored.event());
        return CompactionOutcome.done(summarised.size(), 1, summary.length());
    }

    /** Open WebUI's choice: the last assistant message's model on the branch, else the chat's first model. */
    private static String modelOf(Chat chat, List<Map<String, Object>> branch) {
        for (int i = branch.size() - 1; i >= 0; i--) {
            if (branch.get(i).get("model") instanceof String name && !name.isBlank()) {
                return name;
            }
        }
        return chat.document().get("models") instanceof List<?> models && !models.isEmpty()
                && models.get(0) instanceof String first && !first.isBlank() ? first : null;
    }

    private static int lastSummaryIndex(List<Map<String, Object>> branch) {
        for (int i = branch.size() - 1; i >= 0; i--) {
            if (branch.get(i).get(SUMMARY_KEY) instanceof String summary && !summary.isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static List<ModelMessage> summaryRequest(List<Map<String, Object>> messages, String previousSummary) {
        StringBuilder transcript = new StringBuilder();
        if (previousSummary != null) {
            transcript.append("[Summary of the conversation before this point]\n").append(previousSummary)
                    .append("\n\n");
        }
        for (Map<String, Object> message : messages) {
            transcript.append('[').append(message.getOrDefault("role", "user")).append("]\n")
                    .append(MessageContent.text(message.get("content"))).append("\n\n");
        }
        return List.of(new ModelMessage("system", INSTRUCTIONS), new ModelMessage("user", transcript.toString()));
    }

    /**
     * A copy of the chat's history with the summary on one message: only that message's row differs, so only it is
     * written.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withSummary(Chat chat, String messageId, String summary) {
        Map<String, Object> history = JsonTree.copyObject((Map<String, Object>) chat.document().get("history"));
        Map<String, Object> messages = (Map<String, Object>) history.get("messages");
        if (messages.get(messageId) instanceof Map<?, ?> message) {
            ((Map<String, Object>) message).put(SUMMARY_KEY, summary);
        }
        return history;
    }
}
