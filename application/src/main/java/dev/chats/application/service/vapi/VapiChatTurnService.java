package dev.chats.application.service.vapi;

import dev.chats.application.port.in.vapi.CreateVapiChatUseCase;
import dev.chats.application.port.in.vapi.NewVapiChat;
import dev.chats.application.port.in.vapi.StreamVapiChatUseCase;
import dev.chats.application.port.in.vapi.VapiChatNotFoundException;
import dev.chats.domain.completion.Completion;
import dev.chats.domain.completion.ModelMessage;
import dev.chats.domain.completion.ModelPrices;
import dev.chats.domain.completion.ModelRequest;
import dev.chats.domain.chat.event.VapiChatCreated;
import dev.chats.domain.port.ChatEvents;
import dev.chats.domain.port.Clock;
import dev.chats.domain.port.IdGenerator;
import dev.chats.domain.port.ModelProvider;
import dev.chats.domain.port.SavedAssistantRepository;
import dev.chats.domain.port.VapiChatRepository;
import dev.chats.domain.port.VapiSessionRepository;
import dev.chats.domain.user.User;
import dev.chats.domain.vapi.InvalidVapiChatException;
import dev.chats.domain.vapi.VapiAssistant;
import dev.chats.domain.vapi.VapiChat;
import dev.chats.domain.vapi.VapiChatId;
import dev.chats.domain.vapi.VapiInput;
import dev.chats.domain.vapi.VapiSession;
import dev.chats.domain.vapi.VapiSessionId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs chat turns: resolves the assistant (sent with the request, or inherited from the previous chat), builds the
 * conversation — the assistant's starting messages, the previous chat's messages and output, this input — calls
 * the model, and stores the turn only once the model has answered, so a failed call leaves nothing behind. The
 * stored {@code messages} are the conversation without the assistant's starting messages; {@code output} is this
 * turn's answer. The chat is stored as its turn only (this input and the answer, see {@link VapiChat#turnOnly()}),
 * so storage per turn does not grow with the conversation; reads put the context back.
 *
 * <p>In a session, the session's assistant (stored with its variables substituted) runs the turn and the session's
 * history (its stored messages, then its chats' turns) comes first; the stored chat is the turn's place in that
 * history, and the session is only marked active. A saved assistant
 * ({@code assistantId}, or inherited from the session or previous chat) is read afresh for every turn; the chat
 * keeps its id, not a copy. {@code costs}/{@code cost} are the upstream's usage times the model's price
 * ({@link ModelPrices}; 0 for an unpriced model). A stored chat is announced to its owner's clients as
 * {@code chat.created}.
 */
public final class VapiChatTurnService implements CreateVapiChatUseCase, StreamVapiChatUseCase {

    private static final int SESSION_UPDATE_ATTEMPTS = 5;

    private final VapiChatRepository chats;
    private final VapiSessionRepository sessions;
    private final VapiConversationReader reader;
    private final SavedAssistantRepository assistants;
    private final ModelProvider model;
    private final ModelPrices prices;
    private final IdGenerator ids;
    private final Clock clock;
    private final ChatEvents events;

    public VapiChatTurnService(VapiChatRepository chats, VapiSessionRepository sessions,
                               SavedAssistantRepository assistants, ModelProvider model, ModelPrices prices,
                               IdGenerator ids, Clock clock, ChatEvents events) {
        this.chats = chats;
        this.sessions = sessions;
        this.reader = new VapiConversationReader(chats, sessions);
        this.assistants = assistants;
        this.model = model;
        this.prices = prices;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public VapiChat create(User actor, NewVapiChat command) {
        return prepare(actor, command).run(null);
    }

    @Override
    public Turn start(User actor, NewVapiChat command) {
        return prepare(actor, command);
    }

    private PreparedTurn prepare(User actor, NewVapiChat command) {
        VapiSession session = command.sessionId() == null ? null : session(actor, command.sessionId());
        VapiChat previous = command.previousChatId() == null ? null
                : reader.find(actor.id(), command.previousChatId()).orElseThrow(VapiChatNotFoundException::chat);
        // The assistant: named by id (the request's, the session's or the previous chat's), else sent.
        String assistantId = command.assistantId() != null ? command.assistantId()
                : command.assistant() != null ? null
                : session != null ? session.assistantId() : previous == null ? null : previous.assistantId();
        Map<String, Object> assistant;
        if (assistantId != null) {
            assistant = SavedAssistantService.find(assistants, actor, assistantId).definition();
            if (session != null) {
                assistant = VapiAssistant.substituted(assistant, session.assistantOverrides());
            }
        } else {
            assistant = command.assistant() != null ? command.assistant()
                    : session != null ? session.assistant() : previous == null ? null : previous.assistant();
        }
        Map<String, Object> overrides = command.assistantOverrides() != null ? command.assistantOverrides()
                : previous == null ? null : previous.assistantOverrides();
        if (assistant == null) {
            throw InvalidVapiChatException.rule(session != null ? "The session has no assistant"
                    : "Requires at least one of: assistantId/assistant, sessionId, or previousChatId");
        }
        VapiAssistant resolved = VapiAssistant.from(assistant, overrides);
        List<Map<String, Object>> conversation = new ArrayList<>();
        if (session != null) {
            conversation.addAll(reader.readSession(session).messages());
        }
        if (previous != null) {
            conversation.addAll(previous.messages());
            conversation.addAll(previous.output());
        }
        conversation.addAll(VapiInput.messages(command.input()));
        List<ModelMessage> sent = new ArrayList<>(resolved.messages());
        conversation.stream().map(VapiInput::toModel).forEach(sent::add);
        ModelRequest request = new ModelRequest(resolved.baseUrl(), resolved.model(), sent, resolved.temperature(),
                resolved.maxTokens(), resolved.timeout());
        return new PreparedTurn(actor, command, session, assistantId,
                assistantId == null ? assistant : null, overrides, resolved, conversation,
                request, new VapiChatId(ids.newId()), clock.nowEpochMillis());
    }

    /** The caller's session, if it still takes chats. */
    private VapiSession session(User actor, String sessionId) {
        VapiSession session = VapiSessionId.parse(sessionId).flatMap(id -> sessions.findById(actor.id(), id))
                .orElseThrow(VapiSessionService::notFound);
        if (session.status() == VapiSession.Status.COMPLETED) {
            throw InvalidVapiChatException.rule("Session is completed");
        }
        if (session.isExpiredAt(clock.nowEpochMillis())) {
            throw InvalidVapiChatException.rule("Session has expired");
        }
        return session;
    }

    /**
     * Marks the session active until later. Another chat of the same session may have done so since the turn
     * began: then it is re-read. The turn itself is already in the session's history, as its stored chat.
     */
    private void touchSession(VapiSession session, long now) {
        VapiSession current = session;
        for (int attempt = 0; attempt < SESSION_UPDATE_ATTEMPTS; attempt++) {
            if (sessions.update(current.afterTurn(now))) {
                return;
            }
            current = sessions.findById(session.ownerId(), session.id()).orElse(null);
            if (current == null) {
                return; // deleted meanwhile: the chat stays, as chats of a deleted session do
            }
        }
        throw new IllegalStateException("session " + session.id() + " keeps changing; not marked active");
    }

    /** A checked turn: everything but the model's answer. */
    private final class PreparedTurn implements Turn {

        private final User actor;
        private final NewVapiChat command;
        private final VapiSession session;
        private final String assistantId;
        private final Map<String, Object> assistant;
        private final Map<String, Object> overrides;
        private final VapiAssistant resolved;
        private final List<Map<String, Object>> conversation;
        private final ModelRequest request;
        private final VapiChatId id;
        private final long createdAt;

        PreparedTurn(User actor, NewVapiChat command, VapiSession session, String assistantId,
                     Map<String, Object> assistant, Map<String, Object> overrides, VapiAssistant resolved,
                     List<Map<String, Object>> conversation,
                     ModelRequest request, VapiChatId id, long createdAt) {
            this.actor = actor;
            this.command = command;
            this.session = session;
            this.assistantId = assistantId;
            this.assistant = assistant;
            this.overrides = overrides;
            this.resolved = resolved;
            this.conversation = conversation;
            this.request = request;
            this.id = id;
            this.createdAt = createdAt;
        }

        @Override
        public VapiChatId id() {
            return id;
        }

        /** With {@code onDelta} null the model answers whole. */
        @Override
        public VapiChat run(Consumer<String> onDelta) {
            Completion completion = onDelta == null ? model.complete(request) : model.stream(request, onDelta);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("role", "assistant");
            answer.put("content", completion.text());
            Map<String, Object> modelCost = new LinkedHashMap<>();
            modelCost.put("type", "model");
            Map<String, Object> modelConfig = new LinkedHashMap<>();
            modelConfig.put("provider", resolved.provider());
            modelConfig.put("model", resolved.model());
            modelCost.put("model", modelConfig);
            modelCost.put("promptTokens", completion.usage().promptTokens());
            modelCost.put("completionTokens", completion.usage().completionTokens());
            double cost = prices.cost(resolved.model(), completion.usage());
            modelCost.put("cost", cost);
            long finished = Math.max(createdAt, clock.nowEpochMillis());
            VapiChat chat = new VapiChat(id, actor.id(), assistantId, assistant, overrides, command.name(),
                    command.sessionId(), command.previousChatId(), command.input(), command.stream(), conversation,
                    List.of(answer), List.of(modelCost), cost, createdAt, finished);
            chats.add(chat.asTurn(VapiInput.messages(command.input())));
            if (session != null) {
                touchSession(session, finished);
            }
            events.publish(new VapiChatCreated(chat.outline()));
            return chat;
        }
    }
}
