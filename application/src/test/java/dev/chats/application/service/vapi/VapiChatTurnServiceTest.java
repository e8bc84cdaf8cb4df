package dev.chats.application.service.vapi;

import dev.chats.application.port.in.vapi.NewVapiChat;
import dev.chats.application.port.in.vapi.NewVapiSession;
import dev.chats.application.port.in.vapi.VapiSessionPatch;
import dev.chats.domain.vapi.VapiSession;
import dev.chats.application.port.in.vapi.StreamVapiChatUseCase;
import dev.chats.application.port.in.vapi.VapiChatNotFoundException;
import dev.chats.domain.completion.Completion;
import dev.chats.domain.completion.ModelMessage;
import dev.chats.domain.completion.ModelRequest;
import dev.chats.domain.completion.ModelUsage;
import dev.chats.domain.chat.event.ChatEvent;
import dev.chats.domain.chat.event.VapiChatCreated;
import dev.chats.domain.port.ModelProvider;
import dev.chats.domain.port.ModelUnavailableException;
import dev.chats.domain.port.fake.InMemoryVapiChatRepository;
import dev.chats.domain.port.fake.InMemoryVapiSessionRepository;
import dev.chats.domain.port.fake.InMemorySavedAssistantRepository;
import dev.chats.domain.user.EmailAddress;
import dev.chats.domain.user.Role;
import dev.chats.domain.user.User;
import dev.chats.domain.user.UserId;
import dev.chats.domain.vapi.InvalidVapiChatException;
import dev.chats.domain.vapi.VapiChat;
import dev.chats.domain.vapi.VapiChatQuery;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Chat turns over the in-memory store and a scripted model: what is sent, what is stored, and what is not. */
class VapiChatTurnServiceTest {

    private final InMemoryVapiChatRepository chats = new InMemoryVapiChatRepository();
    private final ScriptedModel model = new ScriptedModel();
    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    private final InMemoryVapiSessionRepository sessions = new InMemoryVapiSessionRepository();
    private final InMemorySavedAssistantRepository assistants = new InMemorySavedAssistantRepository();
    private final List<ChatEvent> events = new ArrayList<>();
    private final VapiChatTurnService turns = new VapiChatTurnService(chats, sessions, assistants, model,
            dev.chats.domain.completion.ModelPrices.parse("gpt-x=1000000/2000000"),
            () -> UUID.randomUUID().toString(), new dev.chats.domain.port.Clock() {
                @Override
                public long nowEpochSeconds() {
                    return now.get() / 1000;
                }

                @Override
                public long nowEpochMillis() {
                    return now.getAndAdd(250);
                }
            }, events::add);

    private static User user(String name) {
        return new User(new UserId(UUID.randomUUID().toString()), name,
                new EmailAddress(name.toLowerCase() + "@example.com"), Role.USER, "hash", "", 1, 1);
    }

    private static Map<String, Object> assistant() {
        return Map.of("model", Map.of("provider", "openai", "model", "gpt-x",
                "messages", List.of(Map.of("role", "system", "content", "You help {{ name }}."))));
    }

    private static NewVapiChat turn(Map<String, Object> assistant, Map<String, Object> overrides,
                                    VapiChat previous, Object input) {
        return new NewVapiChat(null, assistant, overrides, null, null, previous == null ? null : previous.id(), input,
                false);
    }

    @Test
    void givenTwoTurns_create_sendsTheWholeConversationButStoresOnlyItsOwnTurnAsOutput() {
        User ada = user("Ada");
        VapiChat first = turns.create(ada, turn(assistant(), Map.of("variableValues", Map.of("name", "Ada")), null,
                "hello"));

        VapiChat second = turns.create(ada, turn(null, null, first, "again"));

        assertThat(model.lastRequest.messages()).containsExactly(new ModelMessage("system", "You help Ada."),
                new ModelMessage("user", "hello"), new ModelMessage("assistant", "answer to hello"),
                new ModelMessage("user", "again"));
        assertThat(model.lastRequest.baseUrl()).as("openai uses the server's connection").isNull();
        assertThat(second.output()).containsExactly(Map.of("role", "assistant", "content", "answer to again"));
        assertThat(second.messages()).hasSize(3);
        assertThat(second.assistant()).as("inherited from the previous chat").isEqualTo(first.assistant());
        assertThat(second.updatedAt()).isGreaterThan(second.createdAt());
        assertThat(second.costs()).singleElement().satisfies(cost -> assertThat(cost)
                .containsEntry("type", "model").containsEntry("promptTokens", 3).containsEntry("completionTokens", 2)
                .containsEntry("cost", 7.0));
        assertThat(second.cost()).as("3 prompt tokens at 1 USD and 2 completion tokens at 2 USD").isEqualTo(7.0);
        VapiChat stored = chats.findById(ada.id(), second.id()).orElseThrow();
        assertThat(stored.turnOnly()).isTrue();
        assertThat(stored.messages()).as("only its own input is stored")
                .containsExactly(Map.of("role", "user", "content", "again"));
        assertThat(new VapiChatCatalogService(chats, sessions, event -> { }).get(ada, second.id()))
                .as("read back whole, as created").isEqualTo(second);
    }

