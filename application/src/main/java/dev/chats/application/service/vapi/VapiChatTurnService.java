package dev.chats.application.service.vapi;

import dev.chats.application.port.in.vapi.CreateVapiChatUseCase;
import dev.chats.application.port.in.vapi.NewVapiChat;
import dev.chats.application.port.in.vapi.StreamVapiChatUseCase;
import dev.chats.application.port.in.vapi.VapiChatNotFoundException;
import dev.chats.domain.completion.Completion;
import dev.chats.domain.completion.ModelMessage;
import dev.chats.domain.completion.ModelRequest;
import dev.chats.domain.port.Clock;
import dev.chats.domain.port.IdGenerator;
import dev.chats.domain.port.ModelProvider;
import dev.chats.domain.port.VapiChatRepository;
import dev.chats.domain.user.User;
import dev.chats.domain.vapi.InvalidVapiChatException;
import dev.chats.domain.vapi.VapiAssistant;
import dev.chats.domain.vapi.VapiChat;
import dev.chats.domain.vapi.VapiChatId;
import dev.chats.domain.vapi.VapiInput;

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
 * turn's answer.
 *
 * <p>Not yet served: saved assistants ({@code assistantId}) and sessions ({@code sessionId}) — no such record
 * exists, so they answer "not found" — and a price table ({@code cost} is 0).
 */
public final class VapiChatTurnService implements CreateVapiChatUseCase, StreamVapiChatUseCase {

    private final VapiChatRepository chats;
    private final ModelProvider model;
    private final IdGenerator ids;
    private final Clock clock;

    public VapiChatTurnService(VapiChatRepository chats, ModelProvider model, IdGenerator ids, Clock clock) {
        this.chats = chats;
        this.model = model;
        this.ids = ids;
        this.clock = clock;
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
        if (command.sessionId() != null) {
            throw new VapiChatNotFoundException("Session not found");
        }
        if (command.assistantId() != null) {
            throw new VapiChatNotFoundException("Assistant not found");
        }
        VapiChat previous = command.previousChatId() == null ? null
                : chats.findById(actor.id(), command.previousChatId())
                        .orElseThrow(VapiChatNotFoundException::chat);
        Map<String, Object> assistant = command.assistant() != null ? command.assistant()
                : previous == null ? null : previous.assistant();
        Map<String, Object> overrides = command.assistantOverrides() != null ? command.assistantOverrides()
                : previous == null ? null : previous.assistantOverrides();
        if (assistant == null) {
            throw InvalidVapiChatException.rule(
                    "Requires at least one of: assistantId/assistant, sessionId, or previousChatId");
        }
        VapiAssistant resolved = VapiAssistant.from(assistant, overrides);
        List<Map<String, Object>> conversation = new ArrayList<>();
        if (previous != null) {
            conversation.addAll(previous.messages());
            conversation.addAll(previous.output());
        }
        conversation.addAll(VapiInput.messages(command.input()));
        List<ModelMessage> sent = new ArrayList<>(resolved.messages());
        conversation.stream().map(VapiInput::toModel).forEach(sent::add);
        ModelRequest request = new ModelRequest(resolved.baseUrl(), resolved.model(), sent, resolved.temperature(),
                resolved.maxTokens(), resolved.timeout());
        return new PreparedTurn(actor, command, assistant, overrides, resolved, conversation, request,
                new VapiChatId(ids.newId()), clock.nowEpochMillis());
    }

    /** A checked turn: everything but the model's answer. */
    private final class PreparedTurn implements Turn {

        private final User actor;
        private final NewVapiChat command;
        private final Map<String, Object> assistant;
        private final Map<String, Object> overrides;
        private final VapiAssistant resolved;
        private final List<Map<String, Object>> conversation;
        private final ModelRequest request;
        private final VapiChatId id;
        private final long createdAt;

        PreparedTurn(User actor, NewVapiChat command, Map<String, Object> assistant, Map<String, Object> overrides,
                     VapiAssistant resolved, List<Map<String, Object>> conversation, ModelRequest request,
                     VapiChatId id, long createdAt) {
            this.actor = actor;
            this.command = command;
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
            modelCost.put("cost", 0);
            long finished = Math.max(createdAt, clock.nowEpochMillis());
            VapiChat chat = new VapiChat(id, actor.id(), command.assistantId(), assistant, overrides, command.name(),
                    command.sessionId(), command.previousChatId(), command.input(), command.stream(), conversation,
                    List.of(answer), List.of(modelCost), 0, createdAt, finished);
            chats.add(chat);
            return chat;
        }
    }
}
