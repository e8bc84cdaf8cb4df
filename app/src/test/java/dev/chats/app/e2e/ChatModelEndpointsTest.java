package dev.chats.app.e2e;

import dev.chats.adapters.openai.FakeOpenAiUpstream;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end over real HTTP, with a fake OpenAI-compatible upstream as the server's model connection and context
 * compaction turned on: Open WebUI's {@code POST /api/chat/completions} (whole and streamed, writing the answer into
 * the named message of a stored chat) and {@code POST /api/v1/chats/{id}/compact}.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatModelEndpointsTest implements TestPropertyProvider {

    static final FakeOpenAiUpstream UPSTREAM = new FakeOpenAiUpstream();
    static final String NOT_FOUND = "We could not find what you're looking for :/";

    static final String THREE_MESSAGES = """
            {"chat":{"title":"Trip","models":["m0"],
             "history":{"currentId":"m3","messages":{
               "m1":{"id":"m1","parentId":null,"childrenIds":["m2"],"role":"user","content":"Plan Lisbon",
                     "timestamp":1},
               "m2":{"id":"m2","parentId":"m1","childrenIds":["m3"],"role":"assistant","content":"Day one…",
                     "model":"planner","timestamp":2},
               "m3":{"id":"m3","parentId":"m2","childrenIds":[],"role":"user","content":"And day two?",
                     "timestamp":3}}}}}""";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    Api api;
    TestUsers.Account owner;
    TestUsers.Account other;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("chats.model.openai.base-url", UPSTREAM.baseUrl(), "chats.compaction.enabled", "true");
    }

    @BeforeAll
    void signUp() {
        api = new Api(client, json);
        TestUsers.signUp(client, "Admin");
        owner = TestUsers.signUp(client, "Model Owner");
        other = TestUsers.signUp(client, "Model Other");
    }

    @AfterAll
    void stopUpstream() {
        UPSTREAM.close();
    }

    @BeforeEach
    void echo() {
        UPSTREAM.mode(FakeOpenAiUpstream.Mode.ECHO);
    }

    private String newChat(TestUsers.Account who) {
        Api.Reply created = api.post(who.token(), "/api/v1/chats/new", THREE_MESSAGES);
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        return (String) created.get("id");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> message(String chatId, String messageId) {
        Map<String, Object> chat = (Map<String, Object>) api.get(owner.token(), "/api/v1/chats/" + chatId)
                .get("chat");
        Map<String, Object> history = (Map<String, Object>) chat.get("history");
        return (Map<String, Object>) ((Map<String, Object>) history.get("messages")).get(messageId);
    }

    private Api.Reply complete(TestUsers.Account who, Map<String, Object> form) {
        return api.post(who.token(), "/api/chat/completions", api.write(form));
    }

    @Test
    void aCompletionAnswersAsOpenAiDoesWithTheUpstreamsUsage() {
        Api.Reply reply = complete(owner, Map.of("model", "m", "temperature", 0.2, "messages",
                List.of(Map.of("role", "system", "content", "Be brief."),
                        Map.of("role", "user", "content", List.of(Map.of("type", "text", "text", "Hello"))))));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(reply.object()).containsEntry("object", "chat.completion").containsEntry("model", "m");
        assertThat(reply.raw()).contains("\"content\":\"ECHO[2]: Hello\"")
                .contains("\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15");
        assertThat(UPSTREAM.lastBody()).containsEntry("model", "m").containsEntry("temperature", 0.2);
        // the same route at Open WebUI's /api/v1 path
        assertThat(api.post(owner.token(), "/api/v1/chat/completions", api.write(Map.of("model", "m",
                "messages", List.of(Map.of("role", "user", "content", "Hi"))))).raw()).contains("ECHO[1]: Hi");
    }

    @Test
    void aStreamedCompletionSendsOpenAiChunksEndingWithDone() {
        String body = api.write(Map.of("model", "m", "stream", true,
                "messages", List.of(Map.of("role", "user", "content", "Stream me"))));
        String raw = client.toBlocking().retrieve(HttpRequest.POST("/api/chat/completions", body)
                .contentType(MediaType.APPLICATION_JSON_TYPE).accept(MediaType.TEXT_EVENT_STREAM_TYPE)
                .bearerAuth(owner.token()), String.class);
        List<String> data = new ArrayList<>();
        for (String line : raw.split("\n")) {
            if (line.startsWith("data:")) {
                data.add(line.substring(5).trim());
            }
        }
        assertThat(data).last().isEqualTo("[DONE]");
        StringBuilder text = new StringBuilder();
        for (String chunk : data.subList(0, data.size() - 1)) {
            Map<String, Object> parsed = api.parseObject(chunk);
            assertThat(parsed).containsEntry("object", "chat.completion.chunk");
            Object delta = ((Map<?, ?>) ((List<?>) parsed.get("choices")).get(0)).get("delta");
            Object content = ((Map<?, ?>) delta).get("content");
            text.append(content == null ? "" : content);
        }
        assertThat(text).hasToString("ECHO[1]: Stream me");
        assertThat(data.get(data.size() - 2)).contains("\"finish_reason\":\"stop\"").contains("\"total_tokens\":15");
    }

    @Test
    void theAnswerIsWrittenIntoTheNamedMessageOfTheCallersChat() {
        String chat = newChat(owner);
        Api.Reply reply = complete(owner, Map.of("model", "m", "chat_id", chat, "id", "m4",
                "messages", List.of(Map.of("role", "user", "content", "And day two?"))));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        Map<String, Object> answer = message(chat, "m4");
        assertThat(answer).containsEntry("content", "ECHO[1]: And day two?").containsEntry("parentId", "m3");
    }

    @Test
    void anotherUsersChatIsRefusedBeforeTheModelIsAsked() {
        String chat = newChat(owner);
        int before = UPSTREAM.requests();
        Api.Reply reply = complete(other, Map.of("model", "m", "chat_id", chat, "id", "m4",
                "messages", List.of(Map.of("role", "user", "content", "steal"))));
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.detail()).isEqualTo(NOT_FOUND);
        Api.Reply missing = complete(other, Map.of("model", "m", "chat_id", "no such chat/!", "messages",
                List.of(Map.of("role", "user", "content", "x"))));
        assertThat(missing.status()).isEqualTo(404);
        // a streamed request is refused the same way, before its event stream begins
        Api.Reply streamed = complete(other, Map.of("model", "m", "chat_id", chat, "id", "m4", "stream", true,
                "messages", List.of(Map.of("role", "user", "content", "steal"))));
        assertThat(streamed.status()).as(streamed.raw()).isEqualTo(404);
        assertThat(streamed.detail()).isEqualTo(NOT_FOUND);
        assertThat(UPSTREAM.requests()).isEqualTo(before);
        assertThat(message(chat, "m4")).isNull();
    }

    @Test
    void anUpstreamFailureIsA502AndWritesNothing() {
        String chat = newChat(owner);
        UPSTREAM.mode(FakeOpenAiUpstream.Mode.FAIL);
        Api.Reply reply = complete(owner, Map.of("model", "m", "chat_id", chat, "id", "m4",
                "messages", List.of(Map.of("role", "user", "content", "x"))));
        assertThat(reply.status()).isEqualTo(502);
        assertThat((String) reply.detail()).startsWith("The model failed to answer");
        assertThat(message(chat, "m4")).isNull();
    }

    @Test
    void badFormsAre400WithADetail() {
        assertThat(complete(owner, Map.of("messages", List.of(Map.of("role", "user", "content", "x")))).detail())
                .isEqualTo("Model not found");
        Api.Reply noMessages = complete(owner, Map.of("model", "m", "messages", List.of()));
        assertThat(noMessages.status()).isEqualTo(400);
        Api.Reply badContent = complete(owner, Map.of("model", "m", "messages",
                List.of(Map.of("role", "user", "content", 42))));
        assertThat(badContent.status()).isEqualTo(400);
        Api.Reply badTokens = complete(owner, Map.of("model", "m", "max_tokens", -1, "messages",
                List.of(Map.of("role", "user", "content", "x"))));
        assertThat(badTokens.status()).isEqualTo(400);
        assertThat(api.post(owner.token(), "/api/chat/completions", "not json").status()).isEqualTo(422);
    }

    @Test
    void compactionSummarisesTheOlderMessagesOntoTheCurrentOne() {
        String chat = newChat(owner);
        Api.Reply reply = api.post(owner.token(), "/api/v1/chats/" + chat + "/compact", null);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        // the two messages before the current one go to the model, with the instructions: ECHO[2] of the transcript
        assertThat(reply.object()).containsEntry("ok", true).containsEntry("compacted", true)
                .containsEntry("dropped_messages", 2).containsEntry("kept_messages", 1);
        assertThat(UPSTREAM.lastBody()).containsEntry("model", "planner");
        String summary = (String) message(chat, "m3").get("contextSummary");
        assertThat(summary).startsWith("ECHO[2]: ").contains("Plan Lisbon").contains("Day one…")
                .doesNotContain("And day two?");
        assertThat(reply.object()).containsEntry("summary_chars", summary.length());
        assertThat(message(chat, "m2")).doesNotContainKey("contextSummary");

        // nothing new since the summary: nothing to do, and the model is not asked
        int before = UPSTREAM.requests();
        Api.Reply again = api.post(owner.token(), "/api/v1/chats/" + chat + "/compact", "{\"model\":\"m\"}");
        assertThat(again.object()).containsEntry("compacted", false).containsEntry("reason", "too_short");
        assertThat(UPSTREAM.requests()).isEqualTo(before);
    }

    @Test
    void compactionWithoutAModelOrWithAFailingModelChangesNothing() {
        Api.Reply created = api.post(owner.token(), "/api/v1/chats/new", """
                {"chat":{"title":"No model","history":{"currentId":"a","messages":{
                  "a":{"id":"a","parentId":null,"childrenIds":[],"role":"user","content":"hi"}}}}}""");
        String bare = (String) created.get("id");
        Api.Reply noModel = api.post(owner.token(), "/api/v1/chats/" + bare + "/compact", "{}");
        assertThat(noModel.status()).isEqualTo(400);
        assertThat(noModel.detail()).isEqualTo("No model found for context compaction.");

        String chat = newChat(owner);
        UPSTREAM.mode(FakeOpenAiUpstream.Mode.FAIL);
        Api.Reply failed = api.post(owner.token(), "/api/v1/chats/" + chat + "/compact", "{}");
        assertThat(failed.status()).isEqualTo(502);
        assertThat(message(chat, "m3")).doesNotContainKey("contextSummary");

        Api.Reply foreign = api.post(other.token(), "/api/v1/chats/" + chat + "/compact", "{}");
        assertThat(foreign.status()).isEqualTo(401);
        assertThat(foreign.detail()).isEqualTo(NOT_FOUND);
    }
}
