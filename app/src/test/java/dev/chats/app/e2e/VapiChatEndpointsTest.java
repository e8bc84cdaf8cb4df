package dev.chats.app.e2e;

import dev.chats.app.TestClock;
import dev.chats.adapters.openai.FakeOpenAiUpstream;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end over real HTTP: Vapi's Chats API ({@code POST/GET /chat}, {@code GET/DELETE /chat/{id}}) against the
 * deterministic fake OpenAI-compatible upstream — the acceptance checks 1–12 and 15a of vapi-chat.md §12, and the
 * bad input around them.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VapiChatEndpointsTest implements TestPropertyProvider {

    static final FakeOpenAiUpstream UPSTREAM = new FakeOpenAiUpstream();

    /** Moved forward where a test needs a later timestamp, instead of sleeping. */
    @Inject
    TestClock clock;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    @Inject
    EmbeddedServer server;

    Api api;
    TestUsers.Account t1;
    TestUsers.Account t2;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("chats.model.openai.base-url", UPSTREAM.baseUrl(),
                "chats.model.urls-allowed", UPSTREAM.baseUrl());
    }

    @BeforeAll
    void signUp() {
        api = new Api(client, json);
        TestUsers.signUp(client, "Admin");
        t1 = TestUsers.signUp(client, "Tenant One");
        t2 = TestUsers.signUp(client, "Tenant Two");
    }

    @AfterAll
    void stopUpstream() {
        UPSTREAM.close();
    }

    @BeforeEach
    void echo() {
        UPSTREAM.mode(FakeOpenAiUpstream.Mode.ECHO);
    }

    private Map<String, Object> assistant() {
        return Map.of("model", Map.of("provider", "custom-llm", "url", UPSTREAM.baseUrl(), "model", "m",
                "messages", List.of(Map.of("role", "system", "content", "You help {{name}}."))));
    }

    private Api.Reply post(TestUsers.Account who, Map<String, Object> body) {
        return api.post(who.token(), "/chat", api.write(body));
    }

    private Map<String, Object> created(TestUsers.Account who, Map<String, Object> body) {
        Api.Reply reply = post(who, body);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
        return reply.object();
    }

    private Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return body;
    }

    private long total(TestUsers.Account who) {
        Api.Reply reply = api.get(who.token(), "/chat");
        assertThat(reply.status()).isEqualTo(200);
        return ((Number) metadata(reply).get("totalItems")).longValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadata(Api.Reply reply) {
        return (Map<String, Object>) reply.get("metadata");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> results(Api.Reply reply) {
        return (List<Map<String, Object>>) reply.get("results");
    }

    private static List<Object> ids(Api.Reply reply) {
        return results(reply).stream().map(chat -> chat.get("id")).toList();
    }

    @SuppressWarnings("unchecked")
    private static String outputText(Map<String, Object> chat) {
        return (String) ((List<Map<String, Object>>) chat.get("output")).get(0).get("content");
    }

    private static void assertNest(Api.Reply reply, int status, String error) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(status);
        assertThat(reply.object()).containsOnlyKeys("message", "error", "statusCode")
                .containsEntry("statusCode", status).containsEntry("error", error);
    }

    // ---------------------------------------------------------------------------------------------------------

    @Test
    void check1_createMinimal_answers201WithTheChatAndSendsTheAssistantsPromptUnsubstituted() {
        Map<String, Object> chat = created(t1, body("assistant", assistant(), "input", "hello"));

        assertThat(UUID.fromString((String) chat.get("id"))).isNotNull();
        assertThat(chat.get("orgId")).isEqualTo(t1.id());
        assertThat((String) chat.get("createdAt")).endsWith("Z");
        OffsetDateTime createdAt = OffsetDateTime.parse((String) chat.get("createdAt"));
        assertThat(OffsetDateTime.parse((String) chat.get("updatedAt"))).isAfterOrEqualTo(createdAt);
        assertThat(chat.get("input")).isEqualTo("hello");
        assertThat(chat.get("output")).isEqualTo(List.of(Map.of("role", "assistant", "content", "ECHO[2]: hello")));
        assertThat((List<?>) chat.get("messages")).last().isEqualTo(Map.of("role", "user", "content", "hello"));
        assertThat(UPSTREAM.lastMessages()).containsExactly(
                Map.of("role", "system", "content", "You help {{name}}."), Map.of("role", "user", "content", "hello"));
        assertThat(UPSTREAM.lastAuthorization()).as("the server's key goes to its own connection only").isNull();
    }

    @Test
    void check2_variableValues_areSubstitutedIntoTheSystemPrompt() {
        created(t1, body("assistant", assistant(), "assistantOverrides",
                Map.of("variableValues", Map.of("name", "Ada")), "input", "hello"));

        assertThat(UPSTREAM.lastMessages().get(0)).isEqualTo(Map.of("role", "system", "content", "You help Ada."));
    }

    @Test
    void check3_invalidRequests_answer400InTheNestEnvelopeAndStoreNothing() {
        TestUsers.Account who = TestUsers.signUp(client, "Validation");
        int calls = UPSTREAM.requests();

        Api.Reply missingInput = post(who, body("assistant", assistant()));
        Api.Reply noAssistant = post(who, body("input", "hi"));
        Api.Reply both = post(who, body("input", "hi", "sessionId", "s", "previousChatId", UUID.randomUUID().toString()));
        Api.Reply longName = post(who, body("assistant", assistant(), "input", "hi", "name", "x".repeat(41)));
        Api.Reply unknownProperty = post(who, body("assistant", assistant(), "input", "hi", "metadata", Map.of()));
        Api.Reply notJson = api.post(who.token(), "/chat", "{not json");
        Api.Reply badMessage = post(who, body("assistant", assistant(), "input", List.of(Map.of("role", "robot"))));
        Api.Reply badModel = post(who, body("assistant", Map.of("model", Map.of("provider", "custom-llm",
                "model", "m", "temperature", 9)), "input", "hi"));

        for (Api.Reply reply : List.of(missingInput, noAssistant, both, longName, unknownProperty, notJson,
                badMessage, badModel)) {
            assertNest(reply, 400, "Bad Request");
        }
        assertThat(missingInput.get("message")).isEqualTo(List.of("input should not be empty"));
        assertThat(noAssistant.get("message"))
                .isEqualTo("Requires at least one of: assistantId/assistant, sessionId, or previousChatId");
        assertThat(both.get("message")).isEqualTo("sessionId and previousChatId are mutually exclusive");
        assertThat(longName.get("message")).isEqualTo(List.of("name must be shorter than or equal to 40 characters"));
        assertThat(unknownProperty.get("message")).isEqualTo(List.of("property metadata should not exist"));
        assertThat(badModel.get("message")).isEqualTo(List.of("assistant.model.url must be a URL address",
                "assistant.model.temperature must not be greater than 2"));
        assertThat(total(who)).isZero();
        assertThat(UPSTREAM.requests()).isEqualTo(calls);
    }

    @Test
    void check4_previousChatId_continuesTheConversationWithTheInheritedAssistant() {
        Map<String, Object> a1 = created(t1, body("assistant", assistant(), "input", "hello"));
        Api.Reply before = api.get(t1.token(), "/chat/" + a1.get("id"));

        Map<String, Object> b = created(t1, body("previousChatId", a1.get("id"), "input", "again"));

        assertThat(b.get("previousChatId")).isEqualTo(a1.get("id"));
        assertThat(outputText(b)).isEqualTo("ECHO[4]: again");
        assertThat(UPSTREAM.lastMessages()).containsExactly(
                Map.of("role", "system", "content", "You help {{name}}."), Map.of("role", "user", "content", "hello"),
                Map.of("role", "assistant", "content", "ECHO[2]: hello"), Map.of("role", "user", "content", "again"));
        assertThat(api.get(t1.token(), "/chat/" + a1.get("id")).raw()).isEqualTo(before.raw());
    }

    @Test
    void check5_anotherUsersChat_isAnsweredExactlyAsAMissingOne() {
        Map<String, Object> a1 = created(t1, body("assistant", assistant(), "input", "hello"));

        Api.Reply continued = post(t2, body("previousChatId", a1.get("id"), "input", "steal"));
        Api.Reply foreign = api.get(t2.token(), "/chat/" + a1.get("id"));
        Api.Reply missing = api.get(t2.token(), "/chat/" + UUID.randomUUID());
        Api.Reply overlong = api.get(t2.token(), "/chat/" + "x".repeat(300));

        assertNest(continued, 404, "Not Found");
        assertNest(foreign, 404, "Not Found");
        assertThat(foreign.raw()).isEqualTo(missing.raw()).isEqualTo(overlong.raw()).isEqualTo(continued.raw())
                .isEqualTo("{\"message\":\"Chat not found\",\"error\":\"Not Found\",\"statusCode\":404}");
    }

    @Test
    void check6_inputAsMessageArray_isSentInOrderAndEchoed() {
        List<Map<String, Object>> input = List.of(Map.of("role", "user", "content", "a"),
                Map.of("role", "assistant", "content", "b"), Map.of("role", "user", "content", "c"));

        Map<String, Object> chat = created(t1, body("assistant", assistant(), "input", input));

        assertThat(UPSTREAM.lastMessages()).hasSize(4).endsWith(input.toArray(Map[]::new));
        assertThat(outputText(chat)).isEqualTo("ECHO[4]: c");
        assertThat(chat.get("input")).isEqualTo(input);
    }

    @Test
    void check7_streaming_sendsDeltasUnderTheStoredChatsIdAndStoresTheChat() throws Exception {
        HttpResponse<String> response = stream(t1, body("assistant", assistant(), "input", "hello", "stream", true));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<Map<String, Object>> events = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            if (line.startsWith("data:")) {
                events.add(api.parseObject(line.substring(5).trim()));
            }
        }
        assertThat(events).isNotEmpty().allSatisfy(event -> {
            assertThat(event).containsOnlyKeys("id", "path", "delta").containsEntry("path", "chat.output[0].content");
            assertThat((String) event.get("delta")).isNotEmpty();
        });
        Object id = events.get(0).get("id");
        assertThat(events).allSatisfy(event -> assertThat(event.get("id")).isEqualTo(id));
        StringBuilder joined = new StringBuilder();
        events.forEach(event -> joined.append(event.get("delta")));
        assertThat(joined.toString()).isEqualTo("ECHO[2]: hello");
        Api.Reply stored = api.get(t1.token(), "/chat/" + id);
        assertThat(stored.status()).isEqualTo(200);
        assertThat(outputText(stored.object())).isEqualTo("ECHO[2]: hello");
        assertThat(stored.get("stream")).isEqualTo(true);
        Map<String, Object> next = created(t1, body("previousChatId", id, "input", "more"));
        assertThat(outputText(next)).isEqualTo("ECHO[4]: more");
    }

    @Test
    void check8_get_answersWhatCreateAnswered() {
        Api.Reply create = post(t1, body("assistant", assistant(), "input", "same", "name", "Named"));

        Api.Reply get = api.get(t1.token(), "/chat/" + create.get("id"));

        assertThat(get.status()).isEqualTo(200);
        assertThat(get.object()).isEqualTo(create.object());
        assertThat(get.raw()).isEqualTo(create.raw());
    }

    @Test
    void check9_list_defaultsOrderAndPaging() {
        TestUsers.Account who = TestUsers.signUp(client, "Lister");
        TestUsers.Account other = TestUsers.signUp(client, "Other lister");
        List<Object> made = new ArrayList<>();
        for (String input : List.of("one", "two", "three")) {
            made.add(created(who, body("assistant", assistant(), "input", input)).get("id"));
        }
        created(other, body("assistant", assistant(), "input", "theirs"));

        Api.Reply all = api.get(who.token(), "/chat");
        assertThat(all.status()).isEqualTo(200);
        assertThat(ids(all)).containsExactly(made.get(2), made.get(1), made.get(0));
        assertThat(metadata(all)).containsEntry("itemsPerPage", 100).containsEntry("totalItems", 3)
                .containsEntry("currentPage", 1).containsEntry("totalPages", 1).containsEntry("hasNextPage", false)
                .containsEntry("sortOrder", "DESC");
        assertThat(ids(api.get(who.token(), "/chat?sortOrder=ASC"))).containsExactly(made.get(0), made.get(1),
                made.get(2));
        Api.Reply second = api.get(who.token(), "/chat?limit=2&page=2");
        assertThat(ids(second)).containsExactly(made.get(0));
        assertThat(metadata(second)).containsEntry("currentPage", 2).containsEntry("itemsPerPage", 2)
                .containsEntry("totalItems", 3);
        Api.Reply beyond = api.get(who.token(), "/chat?page=9");
        assertThat(results(beyond)).isEmpty();
        assertThat(metadata(beyond)).containsEntry("totalItems", 3);
        Api.Reply floats = api.get(who.token(), "/chat?limit=2.0&page=1.0");
        assertThat(floats.status()).isEqualTo(200);
        assertThat(metadata(floats)).containsEntry("itemsPerPage", 2).containsEntry("hasNextPage", true);
        assertThat(total(other)).isEqualTo(1);
    }

    @Test
    void beyondVapi_cursorPaging_walksEveryChatOnceAndRefusesAForgedCursor() {
        TestUsers.Account who = TestUsers.signUp(client, "Cursor walker");
        List<Object> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(created(who, body("assistant", assistant(), "input", "n" + i)).get("id"));
        }

        List<Object> walked = new ArrayList<>();
        Api.Reply page = api.get(who.token(), "/chat?limit=2&sortOrder=ASC");
        while (true) {
            walked.addAll(ids(page));
            Object next = metadata(page).get("nextCursor");
            if (next == null) {
                break;
            }
            assertThat(metadata(page)).containsEntry("hasNextPage", true).containsEntry("totalItems", 5);
            page = api.get(who.token(), "/chat?limit=2&sortOrder=ASC&cursor=" + next);
            assertThat(page.status()).isEqualTo(200);
        }

        assertThat(walked).containsExactlyElementsOf(ids(api.get(who.token(), "/chat?sortOrder=ASC")))
                .containsExactlyInAnyOrderElementsOf(made);
        assertNest(api.get(who.token(), "/chat?cursor=not-a-cursor"), 400, "Bad Request");
    }

    @Test
    void check10_listFilters_returnExactlyTheMatches() throws Exception {
        TestUsers.Account who = TestUsers.signUp(client, "Filterer");
        Map<String, Object> a1 = created(who, body("assistant", assistant(), "input", "first"));
        clock.advance(Duration.ofMillis(5));
        Map<String, Object> b = created(who, body("previousChatId", a1.get("id"), "input", "second"));
        clock.advance(Duration.ofMillis(5));
        Map<String, Object> c = created(who, body("assistant", assistant(), "input", "third"));

        assertThat(ids(api.get(who.token(), "/chat?previousChatId=" + a1.get("id")))).containsExactly(b.get("id"));
        assertThat(ids(api.get(who.token(), "/chat?id=" + c.get("id")))).containsExactly(c.get("id"));
        assertThat(ids(api.get(who.token(), "/chat?idAny=" + a1.get("id") + "," + c.get("id") + ",nope")))
                .containsExactly(c.get("id"), a1.get("id"));
        assertThat(ids(api.get(who.token(), "/chat?assistantId=unknown"))).isEmpty();
        assertThat(ids(api.get(who.token(), "/chat?sessionId=unknown"))).isEmpty();
        String middle = (String) b.get("createdAt");
        String middleUpdated = (String) b.get("updatedAt");
        for (String form : List.of(middle, middle.replace("Z", "+00:00"), middle.replace("Z", "000Z"))) {
            String at = URLEncoder.encode(form, StandardCharsets.UTF_8);
            assertThat(ids(api.get(who.token(), "/chat?createdAtGt=" + at))).as(form).containsExactly(c.get("id"));
            assertThat(ids(api.get(who.token(), "/chat?createdAtGe=" + at))).as(form)
                    .containsExactly(c.get("id"), b.get("id"));
            assertThat(ids(api.get(who.token(), "/chat?createdAtLt=" + at))).as(form).containsExactly(a1.get("id"));
            assertThat(ids(api.get(who.token(), "/chat?createdAtLe=" + at))).as(form)
                    .containsExactly(b.get("id"), a1.get("id"));
        }
        assertThat(ids(api.get(who.token(), "/chat?updatedAtGe=" + middleUpdated + "&updatedAtLe=" + middleUpdated)))
                .containsExactly(b.get("id"));
        assertThat(ids(api.get(who.token(), "/chat?createdAtGt=" + middle.replace("Z", "+00:00"))))
                .as("an unencoded + arrives as a space").containsExactly(c.get("id"));
    }

    @Test
    void check11_listValidation_answers400InTheNestEnvelope() {
        for (String query : List.of("page=0", "page=-1", "limit=1001", "limit=1e9", "limit=abc", "sortOrder=UP",
                "createdAtGt=yesterday", "updatedAtLe=2024-13-45", "sortBy=size", "sortBy=cost")) {
            Api.Reply reply = api.get(t1.token(), "/chat?" + query);
            assertNest(reply, 400, "Bad Request");
            assertThat(reply.get("message")).as(query).isInstanceOf(List.class);
        }
        assertThat(api.get(t1.token(), "/chat?page=0").get("message"))
                .isEqualTo(List.of("page must not be less than 1"));
        assertThat(api.get(t1.token(), "/chat?limit=1001").get("message"))
                .isEqualTo(List.of("limit must not be greater than 1000"));
        assertThat(api.get(t1.token(), "/chat?sortOrder=UP").get("message"))
                .isEqualTo(List.of("sortOrder must be one of the following values: ASC, DESC"));
        assertThat(api.get(t1.token(), "/chat?createdAtGt=yesterday").get("message"))
                .isEqualTo(List.of("createdAtGt must be a valid ISO 8601 date string"));
        assertThat(api.get(t1.token(), "/chat?sortBy=cost").get("message"))
                .isEqualTo(List.of("sortBy cost is not supported yet"));
        assertThat(api.get(t1.token(), "/chat?sortBy=size").get("message"))
                .isEqualTo(List.of("sortBy must be one of the following values: createdAt, duration, cost"));
        assertThat(api.get(t1.token(), "/chat?sortBy=duration").status()).isEqualTo(200);
        Api.Reply countOnly = api.get(t1.token(), "/chat?limit=0");
        assertThat(results(countOnly)).isEmpty();
        assertThat(metadata(countOnly)).containsEntry("totalPages", 0);
    }

    @Test
    void check12_delete_answersTheChatThen404AndLeavesContinuationsReadable() {
        TestUsers.Account who = TestUsers.signUp(client, "Deleter");
        Map<String, Object> first = created(who, body("assistant", assistant(), "input", "first"));
        Map<String, Object> next = created(who, body("previousChatId", first.get("id"), "input", "next"));
        Map<String, Object> last = created(who, body("previousChatId", next.get("id"), "input", "last"));
        Api.Reply before = api.get(who.token(), "/chat/" + first.get("id"));
        Api.Reply lastBefore = api.get(who.token(), "/chat/" + last.get("id"));

        Api.Reply foreign = api.delete(t2.token(), "/chat/" + first.get("id"));
        Api.Reply deleted = api.delete(who.token(), "/chat/" + first.get("id"));

        assertNest(foreign, 404, "Not Found");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.raw()).isEqualTo(before.raw());
        assertNest(api.get(who.token(), "/chat/" + first.get("id")), 404, "Not Found");
        assertNest(api.delete(who.token(), "/chat/" + first.get("id")), 404, "Not Found");
        assertThat(total(who)).isEqualTo(2);
        assertThat(api.get(who.token(), "/chat/" + next.get("id")).object()).as("its whole conversation is kept")
                .isEqualTo(next);
        assertThat(api.get(who.token(), "/chat/" + last.get("id")).raw()).isEqualTo(lastBefore.raw());
        assertThat(contents(lastBefore.get("messages")))
                .containsExactly("first", "ECHO[2]: first", "next", "ECHO[4]: next", "last");
    }

    /** The contents of a wire message list, in order. */
    private static List<Object> contents(Object messages) {
        return ((List<?>) messages).stream().map(m -> ((Map<?, ?>) m).get("content")).map(Object.class::cast)
                .toList();
    }

    @Test
    void check15a_upstreamFailure_answers502AndStoresNothing() throws Exception {
        TestUsers.Account who = TestUsers.signUp(client, "Unlucky");
        for (FakeOpenAiUpstream.Mode mode : List.of(FakeOpenAiUpstream.Mode.FAIL, FakeOpenAiUpstream.Mode.GARBAGE)) {
            UPSTREAM.mode(mode);

            assertNest(post(who, body("assistant", assistant(), "input", "hello")), 502, "Bad Gateway");
            HttpResponse<String> streamed = stream(who, body("assistant", assistant(), "input", "hi", "stream", true));
            assertThat(streamed.statusCode()).isEqualTo(200);
            assertThat(streamed.body()).doesNotContain("delta");
        }
        assertThat(total(who)).isZero();
    }

    @Test
    void serverTiming_tellsTheModelsTimeFromTheServersOwn() throws Exception {
        UPSTREAM.mode(FakeOpenAiUpstream.Mode.SLOW);
        UPSTREAM.delayMillis(300);
        HttpResponse<String> whole;
        try {
            whole = send(t1, "/chat", body("assistant", assistant(), "input", "how long?"));
        } finally {
            UPSTREAM.delayMillis(3_000);
        }
        UPSTREAM.mode(FakeOpenAiUpstream.Mode.ECHO);
        HttpResponse<String> list = send(t1, "/chat?limit=1", null);

        assertThat(whole.statusCode()).as(whole.body()).isEqualTo(201);
        Matcher timing = Pattern.compile("model;dur=(\\d+\\.\\d\\d), total;dur=(\\d+\\.\\d\\d)")
                .matcher(whole.headers().firstValue("Server-Timing").orElse(""));
        assertThat(timing.matches()).as(whole.headers().map().toString()).isTrue();
        double model = Double.parseDouble(timing.group(1));
        double total = Double.parseDouble(timing.group(2));
        assertThat(model).isGreaterThanOrEqualTo(300.0);
        assertThat(total).isGreaterThanOrEqualTo(model);
        // A request that does not call the model carries its total alone.
        assertThat(list.headers().firstValue("Server-Timing").orElse("")).matches("total;dur=\\d+\\.\\d\\d");
    }

    @Test
    void disallowedOrUnreachableModelUrl_answers400Or502InTheNestEnvelope() {
        Map<String, Object> elsewhere = Map.of("model", Map.of("provider", "custom-llm",
                "url", "http://169.254.169.254/latest", "model", "m"));
        Map<String, Object> sneaky = Map.of("model", Map.of("provider", "custom-llm",
                "url", UPSTREAM.baseUrl() + "@evil.example", "model", "m"));

        Api.Reply refused = post(t1, body("assistant", elsewhere, "input", "hi"));
        Api.Reply refusedToo = post(t1, body("assistant", sneaky, "input", "hi"));

        assertNest(refused, 400, "Bad Request");
        assertThat((String) refused.get("message")).contains("not allowed");
        assertNest(refusedToo, 400, "Bad Request");
    }

    @Test
    void withoutOrWithABadToken_theVapiRoutesAnswer401InTheNestEnvelope() {
        assertNest(api.get(null, "/chat"), 401, "Unauthorized");
        assertNest(api.post(null, "/chat", "{}"), 401, "Unauthorized");
        assertNest(api.get("not-a-token", "/chat/" + UUID.randomUUID()), 401, "Unauthorized");
        assertNest(api.get(t1.token(), "/chat/a/b"), 404, "Not Found");
    }

    @Test
    @SuppressWarnings("unchecked")
    void check13_responsesNotStreamed_answerTheResponseObjectOfTheStoredChat() {
        Api.Reply reply = api.post(t1.token(), "/chat/responses", api.write(body("model", "gpt-4o", "input", "hi",
                "stream", false, "assistant", assistant())));

        assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
        assertThat(reply.object()).containsEntry("object", "response").containsEntry("status", "completed")
                .containsEntry("error", null);
        assertThat(reply.get("created_at")).isInstanceOf(Number.class);
        Map<String, Object> output = ((List<Map<String, Object>>) reply.get("output")).get(0);
        assertThat(output).containsEntry("type", "message").containsEntry("role", "assistant")
                .containsEntry("status", "completed");
        assertThat(output.get("content")).isEqualTo(List.of(Map.of("type", "output_text", "text", "ECHO[2]: hi",
                "annotations", List.of())));
        Api.Reply stored = api.get(t1.token(), "/chat/" + reply.get("id"));
        assertThat(stored.status()).isEqualTo(200);
        assertThat(outputText(stored.object())).isEqualTo("ECHO[2]: hi");

        Api.Reply aliased = api.post(t1.token(), "/chat/responses", api.write(body("model", "x", "input", "again",
                "stream", false, "previous_response_id", reply.get("id"))));
        assertThat(aliased.status()).as(aliased.raw()).isEqualTo(201);
        assertThat(UPSTREAM.lastMessages()).hasSize(4);
    }

    @Test
    @SuppressWarnings("unchecked")
    void check14_responsesStreamedByDefault_sendDeltasOneDoneAndACompletedResponse() throws Exception {
        HttpResponse<String> response = stream(t1, "/chat/responses", body("model", "gpt-4o", "input", "hi",
                "assistant", assistant()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("event:");
        List<Map<String, Object>> events = events(response);
        List<Object> types = events.stream().map(event -> event.get("type")).toList();
        assertThat(types.get(0)).isEqualTo("response.output_text.delta");
        assertThat(types.subList(types.size() - 2, types.size()))
                .containsExactly("response.output_text.done", "response.completed");
        assertThat(types.subList(0, types.size() - 2)).containsOnly("response.output_text.delta");
        StringBuilder joined = new StringBuilder();
        events.stream().filter(e -> e.get("type").equals("response.output_text.delta")).forEach(e -> {
            assertThat(e).containsEntry("output_index", 0).containsEntry("content_index", 0).containsKey("item_id");
            joined.append(e.get("delta"));
        });
        assertThat(joined.toString()).isEqualTo("ECHO[2]: hi");
        assertThat(events.get(events.size() - 2)).containsEntry("text", "ECHO[2]: hi");
        Map<String, Object> completed = (Map<String, Object>) events.get(events.size() - 1).get("response");
        List<Map<String, Object>> output = (List<Map<String, Object>>) completed.get("output");
        assertThat(((List<Map<String, Object>>) output.get(0).get("content")).get(0)).containsEntry("text",
                "ECHO[2]: hi");
        assertThat(api.get(t1.token(), "/chat/" + completed.get("id")).status()).isEqualTo(200);
    }

    @Test
    void check15a_responsesStreamWithUpstreamFailing_endsWithAnErrorEventAndStoresNothing() throws Exception {
        TestUsers.Account who = TestUsers.signUp(client, "Unlucky responder");
        UPSTREAM.mode(FakeOpenAiUpstream.Mode.FAIL);

        List<Map<String, Object>> events = events(stream(who, "/chat/responses", body("input", "hi",
                "assistant", assistant())));

        assertThat(events).hasSize(1);
        assertThat(events.get(0)).containsEntry("type", "error").containsKeys("code", "message", "sequence_number");
        assertThat(total(who)).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void check15b_sessions_carryTheSubstitutedAssistantAndTheHistoryAcrossChats() {
        TestUsers.Account who = TestUsers.signUp(client, "Session user");
        Api.Reply opened = api.post(who.token(), "/session", api.write(body("assistant", assistant(),
                "assistantOverrides", Map.of("variableValues", Map.of("name", "Bo")), "name", "Support")));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        assertThat(opened.object()).containsEntry("status", "active").containsEntry("orgId", who.id())
                .containsEntry("expirationSeconds", 86_400)
                .containsEntry("metadata", Map.of("variableValues", Map.of("name", "Bo")));
        Object session = opened.get("id");

        Map<String, Object> first = created(who, body("sessionId", session, "input", "one"));
        Map<String, Object> second = created(who, body("sessionId", session, "input", "two"));

        assertThat(UPSTREAM.lastMessages()).containsExactly(Map.of("role", "system", "content", "You help Bo."),
                Map.of("role", "user", "content", "one"), Map.of("role", "assistant", "content", "ECHO[2]: one"),
                Map.of("role", "user", "content", "two"));
        assertThat(first.get("sessionId")).isEqualTo(session);
        assertThat(outputText(second)).isEqualTo("ECHO[4]: two");
        assertThat(ids(api.get(who.token(), "/chat?sessionId=" + session)))
                .containsExactly(second.get("id"), first.get("id"));
        assertThat(api.get(who.token(), "/chat/" + second.get("id")).object()).as("read back as created")
                .isEqualTo(second);
        assertThat(contents(second.get("messages"))).containsExactly("one", "ECHO[2]: one", "two");
        assertNest(post(who, body("sessionId", session, "assistantId", "a", "input", "x")), 400, "Bad Request");
        Api.Reply read = api.get(who.token(), "/session/" + session);
        assertThat((List<Object>) read.get("messages")).hasSize(4);
        Api.Reply listed = api.get(who.token(), "/session?limit=10");
        assertThat(ids(listed)).containsExactly(session);
        assertThat(metadata(listed)).containsEntry("totalItems", 1);

        Api.Reply completed = api.send(io.micronaut.http.HttpRequest.PATCH("/session/" + session,
                "{\"status\":\"completed\"}").contentType(io.micronaut.http.MediaType.APPLICATION_JSON_TYPE),
                who.token());
        assertThat(completed.status()).as(completed.raw()).isEqualTo(200);
        assertThat(completed.get("status")).isEqualTo("completed");
        Api.Reply refused = post(who, body("sessionId", session, "input", "three"));
        assertNest(refused, 400, "Bad Request");
        assertThat(refused.get("message")).isEqualTo("Session is completed");

        Api.Reply foreign = api.get(t2.token(), "/session/" + session);
        Api.Reply missing = api.get(t2.token(), "/session/" + UUID.randomUUID());
        assertNest(foreign, 404, "Not Found");
        assertThat(foreign.raw()).isEqualTo(missing.raw());
        assertNest(post(t2, body("sessionId", session, "input", "steal")), 404, "Not Found");
        assertNest(api.post(who.token(), "/session", "{\"expirationSeconds\":5,\"customer\":{}}"), 400,
                "Bad Request");
        Api.Reply deleted = api.delete(who.token(), "/session/" + session);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.get("id")).isEqualTo(session);
        assertNest(api.get(who.token(), "/session/" + session), 404, "Not Found");
        assertThat(api.get(who.token(), "/chat/" + first.get("id")).status()).isEqualTo(200);
        assertNest(api.get(null, "/session"), 401, "Unauthorized");
    }

    @Test
    @SuppressWarnings("unchecked")
    void savedAssistants_areCrudAndRunChatsAndSessionsByIdForTheirOwnerOnly() {
        TestUsers.Account who = TestUsers.signUp(client, "Assistant owner");
        Map<String, Object> definition = new LinkedHashMap<>(assistant());
        definition.put("name", "Helper");
        definition.put("firstMessage", "Hi!");
        Api.Reply saved = api.post(who.token(), "/assistant", api.write(definition));
        assertThat(saved.status()).as(saved.raw()).isEqualTo(201);
        assertThat(saved.object()).containsEntry("name", "Helper").containsEntry("orgId", who.id())
                .containsKeys("id", "model", "createdAt", "updatedAt");
        String id = (String) saved.get("id");

        Map<String, Object> chat = created(who, body("assistantId", id, "assistantOverrides",
                Map.of("variableValues", Map.of("name", "Ada")), "input", "hello"));
        assertThat(chat.get("assistantId")).isEqualTo(id);
        assertThat(chat).doesNotContainKey("assistant");
        assertThat(UPSTREAM.lastMessages().get(0)).isEqualTo(Map.of("role", "system", "content", "You help Ada."));
        Map<String, Object> next = created(who, body("previousChatId", chat.get("id"), "input", "again"));
        assertThat(next.get("assistantId")).isEqualTo(id);
        assertThat(ids(api.get(who.token(), "/chat?assistantId=" + id)))
                .containsExactly(next.get("id"), chat.get("id"));
        Api.Reply session = api.post(who.token(), "/session", api.write(body("assistantId", id,
                "assistantOverrides", Map.of("variableValues", Map.of("name", "Bo")))));
        assertThat(session.status()).as(session.raw()).isEqualTo(201);
        created(who, body("sessionId", session.get("id"), "input", "in session"));
        assertThat(UPSTREAM.lastMessages().get(0)).isEqualTo(Map.of("role", "system", "content", "You help Bo."));

        Api.Reply patched = api.send(io.micronaut.http.HttpRequest.PATCH("/assistant/" + id,
                "{\"name\":\"Renamed\"}").contentType(io.micronaut.http.MediaType.APPLICATION_JSON_TYPE),
                who.token());
        assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
        assertThat(patched.object()).containsEntry("name", "Renamed").containsEntry("firstMessage", "Hi!");
        Api.Reply list = api.get(who.token(), "/assistant");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.list()).singleElement().satisfies(a -> assertThat(a).containsEntry("id", id));
        assertThat(api.get(t2.token(), "/assistant").list()).noneMatch(a -> id.equals(a.get("id")));

        Api.Reply foreign = api.get(t2.token(), "/assistant/" + id);
        assertNest(foreign, 404, "Not Found");
        assertThat(foreign.raw()).isEqualTo(api.get(t2.token(), "/assistant/" + UUID.randomUUID()).raw());
        Api.Reply foreignChat = post(t2, body("assistantId", id, "input", "steal"));
        assertNest(foreignChat, 404, "Not Found");
        assertThat(foreignChat.get("message")).isEqualTo("Assistant not found");
        assertNest(api.post(who.token(), "/assistant", "{\"name\":\"" + "x".repeat(41) + "\"}"), 400,
                "Bad Request");
        Api.Reply deleted = api.delete(who.token(), "/assistant/" + id);
        assertThat(deleted.status()).isEqualTo(200);
        assertNest(api.get(who.token(), "/assistant/" + id), 404, "Not Found");
        assertNest(post(who, body("previousChatId", next.get("id"), "input", "orphan")), 404, "Not Found");
        assertThat(api.get(who.token(), "/chat/" + chat.get("id")).status()).isEqualTo(200);
    }

    private List<Map<String, Object>> events(HttpResponse<String> response) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            if (line.startsWith("data:")) {
                events.add(api.parseObject(line.substring(5).trim()));
            }
        }
        return events;
    }

    private HttpResponse<String> stream(TestUsers.Account who, Map<String, Object> body) throws Exception {
        return stream(who, "/chat", body);
    }

    private HttpResponse<String> stream(TestUsers.Account who, String path, Map<String, Object> body)
            throws Exception {
        return send(who, path, body);
    }

    /** POST {@code body} (GET without one) with the JDK's client, whose answer shows every header. */
    private HttpResponse<String> send(TestUsers.Account who, String path, Map<String, Object> body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Authorization", who.bearer());
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(api.write(body)));
        }
        return java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
