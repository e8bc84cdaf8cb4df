package dev.chats.app.e2e;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.chats.app.e2e.ChatLifecycleEndpointsTest.ACCESS_PROHIBITED;
import static dev.chats.app.e2e.ChatLifecycleEndpointsTest.NOT_FOUND;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end over real HTTP: the newest Open WebUI's statistics routes {@code GET /chats/stats/usage},
 * {@code GET /chats/stats/export} (paged, or NDJSON with {@code stream=true}) and
 * {@code GET /chats/stats/export/{chat_id}}, their figures, field order, status codes and bad input.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatStatsEndpointsTest {

    static final String CHATS = "/api/v1/chats";
    static final String CONVERSATION = """
            {"title":"Stats","models":["m1"],"history":{"currentId":"a1","messages":{
              "u1":{"id":"u1","parentId":null,"childrenIds":["a1","a2"],"role":"user","content":"hello","timestamp":100},
              "a1":{"id":"a1","parentId":"u1","childrenIds":[],"role":"assistant","content":"hello there","model":"m1",
                    "timestamp":104,"annotation":{"rating":1,"tags":["good"]}},
              "a2":{"id":"a2","parentId":"u1","childrenIds":[],"role":"assistant",
                    "content":[{"type":"text","text":"abc"}],"model":"m2","timestamp":110}}}}""";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    Api api;
    TestUsers.Account admin;

    @BeforeAll
    void signUp() {
        api = new Api(client, json);
        admin = TestUsers.signUp(client, "Admin");
    }

    private String create(TestUsers.Account who, String document) {
        Api.Reply reply = api.post(who.token(), CHATS + "/new", "{\"chat\":" + document + "}");
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return (String) reply.get("id");
    }

    @Test
    void usage_answersOpenWebUisFiguresPerChat_newestFirst_skippingChatsWithoutACurrentMessage() {
        TestUsers.Account user = TestUsers.signUp(client, "Counter");
        String id = create(user, CONVERSATION);
        create(user, "{\"title\":\"empty\"}");

        Api.Reply reply = api.get(user.token(), CHATS + "/stats/usage");

        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(reply.get("total")).isEqualTo(2);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) reply.get("items");
        assertThat(items).hasSize(1);
        Map<String, Object> item = items.get(0);
        assertThat(new ArrayList<>(item.keySet())).containsExactly("id", "models", "message_count",
                "history_models", "history_message_count", "history_user_message_count",
                "history_assistant_message_count", "average_response_time", "average_user_message_content_length",
                "average_assistant_message_content_length", "tags", "last_message_at", "updated_at", "created_at");
        assertThat(item.get("id")).isEqualTo(id);
        assertThat(item.get("models")).isEqualTo(Map.of("m1", 1));
        assertThat(item.get("message_count")).isEqualTo(2);
        assertThat(item.get("history_models")).isEqualTo(Map.of("m1", 1, "m2", 1));
        assertThat(item.get("history_message_count")).isEqualTo(3);
        assertThat(item.get("history_user_message_count")).isEqualTo(1);
        assertThat(item.get("history_assistant_message_count")).isEqualTo(2);
        assertThat(((Number) item.get("average_response_time")).doubleValue()).isEqualTo(7.0);
        assertThat(((Number) item.get("average_user_message_content_length")).doubleValue()).isEqualTo(5.0);
        assertThat(((Number) item.get("average_assistant_message_content_length")).doubleValue()).isEqualTo(6.0);
        assertThat(item.get("tags")).isEqualTo(List.of());
        assertThat(item.get("last_message_at")).isEqualTo(104);

        // One chat a page: the two pages hold the one chat with figures between them, the total stays 2.
        List<?> first = (List<?>) api.get(user.token(), CHATS + "/stats/usage?items_per_page=1&page=1").get("items");
        Api.Reply second = api.get(user.token(), CHATS + "/stats/usage?items_per_page=1&page=2");
        assertThat(first.size() + ((List<?>) second.get("items")).size()).isEqualTo(1);
        assertThat(second.get("total")).isEqualTo(2);
        assertThat(api.get(user.token(), CHATS + "/stats/usage?items_per_page=1&page=3").get("items"))
                .isEqualTo(List.of());
        assertThat(api.get(user.token(), CHATS + "/stats/usage?items_per_page=100000000").status()).isEqualTo(200);
        assertThat(api.get(user.token(), CHATS + "/stats/usage?page=0").status()).isEqualTo(422);
        assertThat(api.get(user.token(), CHATS + "/stats/usage?items_per_page=0").status()).isEqualTo(422);
        assertThat(api.get(user.token(), CHATS + "/stats/usage?page=x").status()).isEqualTo(422);
        assertThat(api.get(user.token(), CHATS + "/stats/usage?page=999999999999999").status()).isEqualTo(200);
    }

    @Test
    void export_pagesOldestFirst_filtersByUpdatedAt_andStreamsNdjson() {
        TestUsers.Account user = TestUsers.signUp(client, "Exporter");
        String id = create(user, CONVERSATION);

        Api.Reply page = api.get(user.token(), CHATS + "/stats/export?page=1");

        assertThat(page.status()).as(page.raw()).isEqualTo(200);
        assertThat(new ArrayList<>(page.object().keySet())).containsExactly("type", "items", "total", "page");
        assertThat(page.get("type")).isEqualTo("chats");
        assertThat(page.get("total")).isEqualTo(1);
        assertThat(page.get("page")).isEqualTo(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> item = ((List<Map<String, Object>>) page.get("items")).get(0);
        assertThat(new ArrayList<>(item.keySet()))
                .containsExactly("id", "user_id", "created_at", "updated_at", "tags", "stats", "chat");
        assertThat(item.get("id")).isEqualTo(id);
        assertThat(item.get("user_id")).isEqualTo(user.id());
        @SuppressWarnings("unchecked")
        Map<String, Object> figures = (Map<String, Object>) item.get("stats");
        assertThat(figures.get("message_count")).isEqualTo(2);
        assertThat(((Number) figures.get("average_assistant_message_content_length")).doubleValue()).isEqualTo(7.0);
        assertThat(item.get("chat")).isEqualTo(api.parse("""
                {"history":{"messages":{
                  "u1":{"id":"u1","role":"user","model":null,"content_length":5,"token_count":null,"timestamp":100,
                        "rating":null,"tags":null},
                  "a1":{"id":"a1","role":"assistant","model":"m1","content_length":11,"token_count":null,
                        "timestamp":104,"rating":1,"tags":["good"]},
                  "a2":{"id":"a2","role":"assistant","model":"m2","content_length":3,"token_count":null,
                        "timestamp":110,"rating":null,"tags":null}},"currentId":"a1"}}"""));

        long updatedAt = ((Number) item.get("updated_at")).longValue();
        assertThat(api.get(user.token(), CHATS + "/stats/export?updated_at=" + updatedAt).get("items"))
                .isEqualTo(List.of());
        assertThat(api.get(user.token(), CHATS + "/stats/export?updated_at=" + (updatedAt - 1)).get("total"))
                .isEqualTo(1);

        HttpResponse<String> stream = client.toBlocking().exchange(HttpRequest.GET(CHATS + "/stats/export?stream=true")
                .bearerAuth(user.token()).header("Content-Type", "application/json"), String.class);
        assertThat(stream.getContentType().map(Object::toString)).contains("application/x-ndjson");
        assertThat(stream.header("Content-Disposition"))
                .isEqualTo("attachment; filename=chat-stats-export-" + user.id() + ".jsonl");
        List<String> lines = stream.body().lines().toList();
        assertThat(lines).hasSize(1);
        assertThat(api.parse(lines.get(0))).isEqualTo(item);
        assertThat(api.get(user.token(), CHATS + "/stats/export?page=0").status()).isEqualTo(422);
    }

    @Test
    void exportOne_answersOneChat_404ForMissing_401ForAnotherUsersChat_adminsReadAny() {
        TestUsers.Account owner = TestUsers.signUp(client, "Owner");
        TestUsers.Account other = TestUsers.signUp(client, "Other");
        String id = create(owner, CONVERSATION);

        Api.Reply mine = api.get(owner.token(), CHATS + "/stats/export/" + id);
        assertThat(mine.status()).as(mine.raw()).isEqualTo(200);
        assertThat(mine.get("id")).isEqualTo(id);

        Api.Reply foreign = api.get(other.token(), CHATS + "/stats/export/" + id);
        assertThat(foreign.status()).isEqualTo(401);
        assertThat(foreign.detail()).isEqualTo(ACCESS_PROHIBITED);
        assertThat(api.get(admin.token(), CHATS + "/stats/export/" + id).status()).isEqualTo(200);
        Api.Reply missing = api.get(owner.token(), CHATS + "/stats/export/" + UUID.randomUUID());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.detail()).isEqualTo(NOT_FOUND);
    }
}
