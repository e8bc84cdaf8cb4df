package dev.chats.app.e2e;

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

import static dev.chats.app.e2e.ChatLifecycleEndpointsTest.NOT_FOUND;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end over real HTTP on H2: {@code POST /api/v1/chats/import} in both forms (reference §4.5, check 38, and
 * COMPATIBILITY.md: both bodies accepted, timestamps kept, {@code folder_id} must be the caller's folder else 404,
 * bad bodies 422). Every test uses its own fresh user, so "nothing stored" is checked on an empty account.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatImportEndpointsTest {

    static final String CHATS = "/api/v1/chats";
    static final String IMPORT = CHATS + "/import";
    static final List<String> CHAT_RESPONSE_KEYS = List.of("id", "user_id", "title", "chat", "updated_at",
            "created_at", "share_id", "archived", "pinned", "meta", "folder_id");
    static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    Api api;
    TestUsers.Account admin;

    @BeforeAll
    void signUpAdmin() {
        api = new Api(client, json);
        admin = TestUsers.signUp(client, "Admin");
        assertThat(admin.role()).isEqualTo("admin");
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private TestUsers.Account user(String name) {
        TestUsers.Account account = TestUsers.signUp(client, name);
        assertThat(account.role()).isEqualTo("user");
        return account;
    }

    private Api.Reply importChats(TestUsers.Account who, String body) {
        return api.post(who.token(), IMPORT, body);
    }

    private List<Map<String, Object>> all(TestUsers.Account who) {
        Api.Reply reply = api.get(who.token(), CHATS + "/all");
        assertThat(reply.status()).isEqualTo(200);
        return reply.list();
    }

    private List<Map<String, Object>> tags(TestUsers.Account who) {
        Api.Reply reply = api.get(who.token(), CHATS + "/all/tags");
        assertThat(reply.status()).isEqualTo(200);
        return reply.list();
    }

    private String folder(TestUsers.Account who, String name) {
        Api.Reply reply = api.post(who.token(), "/api/v1/folders/", "{\"name\":\"" + name + "\"}");
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return (String) reply.get("id");
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    // ---------------------------------------------------------------------------------------------- list form

    @Test
    void listForm_answersAList_keepingTimestampsPinAndMeta() {
        TestUsers.Account u = user("Lister");

        Api.Reply reply = importChats(u, "{\"chats\":[{\"chat\":{\"title\":\"I\"},\"meta\":{\"tags\":[\"t\"]},"
                + "\"pinned\":true,\"created_at\":1000,\"updated_at\":2000}]}");

        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(reply.body()).isInstanceOf(List.class);
        assertThat(reply.list()).hasSize(1);
        Map<String, Object> chat = reply.list().get(0);
        assertThat(new ArrayList<>(chat.keySet())).isEqualTo(CHAT_RESPONSE_KEYS);
        assertThat((String) chat.get("id")).matches(UUID);
        assertThat(chat.get("user_id")).isEqualTo(u.id());
        assertThat(chat.get("title")).isEqualTo("I");
        assertThat(chat.get("chat")).isEqualTo(Map.of("title", "I"));
        assertThat(number(chat.get("created_at"))).isEqualTo(1000);
        assertThat(number(chat.get("updated_at"))).isEqualTo(2000);
        assertThat(chat.get("pinned")).isEqualTo(true);
        assertThat(chat.get("archived")).isEqualTo(false);
        assertThat(chat.get("share_id")).isNull();
        assertThat(chat.get("folder_id")).isNull();
        assertThat(map(chat.get("meta")).get("tags")).isEqualTo(List.of("t"));

        Api.Reply stored = api.get(u.token(), CHATS + "/" + chat.get("id"));
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.object()).isEqualTo(chat);
        assertThat(api.get(u.token(), CHATS + "/pinned").list()).extracting(c -> c.get("id"))
                .containsExactly(chat.get("id"));
        assertThat(tags(u)).extracting(t -> t.get("id")).containsExactly("t");
    }

    @Test
    void listForm_importsEveryEntry_inOrder_withDistinctNewIds() {
        TestUsers.Account u = user("Many");
        String history = "{\"currentId\":\"b\",\"messages\":{\"a\":{\"id\":\"a\",\"parentId\":null,"
                + "\"childrenIds\":[\"b\"],\"role\":\"user\",\"content\":\"q\"},\"b\":{\"id\":\"b\",\"parentId\":\"a\","
                + "\"childrenIds\":[],\"role\":\"assistant\",\"content\":\"r\"}}}";
        String rich = "{\"id\":\"old-id\",\"title\":\"Second\",\"models\":[\"m\"],\"history\":" + history + "}";

        Api.Reply reply = importChats(u, "{\"chats\":[{\"chat\":{\"title\":\"First\"},\"created_at\":1,"
                + "\"updated_at\":5},{\"chat\":" + rich + "},{\"chat\":{}}]}");

        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        List<Map<String, Object>> chats = reply.list();
        assertThat(chats).extracting(c -> c.get("title")).containsExactly("First", "Second", "New Chat");
        assertThat(chats).extracting(c -> c.get("id")).doesNotHaveDuplicates().doesNotContain("old-id");
        assertThat(chats.get(1).get("chat")).isEqualTo(api.parse(rich));
        assertThat(api.get(u.token(), CHATS + "/" + chats.get(1).get("id")).get("chat")).isEqualTo(api.parse(rich));
        assertThat(all(u)).hasSize(3);
        long now = now();
        assertThat(number(chats.get(1).get("created_at"))).isEqualTo(number(chats.get(1).get("updated_at")))
                .isBetween(now - 5, now + 1);
    }

    @Test
    void zeroOrNullTimestamps_countAsAbsent_likeOpenWebUisTruthinessCheck() {
        TestUsers.Account u = user("Zero times");
        long before = now();

        Api.Reply reply = importChats(u, "{\"chats\":[{\"chat\":{},\"created_at\":0,\"updated_at\":null}]}");

        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        Map<String, Object> chat = reply.list().get(0);
        assertThat(number(chat.get("created_at"))).isBetween(before, now() + 1);
        assertThat(number(chat.get("updated_at"))).isBetween(before, now() + 1);
    }

    @Test
    void listForm_withAnEmptyList_answersAnEmptyList() {
        TestUsers.Account u = user("Empty list");

        Api.Reply reply = importChats(u, "{\"chats\":[]}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo(List.of());
        assertThat(all(u)).isEmpty();
    }

    @Test
    void importedTimestamps_placeTheChatInTheRecencyOrder() {
        TestUsers.Account u = user("Ordered");
        String fresh = (String) api.post(u.token(), CHATS + "/new", "{\"chat\":{\"title\":\"fresh\"}}").get("id");
        Object old = importChats(u, "{\"chats\":[{\"chat\":{\"title\":\"old\"},\"created_at\":1000,"
                + "\"updated_at\":2000}]}").list().get(0).get("id");
        Object older = importChats(u, "{\"chats\":[{\"chat\":{\"title\":\"older\"},\"created_at\":500,"
                + "\"updated_at\":1500}]}").list().get(0).get("id");

        assertThat(api.get(u.token(), CHATS + "/").list()).extracting(c -> c.get("id"))
                .containsExactly(fresh, old, older);
    }

    // ---------------------------------------------------------------------------------------------- single form

    @Test
    void singleForm_answersOneObject_andCreatesTagRecordsWithCapitalisedNames() {
        TestUsers.Account u = user("Single");

        Api.Reply reply = importChats(u, "{\"chat\":{\"title\":\"S\"},\"meta\":{\"tags\":[\"t\",\"my_tag\"]}}");

        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(reply.body()).isInstanceOf(Map.class);
        assertThat(new ArrayList<>(reply.object().keySet())).isEqualTo(CHAT_RESPONSE_KEYS);
        assertThat(reply.get("title")).isEqualTo("S");
        assertThat(reply.get("user_id")).isEqualTo(u.id());
        assertThat(map(reply.get("meta")).get("tags")).isEqualTo(List.of("t", "my_tag"));
        List<Map<String, Object>> tags = tags(u);
        assertThat(tags).containsExactlyInAnyOrder(
                tag("t", "T", u), tag("my_tag", "My Tag", u));
        assertThat(tags).allSatisfy(t -> assertThat(new ArrayList<>(t.keySet()))
                .containsExactly("id", "name", "user_id", "meta"));
        assertThat(api.get(u.token(), CHATS + "/" + reply.get("id") + "/tags").list()).extracting(t -> t.get("name"))
                .containsExactlyInAnyOrder("T", "My Tag");
    }

    private static Map<String, Object> tag(String id, String name, TestUsers.Account owner) {
        Map<String, Object> tag = new java.util.LinkedHashMap<>();
        tag.put("id", id);
        tag.put("name", name);
        tag.put("user_id", owner.id());
        tag.put("meta", null);
        return tag;
    }

    @Test
    void singleForm_keepsAnExistingTagsDisplayName_andNeverCreatesNone() {
        TestUsers.Account u = user("Existing tag");
        String chat = (String) api.post(u.token(), CHATS + "/new", "{\"chat\":{}}").get("id");
        assertThat(api.post(u.token(), CHATS + "/" + chat + "/tags", "{\"name\":\"MY tag\"}").status()).isEqualTo(200);

        Api.Reply reply = importChats(u, "{\"chat\":{\"title\":\"S\"},\"meta\":{\"tags\":[\"my_tag\",\"none\",\"x\"]}}");

        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(tags(u)).extracting(t -> t.get("id") + "=" + t.get("name"))
                .containsExactlyInAnyOrder("my_tag=MY tag", "x=X");
    }

    @Test
    void singleForm_withoutOptionalFields_usesOpenWebUiDefaults() {
        TestUsers.Account u = user("Defaults");
        long before = now();

        Api.Reply reply = importChats(u, "{\"chat\":{\"name\":\"x\"}}");

        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(reply.get("title")).isEqualTo("New Chat");
        assertThat(reply.get("chat")).isEqualTo(Map.of("name", "x"));
        assertThat(reply.get("pinned")).isEqualTo(false);
        assertThat(reply.get("archived")).isEqualTo(false);
        assertThat(reply.get("meta")).isEqualTo(Map.of());
        assertThat(reply.get("folder_id")).isNull();
        assertThat(reply.get("share_id")).isNull();
        assertThat(number(reply.get("created_at"))).isEqualTo(number(reply.get("updated_at")))
                .isBetween(before, now() + 1);
        assertThat(all(u)).extracting(c -> c.get("id")).containsExactly(reply.get("id"));
    }

    @Test
    void singleForm_keepsGivenTimestampsAndPin() {
        TestUsers.Account u = user("Single times");

        Api.Reply reply = importChats(u, "{\"chat\":{\"title\":\"Dated\"},\"pinned\":true,\"created_at\":1700000000,"
                + "\"updated_at\":1700000100,\"folder_id\":null}");

        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(number(reply.get("created_at"))).isEqualTo(1700000000L);
        assertThat(number(reply.get("updated_at"))).isEqualTo(1700000100L);
        assertThat(reply.get("pinned")).isEqualTo(true);
        assertThat(reply.get("folder_id")).isNull();
    }

    // ---------------------------------------------------------------------------------------------- folders

    @Test
    void importIntoOwnFolder_keepsTheFolder() {
        TestUsers.Account u = user("Filer");
        String f = folder(u, "Imports");

        Api.Reply single = importChats(u, "{\"chat\":{\"title\":\"in f\"},\"folder_id\":\"" + f + "\"}");
        Api.Reply list = importChats(u, "{\"chats\":[{\"chat\":{\"title\":\"in f too\"},\"folder_id\":\"" + f + "\"}]}");

        assertThat(single.status()).as(single.raw()).isEqualTo(200);
        assertThat(single.get("folder_id")).isEqualTo(f);
        assertThat(list.status()).as(list.raw()).isEqualTo(200);
        assertThat(list.list().get(0).get("folder_id")).isEqualTo(f);
        assertThat(api.get(u.token(), CHATS + "/folder/" + f).list()).extracting(c -> c.get("id"))
                .containsExactlyInAnyOrder(single.get("id"), list.list().get(0).get("id"));
    }

    @Test
    void unknownOrForeignFolder_answers404NotFound_andStoresNothing() {
        TestUsers.Account u = user("Lost");
        TestUsers.Account other = user("Folder owner");
        String foreign = folder(other, "Theirs");
        String own = folder(u, "Mine");

        List<Api.Reply> replies = List.of(
                importChats(u, "{\"chat\":{\"title\":\"x\"},\"folder_id\":\"no-such-folder\"}"),
                importChats(u, "{\"chat\":{\"title\":\"x\"},\"folder_id\":\"" + foreign + "\"}"),
                importChats(u, "{\"chats\":[{\"chat\":{\"title\":\"x\"},\"folder_id\":\"" + foreign + "\"}]}"),
                importChats(u, "{\"chats\":[{\"chat\":{\"title\":\"good\"},\"folder_id\":\"" + own + "\"},"
                        + "{\"chat\":{\"title\":\"bad\"},\"folder_id\":\"00000000-0000-4000-8000-000000000000\"}]}"),
                importChats(u, "{\"chats\":[{\"chat\":{\"title\":\"tagged\"},\"meta\":{\"tags\":[\"orphan\"]}},"
                        + "{\"chat\":{\"title\":\"bad\"},\"folder_id\":\"" + foreign + "\"}]}"));

        for (Api.Reply reply : replies) {
            assertThat(reply.status()).as(reply.raw()).isEqualTo(404);
            assertThat(reply.object()).isEqualTo(Map.of("detail", NOT_FOUND));
        }
        assertThat(all(u)).isEmpty();
        assertThat(tags(u)).isEmpty();
        assertThat(all(other)).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------- validation

    @Test
    void badBodies_answer422_andStoreNothing() {
        TestUsers.Account u = user("Bad import");
        String[] bodies = {
                "",
                "{nope",
                "[]",
                "[{\"chat\":{}}]",
                "{}",
                "{\"chat\":null}",
                "{\"chat\":\"text\"}",
                "{\"chat\":[1]}",
                "{\"chat\":{},\"meta\":[]}",
                "{\"chat\":{},\"meta\":\"x\"}",
                "{\"chat\":{},\"pinned\":[true]}",
                "{\"chat\":{},\"pinned\":\"maybe\"}",
                "{\"chat\":{},\"created_at\":\"soon\"}",
                "{\"chat\":{},\"updated_at\":{}}",
                "{\"chat\":{},\"folder_id\":5}",
                "{\"chats\":\"x\"}",
                "{\"chats\":{}}",
                "{\"chats\":[1]}",
                "{\"chats\":[{}]}",
                "{\"chats\":[{\"meta\":{}}]}",
                "{\"chats\":[{\"chat\":{\"title\":\"valid\"}},{\"chat\":5}]}",
                "{\"chats\":[{\"chat\":{\"title\":\"valid\"}},{\"chat\":{},\"created_at\":\"x\"}]}",
        };
        for (String body : bodies) {
            Api.Reply reply = importChats(u, body);
            assertThat(reply.status()).as(body + " -> " + reply.raw()).isEqualTo(422);
            assertThat(reply.detail()).as(body).isInstanceOf(List.class);
            assertThat((List<?>) reply.detail()).as(body).isNotEmpty();
        }
        assertThat(all(u)).isEmpty();
        assertThat(tags(u)).isEmpty();
    }

    @Test
    void missingChat_reportsTheFieldLikeFastApi() {
        TestUsers.Account u = user("Missing chat");

        Api.Reply single = importChats(u, "{\"meta\":{}}");
        Api.Reply list = importChats(u, "{\"chats\":[{\"chat\":{}},{\"pinned\":true}]}");

        assertThat(single.status()).isEqualTo(422);
        @SuppressWarnings("unchecked")
        Map<String, Object> singleError = ((List<Map<String, Object>>) single.detail()).get(0);
        assertThat(singleError.get("loc")).isEqualTo(List.of("body", "chat"));
        assertThat(singleError.get("type")).isEqualTo("missing");
        assertThat(list.status()).isEqualTo(422);
        @SuppressWarnings("unchecked")
        Map<String, Object> listError = ((List<Map<String, Object>>) list.detail()).get(0);
        assertThat(listError.get("type")).isEqualTo("missing");
        assertThat(listError.get("loc")).isEqualTo(List.of("body", "chats", 1, "chat"));
        assertThat(all(u)).isEmpty();
    }

    @Test
    void withoutAToken_answers403() {
        Api.Reply reply = api.post(null, IMPORT, "{\"chat\":{}}");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.object()).isEqualTo(Map.of("detail", "Not authenticated"));
    }
}