    @Test
    void givenModelFailing_createAndStream_storeNothing() {
        User ada = user("Ada");
        model.fail = true;

        assertThatThrownBy(() -> turns.create(ada, turn(assistant(), null, null, "hello")))
                .isInstanceOf(ModelUnavailableException.class);
        StreamVapiChatUseCase.Turn streamed = turns.start(ada, turn(assistant(), null, null, "hello"));
        assertThatThrownBy(() -> streamed.run(delta -> { })).isInstanceOf(ModelUnavailableException.class);

        assertThat(chats.list(VapiChatQuery.of(ada.id())).totalItems()).isZero();
        assertThat(events).isEmpty();
    }

    @Test
    void givenClientGoneMidStream_run_storesNothing() {
        User ada = user("Ada");
        StreamVapiChatUseCase.Turn streamed = turns.start(ada, turn(assistant(), null, null, "hello"));

        assertThatThrownBy(() -> streamed.run(delta -> {
            throw new IllegalStateException("gone");
        })).hasMessage("gone");

        assertThat(chats.findById(ada.id(), streamed.id())).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void givenStream_run_storesTheChatUnderTheAnnouncedId() {
        User ada = user("Ada");
        StreamVapiChatUseCase.Turn streamed = turns.start(ada, turn(assistant(), null, null, "hello"));
        List<String> deltas = new ArrayList<>();

        VapiChat chat = streamed.run(deltas::add);

        assertThat(chat.id()).isEqualTo(streamed.id());
        assertThat(String.join("", deltas)).isEqualTo("answer to hello");
        assertThat(chats.findById(ada.id(), streamed.id()))
                .contains(chat.asTurn(List.of(Map.of("role", "user", "content", "hello"))));
        assertThat(events).containsExactly(new VapiChatCreated(chat.outline()));
        assertThat(events.get(0).recipient()).isEqualTo(ada.id());
    }

    @Test
    void givenAnotherUsersPreviousChat_create_isNotFoundAndCallsNoModel() {
        VapiChat theirs = turns.create(user("Bo"), turn(assistant(), null, null, "mine"));
        int calls = model.calls;

        assertThatThrownBy(() -> turns.create(user("Eve"), turn(null, null, theirs, "steal")))
                .isInstanceOf(VapiChatNotFoundException.class).hasMessage("Chat not found");
        assertThat(model.calls).isEqualTo(calls);
    }

    @Test
    void givenRulesBroken_theCommand_refusesBeforeAnythingRuns() {
        assertThatThrownBy(() -> new NewVapiChat(null, null, null, null, null, null, "hi", false))
                .isInstanceOf(InvalidVapiChatException.class)
                .hasMessage("Requires at least one of: assistantId/assistant, sessionId, or previousChatId");
        assertThatThrownBy(() -> new NewVapiChat(null, assistant(), null, null, null, null, "", false))
                .isInstanceOf(InvalidVapiChatException.class).hasMessage("input should not be empty");
        assertThatThrownBy(() -> turns.create(user("Ada"), turn(Map.of("model", Map.of("provider", "anthropic",
                "model", "x")), null, null, "hi"))).isInstanceOf(InvalidVapiChatException.class);
        assertThat(model.calls).isZero();
    }

    @Test
    void givenSession_twoChats_runTheSubstitutedAssistantOverTheAccumulatedHistory() {
        User bo = user("Bo");
        VapiSessionService sessionService = new VapiSessionService(sessions, chats, assistants, () -> UUID.randomUUID().toString(),
                () -> now.get() / 1000);
        VapiSession session = sessionService.create(bo, new NewVapiSession(null, null, null, null, assistant(),
                Map.of("variableValues", Map.of("name", "Bo")), null));
        NewVapiChat inSession = new NewVapiChat(null, null, null, null, session.id().value(), null, "one", false);

        VapiChat first = turns.create(bo, inSession);
        VapiChat second = turns.create(bo, new NewVapiChat(null, null, null, null, session.id().value(), null, "two",
                false));

        assertThat(model.lastRequest.messages()).containsExactly(new ModelMessage("system", "You help Bo."),
                new ModelMessage("user", "one"), new ModelMessage("assistant", "answer to one"),
                new ModelMessage("user", "two"));
        assertThat(first.sessionId()).isEqualTo(session.id().value());
        assertThat(second.output()).containsExactly(Map.of("role", "assistant", "content", "answer to two"));
        assertThat(sessionService.get(bo, session.id()).messages()).extracting(m -> m.get("content"))
                .containsExactly("one", "answer to one", "two", "answer to two");
        assertThat(sessions.findById(bo.id(), session.id()).orElseThrow().messages())
                .as("the turns are kept by their chats, not copied into the session").isEmpty();
        assertThatThrownBy(() -> turns.create(user("Eve"), inSession)).isInstanceOf(VapiChatNotFoundException.class)
                .hasMessage("Session not found");
        sessionService.update(bo, session.id(), new VapiSessionPatch(null, VapiSession.Status.COMPLETED, null, null));
        assertThatThrownBy(() -> turns.create(bo, inSession)).isInstanceOf(InvalidVapiChatException.class)
                .hasMessage("Session is completed");
        assertThatThrownBy(() -> new NewVapiChat("asst", null, null, null, session.id().value(), null, "x", false))
                .isInstanceOf(InvalidVapiChatException.class);
    }

    @Test
    void givenSessionChats_replacingTheHistoryOrDeletingTheSession_leavesEachChatReadingAsCreated() {
        User bo = user("Bo");
        VapiSessionService sessionService = new VapiSessionService(sessions, chats, assistants,
                () -> UUID.randomUUID().toString(), () -> now.get() / 1000);
        VapiChatCatalogService catalog = new VapiChatCatalogService(chats, sessions, event -> { });
        VapiSession session = sessionService.create(bo, new NewVapiSession(null, null, null, null, assistant(),
                null, List.of(Map.of("role", "user", "content", "start"))));
        VapiChat first = turns.create(bo, new NewVapiChat(null, null, null, null, session.id().value(), null, "one",
                false));
        VapiChat second = turns.create(bo, new NewVapiChat(null, null, null, null, session.id().value(), null,
                "two", false));

        VapiSession replaced = sessionService.update(bo, session.id(), new VapiSessionPatch(null, null, null,
                List.of(Map.of("role", "user", "content", "fresh"))));
        VapiChat third = turns.create(bo, new NewVapiChat(null, null, null, null, session.id().value(), null,
                "three", false));

        assertThat(replaced.messages()).containsExactly(Map.of("role", "user", "content", "fresh"));
        assertThat(third.messages()).extracting(m -> m.get("content")).containsExactly("fresh", "three");
        assertThat(catalog.get(bo, first.id())).isEqualTo(first);
        assertThat(catalog.get(bo, second.id())).isEqualTo(second);
        assertThat(sessionService.get(bo, session.id()).messages()).extracting(m -> m.get("content"))
                .containsExactly("fresh", "three", "answer to three");

        sessionService.delete(bo, session.id());

        assertThat(catalog.get(bo, second.id())).isEqualTo(second);
        assertThat(catalog.get(bo, third.id())).as("its session's messages are kept by the chat").isEqualTo(third);
    }

    @Test
    void givenSavedAssistant_chatsAndSessionsNamingIt_runItAndOthersCannot() {
        User ada = user("Ada");
        SavedAssistantService saved = new SavedAssistantService(assistants, () -> UUID.randomUUID().toString(),
                () -> now.get() / 1000);
        String id = saved.create(ada, Map.of("name", "Helper", "model", assistant().get("model"))).id().value();

        VapiChat first = turns.create(ada, new NewVapiChat(id, null, Map.of("variableValues", Map.of("name", "Ada")),
                null, null, null, "hi", false));
        VapiChat next = turns.create(ada, new NewVapiChat(null, null, null, null, null, first.id(), "again", false));

        assertThat(first.assistantId()).isEqualTo(id);
        assertThat(first.assistant()).isNull();
        assertThat(next.assistantId()).as("inherited").isEqualTo(id);
        assertThat(model.lastRequest.messages().get(0)).isEqualTo(new ModelMessage("system", "You help Ada."));
        VapiSessionService sessionService = new VapiSessionService(sessions, chats, assistants,
                () -> UUID.randomUUID().toString(), () -> now.get() / 1000);
        VapiSession session = sessionService.create(ada, new NewVapiSession(null, null, null, id, null,
                Map.of("variableValues", Map.of("name", "Bo")), null));
        turns.create(ada, new NewVapiChat(null, null, null, null, session.id().value(), null, "in session", false));
        assertThat(model.lastRequest.messages().get(0)).isEqualTo(new ModelMessage("system", "You help Bo."));
        assertThatThrownBy(() -> turns.create(user("Eve"), new NewVapiChat(id, null, null, null, null, null, "x",
                false))).isInstanceOf(VapiChatNotFoundException.class).hasMessage("Assistant not found");
    }

    /** A model that answers "answer to <last message>" in two deltas, or fails. */
    private static final class ScriptedModel implements ModelProvider {
        ModelRequest lastRequest;
        boolean fail;
        int calls;

        @Override
        public Completion complete(ModelRequest request) {
            return stream(request, delta -> { });
        }

        @Override
        public Completion stream(ModelRequest request, Consumer<String> onDelta) {
            calls++;
            lastRequest = request;
            if (fail) {
                throw new ModelUnavailableException("scripted failure", null);
            }
            String text = "answer to " + request.messages().get(request.messages().size() - 1).content();
            onDelta.accept(text.substring(0, 6));
            onDelta.accept(text.substring(6));
            return new Completion(text, new ModelUsage(3, 2));
        }
    }
}
