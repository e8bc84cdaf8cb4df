package dev.chats.app.e2e;

import dev.chats.app.TestClock;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** End to end over real HTTP on H2: the chat lifecycle routes of issue 2, as Open WebUI answers them. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatLifecycleEndpointsTest {

    static final String NOT_FOUND = "We could not find what you're looking for :/";
    static final String ACCESS_PROHIBITED =
            "You do not have permission to access this resource. Please contact your administrator for assistance.";

    /** Moved forward where a test needs a later timestamp, instead of sleeping. */
    @Inject
    TestClock clock;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    Api api;
    TestUsers.Account admin;
    TestUsers.Account u1;
    TestUsers.Account u2;

    @BeforeAll
    void signUpUsers() {
        api = new Api(client, json);
        admin = TestUsers.signUp(client, "Admin");
        u1 = TestUsers.signUp(client, "User One");
        u2 = TestUsers.signUp(client, "User Two");
        assertThat(admin.role()).isEqualTo("admin");
        assertThat(u1.role()).isEqualTo("user");
    }

    private Api.Reply create(TestUsers.Account who, String chatJson) {
        Api.Reply reply = api.post(who.token(), "/api/v1/chats/new", "{\"chat\":" + chatJson + "}");
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply;
    }

    private String createId(TestUsers.Account who, String chatJson) {
        return (String) create(who, chatJson).get("id");
    }

    @Test
    void createChat_answersChatResponseWithDefaultsAndTheDocumentUnchanged() {
        long before = System.currentTimeMillis() / 1000;

        Api.Reply reply = create(u1, "{\"name\":\"x\"}");

        Map<String, Object> chat = reply.object();
        assertThat(new ArrayList<>(chat.keySet())).containsExactly("id", "user_id", "title", "chat", "updated_at",
                "created_at", "share_id", "archived", "pinned", "meta", "folder_id");
        assertThat(chat.get("title")).isEqualTo("New Chat");
        assertThat(chat.get("user_id")).isEqualTo(u1.id());
        assertThat(chat.get("archived")).isEqualTo(false);
        assertThat(chat.get("pinned")).isEqualTo(false);
        assertThat(chat.get("share_id")).isNull();
        assertThat(chat.get("folder_id")).isNull();
        assertThat(chat.get("meta")).isEqualTo(Map.of());
        assertThat(chat.get("chat")).isEqualTo(Map.of("name", "x"));
        assertThat(((Number) chat.get("created_at")).longValue()).isEqualTo(((Number) chat.get("updated_at")).longValue())
                .isBetween(before, before + 5);
        assertThat((String) chat.get("id")).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void createChat_withTitle_takesTheTitleFromTheDocument() {
        assertThat(create(u1, "{\"title\":\"Trip plans\"}").get("title")).isEqualTo("Trip plans");
    }

    @Test
    void createChat_withoutChat_answers422WithFastApiDetail() {
        Api.Reply reply = api.post(u1.token(), "/api/v1/chats/new", "{}");

        assertThat(reply.status()).isEqualTo(422);
        List<Map<String, Object>> detail = castList(reply.detail());
        assertThat(detail).hasSize(1);
        assertThat(detail.get(0).get("loc")).isEqualTo(List.of("body", "chat"));
        assertThat(detail.get(0).get("type")).isEqualTo("missing");
        assertThat(detail.get(0).get("msg")).isEqualTo("Field required");
    }

    @Test
    void createChat_withBadInput_answers422AndStoresNothing() {
        String[] bodies = {"{not json", "", "[1,2]", "{\"chat\":\"text\"}", "{\"chat\":null}", "{\"chat\":[1]}",
                "{\"chat\":{},\"folder_id\":5}"};
        TestUsers.Account fresh = TestUsers.signUp(client, "Bad Input");
        for (String body : bodies) {
            Api.Reply reply = api.post(fresh.token(), "/api/v1/chats/new", body);
            assertThat(reply.status()).as(body + " -> " + reply.raw()).isEqualTo(422);
            assertThat(reply.detail()).as(body).isInstanceOf(List.class);
        }
        assertThat(api.get(fresh.token(), "/api/v1/chats/all").list()).isEmpty();
    }

    @Test
    void createChat_inAFolderThatIsNotTheCallers_answers404() {
        Api.Reply reply = api.post(u1.token(), "/api/v1/chats/new",
                "{\"chat\":{},\"folder_id\":\"no-such-folder\"}");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.detail()).isEqualTo(NOT_FOUND);
    }

    @Test
    void createChat_withNonStringTitle_answers400WithDetail() {
        Api.Reply reply = api.post(u1.token(), "/api/v1/chats/new", "{\"chat\":{\"title\":null}}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.detail()).isInstanceOf(String.class);
    }

    @Test
    void richDocument_roundTripsExactly_keysValuesAndOrder() {
        String document = """
                {"id":"","title":"Grüße 👋 — 日本語 \\"quoted\\" \\n newline","models":["llama3:8b","gpt-4o"],
                 "params":{"temperature":0.7,"seed":9007199254740993,"stop":null,"nested":{"deep":{"deeper":[1,[2,[3]],{}]}}},
                 "tags":[],"files":[],"empty":{},"flag":false,"negative":-12.5e-3,
                 "history":{"currentId":"m2","messages":{
                   "m1":{"id":"m1","parentId":null,"childrenIds":["m2"],"role":"user","content":"Hi ✓","timestamp":1700000000,"files":[{"type":"image","url":"data:image/png;base64,AAAA"}]},
                   "m2":{"id":"m2","parentId":"m1","childrenIds":[],"role":"assistant","content":[{"type":"text","text":"multi"}],"model":"llama3:8b","done":true,"info":null}}},
                 "messages":[{"id":"m1","role":"user","content":"Hi ✓"}],
                 "timestamp":1700000000000}""";

        Api.Reply created = create(u1, document);
        Api.Reply read = api.get(u1.token(), "/api/v1/chats/" + created.get("id"));

        Object sent = api.parse(document);
        assertThat(created.get("chat")).isEqualTo(sent);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.get("chat")).isEqualTo(sent);
        assertThat(api.write(read.get("chat"))).isEqualTo(api.write(sent));
        assertThat(read.get("title")).isEqualTo("Grüße 👋 — 日本語 \"quoted\" \n newline");
    }

    @Test
    void updateChat_mergesTopLevelKeys_rederivesTitle_andKeepsHistory() {
        Api.Reply created = create(u1, "{\"title\":\"T\",\"history\":{\"currentId\":\"m1\",\"messages\":{}},\"models\":[\"a\"]}");
        String id = (String) created.get("id");

        Api.Reply updated = api.post(u1.token(), "/api/v1/chats/" + id, "{\"chat\":{\"title\":\"T2\"}}");

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.get("title")).isEqualTo("T2");
        assertThat(updated.get("chat")).isEqualTo(api.parse(
                "{\"title\":\"T2\",\"history\":{\"currentId\":\"m1\",\"messages\":{}},\"models\":[\"a\"]}"));
        assertThat(((Number) updated.get("updated_at")).longValue())
                .isGreaterThanOrEqualTo(((Number) created.get("updated_at")).longValue());
        assertThat(api.get(u1.token(), "/api/v1/chats/" + id).get("chat")).isEqualTo(updated.get("chat"));
    }

    @Test
    void updateChat_replacingHistory_storesTheNewMessagesExactly() {
        String id = createId(u1, "{\"history\":{\"currentId\":\"a\",\"messages\":{\"a\":{\"content\":\"1\"},\"b\":{\"content\":\"2\"}}}}");
        String history = "{\"currentId\":\"c\",\"messages\":{\"c\":{\"content\":\"3\"},\"a\":{\"content\":\"1 edited\"}}}";

        api.post(u1.token(), "/api/v1/chats/" + id, "{\"chat\":{\"history\":" + history + "}}");

        assertThat(api.get(u1.token(), "/api/v1/chats/" + id).get("chat"))
                .isEqualTo(api.parse("{\"history\":" + history + "}"));
    }

    @Test
    void updateChat_withBadBody_answers422AndChangesNothing() {
        String id = createId(u1, "{\"title\":\"Keep\"}");

        assertThat(api.post(u1.token(), "/api/v1/chats/" + id, "{}").status()).isEqualTo(422);
        assertThat(api.post(u1.token(), "/api/v1/chats/" + id, "{\"chat\":1}").status()).isEqualTo(422);
        assertThat(api.post(u1.token(), "/api/v1/chats/" + id, "nope").status()).isEqualTo(422);
        assertThat(api.get(u1.token(), "/api/v1/chats/" + id).get("title")).isEqualTo("Keep");
    }

    @Test
    void anotherUsersChat_isInvisible_readAnswersNotFound_writeAnswersAccessProhibited() {
        String id = createId(u1, "{\"title\":\"Private\"}");

        Api.Reply read = api.get(u2.token(), "/api/v1/chats/" + id);
        Api.Reply missing = api.get(u2.token(), "/api/v1/chats/00000000-0000-4000-8000-000000000000");
        Api.Reply write = api.post(u2.token(), "/api/v1/chats/" + id, "{\"chat\":{\"title\":\"Stolen\"}}");
        Api.Reply writeMissing = api.post(u2.token(), "/api/v1/chats/no-such-chat", "{\"chat\":{}}");
        Api.Reply delete = api.delete(u2.token(), "/api/v1/chats/" + id);

        assertThat(read.status()).isEqualTo(401);
        assertThat(read.detail()).isEqualTo(NOT_FOUND);
        assertThat(missing.raw()).isEqualTo(read.raw());
        assertThat(write.status()).isEqualTo(401);
        assertThat(write.detail()).isEqualTo(ACCESS_PROHIBITED);
        assertThat(writeMissing.raw()).isEqualTo(write.raw());
        assertThat(delete.status()).isEqualTo(404);
        assertThat(delete.detail()).isEqualTo(NOT_FOUND);
        assertThat(api.get(u1.token(), "/api/v1/chats/" + id).get("title")).isEqualTo("Private");
        assertThat(api.get(u2.token(), "/api/v1/chats/").list()).extracting(c -> c.get("id")).doesNotContain(id);
    }

    @Test
    void overlongChatId_answersLikeAMissingChat() {
        String id = "x".repeat(300);

        assertThat(api.get(u1.token(), "/api/v1/chats/" + id).status()).isEqualTo(401);
        assertThat(api.delete(u1.token(), "/api/v1/chats/" + id).status()).isEqualTo(404);
    }

    @Test
    void admin_mayReadAndDeleteAnotherUsersChat() {
        String id = createId(u1, "{\"title\":\"Audited\"}");

        Api.Reply read = api.get(admin.token(), "/api/v1/chats/" + id);
        Api.Reply delete = api.delete(admin.token(), "/api/v1/chats/" + id);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.get("user_id")).isEqualTo(u1.id());
        assertThat(delete.status()).isEqualTo(200);
        assertThat(delete.body()).isEqualTo(true);
        assertThat(api.get(u1.token(), "/api/v1/chats/" + id).status()).isEqualTo(401);
    }

    @Test
    void deleteChat_answersTrue_thenTheChatIsGone_andASecondDeleteAnswers404() {
        String id = createId(u1, "{\"title\":\"Bye\"}");

        Api.Reply first = api.delete(u1.token(), "/api/v1/chats/" + id);
        Api.Reply second = api.delete(u1.token(), "/api/v1/chats/" + id);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).isEqualTo(true);
        assertThat(api.get(u1.token(), "/api/v1/chats/" + id).detail()).isEqualTo(NOT_FOUND);
        assertThat(second.status()).isEqualTo(404);
        assertThat(second.detail()).isEqualTo(NOT_FOUND);
    }

    @Test
    void list_isMostRecentFirst_withExactlyTheTitleKeys_onBothPaths() {
        TestUsers.Account lister = TestUsers.signUp(client, "Lister");
        String c1 = createId(lister, "{\"title\":\"C1\"}");
        clock.advance(Duration.ofSeconds(1));
        String c2 = createId(lister, "{\"title\":\"C2\"}");
        clock.advance(Duration.ofSeconds(1));
        String c3 = createId(lister, "{\"title\":\"C3\"}");

        for (String path : List.of("/api/v1/chats/", "/api/v1/chats", "/api/v1/chats/list")) {
            Api.Reply list = api.get(lister.token(), path);
            assertThat(list.status()).as(path).isEqualTo(200);
            assertThat(list.list()).extracting(c -> c.get("id")).as(path).containsExactly(c3, c2, c1);
            assertThat(list.list()).allSatisfy(item -> assertThat(new ArrayList<>(item.keySet()))
                    .containsExactly("id", "title", "updated_at", "created_at"));
        }
    }

    @Test
    void list_pagesBySixty_andWithoutPageReturnsEverything() {
        TestUsers.Account many = TestUsers.signUp(client, "Many Chats");
        for (int i = 0; i < 61; i++) {
            createId(many, "{\"title\":\"chat " + i + "\"}");
        }

        List<Map<String, Object>> page1 = api.get(many.token(), "/api/v1/chats/?page=1").list();
        List<Map<String, Object>> page2 = api.get(many.token(), "/api/v1/chats/?page=2").list();
        List<Map<String, Object>> all = api.get(many.token(), "/api/v1/chats/").list();

        assertThat(page1).hasSize(60);
        assertThat(page2).hasSize(1);
        assertThat(all).hasSize(61);
        List<Object> paged = new ArrayList<>(page1.stream().map(c -> c.get("id")).toList());
        paged.add(page2.get(0).get("id"));
        assertThat(all.stream().map(c -> c.get("id")).toList()).isEqualTo(paged);
        assertThat(api.get(many.token(), "/api/v1/chats/?page=3").list()).isEmpty();
    }

    @Test
    void list_withUnparsableQueryValues_answers422() {
        assertThat(api.get(u1.token(), "/api/v1/chats/?page=abc").status()).isEqualTo(422);
        assertThat(api.get(u1.token(), "/api/v1/chats/?page=0").status()).isEqualTo(422);
        assertThat(api.get(u1.token(), "/api/v1/chats/?include_pinned=maybe").status()).isEqualTo(422);
    }

    @Test
    void exportOwn_returnsWholeChatsOfTheCallerOnly() {
        TestUsers.Account exporter = TestUsers.signUp(client, "Exporter");
        String id = createId(exporter, "{\"title\":\"E\",\"history\":{\"messages\":{\"m\":{\"content\":\"x\"}}}}");
        createId(u2, "{\"title\":\"Not mine\"}");

        List<Map<String, Object>> all = api.get(exporter.token(), "/api/v1/chats/all").list();

        assertThat(all).hasSize(1);
        assertThat(all.get(0).get("id")).isEqualTo(id);
        assertThat(all.get(0).get("chat")).isEqualTo(api.parse(
                "{\"title\":\"E\",\"history\":{\"messages\":{\"m\":{\"content\":\"x\"}}}}"));
    }

    @Test
    void deleteAll_removesOnlyTheCallersChats() {
        TestUsers.Account cleaner = TestUsers.signUp(client, "Cleaner");
        createId(cleaner, "{\"title\":\"a\"}");
        createId(cleaner, "{\"title\":\"b\"}");
        String others = createId(u2, "{\"title\":\"stays\"}");

        Api.Reply reply = api.delete(cleaner.token(), "/api/v1/chats/");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo(true);
        assertThat(api.get(cleaner.token(), "/api/v1/chats/all").list()).isEmpty();
        assertThat(api.get(u2.token(), "/api/v1/chats/" + others).status()).isEqualTo(200);
    }

    @Test
    void adminExportAll_isForAdminsOnly_andCoversEveryUser() {
        String mine = createId(u1, "{\"title\":\"in db\"}");
        String theirs = createId(u2, "{\"title\":\"also in db\"}");

        Api.Reply denied = api.get(u1.token(), "/api/v1/chats/all/db");
        Api.Reply all = api.get(admin.token(), "/api/v1/chats/all/db");

        assertThat(denied.status()).isEqualTo(401);
        assertThat(denied.detail()).isEqualTo(ACCESS_PROHIBITED);
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.list()).extracting(c -> c.get("id")).contains(mine, theirs);
        assertThat(all.list()).allSatisfy(c -> assertThat(c).containsKeys("chat", "user_id"));
    }

    @Test
    void adminListOfAUsersChats_supportsQueryOrderAndBothWindows() {
        TestUsers.Account owner = TestUsers.signUp(client, "Listed");
        String apple = createId(owner, "{\"title\":\"Apple pie\"}");
        String banana = createId(owner, "{\"title\":\"Banana 100%\"}");
        String cherry = createId(owner, "{\"title\":\"cherry_tart\"}");
        String base = "/api/v1/chats/list/user/" + owner.id();

        assertThat(api.get(admin.token(), base + "?order_by=title&direction=asc").list())
                .extracting(c -> c.get("id")).containsExactly(apple, banana, cherry);
        assertThat(api.get(admin.token(), base + "?order_by=title&direction=DESC").list())
                .extracting(c -> c.get("id")).containsExactly(cherry, banana, apple);
        assertThat(api.get(admin.token(), base + "?query=APPLE").list())
                .extracting(c -> c.get("id")).containsExactly(apple);
        assertThat(api.get(admin.token(), base + "?query=%25").list())
                .extracting(c -> c.get("id")).containsExactly(banana);
        assertThat(api.get(admin.token(), base + "?query=y_t").list())
                .extracting(c -> c.get("id")).containsExactly(cherry);
        assertThat(api.get(admin.token(), base + "?order_by=title&direction=asc&skip=1&limit=1").list())
                .extracting(c -> c.get("id")).containsExactly(banana);
        assertThat(api.get(admin.token(), base + "?page=2").list()).isEmpty();
        assertThat(api.get(admin.token(), "/api/v1/chats/list/user/nobody").list()).isEmpty();
    }

    @Test
    void adminListOfAUsersChats_rejectsUnknownOrderAndNonAdmins() {
        String base = "/api/v1/chats/list/user/" + u1.id();

        Api.Reply badField = api.get(admin.token(), base + "?order_by=password&direction=asc");
        Api.Reply badDirection = api.get(admin.token(), base + "?order_by=title&direction=sideways");
        Api.Reply notAdmin = api.get(u1.token(), base);

        assertThat(badField.status()).isEqualTo(400);
        assertThat((String) badField.detail()).contains("updated_at", "created_at", "title");
        assertThat(badDirection.status()).isEqualTo(400);
        assertThat((String) badDirection.detail()).contains("asc", "desc");
        assertThat(notAdmin.status()).isEqualTo(401);
        assertThat(notAdmin.detail()).isEqualTo(ACCESS_PROHIBITED);
        assertThat(api.get(admin.token(), base + "?skip=-1").status()).isEqualTo(422);
    }

    @Test
    void fiftyConcurrentUpdates_eachAddingAKey_loseNothing() throws Exception {
        String id = createId(u1, "{\"title\":\"busy\",\"history\":{\"messages\":{\"m\":{\"content\":\"x\"}}}}");
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Callable<Integer>> writers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String key = "k" + i;
                writers.add(() -> api.post(u1.token(), "/api/v1/chats/" + id,
                        "{\"chat\":{\"" + key + "\":" + key.substring(1) + "}}").status());
            }
            for (Future<Integer> status : pool.invokeAll(writers)) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        Map<String, Object> chat = castMap(api.get(u1.token(), "/api/v1/chats/" + id).get("chat"));
        for (int i = 0; i < 50; i++) {
            assertThat(chat).containsEntry("k" + i, i);
        }
        assertThat(chat.get("title")).isEqualTo("busy");
        assertThat(chat.get("history")).isEqualTo(api.parse("{\"messages\":{\"m\":{\"content\":\"x\"}}}"));
    }

    @Test
    void unknownRoute_answers404WithDetail() {
        Api.Reply reply = api.get(u1.token(), "/api/v1/nothing-here");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.detail()).isEqualTo("Not Found");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> castList(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }
}
