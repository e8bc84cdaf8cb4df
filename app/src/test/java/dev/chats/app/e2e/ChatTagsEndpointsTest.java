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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** End to end over real HTTP on H2: the tag routes and the tag lifecycle (checks 21–27, 36). */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatTagsEndpointsTest {

    static final String NOT_FOUND = "We could not find what you're looking for :/";
    static final String DEFAULT = "Something went wrong :/";

    /** Moved forward where a test needs a later timestamp, instead of sleeping. */
    @Inject
    TestClock clock;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    Api api;
    TestUsers.Account stranger;

    @BeforeAll
    void setUp() {
        api = new Api(client, json);
        TestUsers.signUp(client, "Admin");
        stranger = TestUsers.signUp(client, "Stranger");
    }

    private String chat(TestUsers.Account who, String title) {
        Api.Reply reply = api.post(who.token(), "/api/v1/chats/new", "{\"chat\":{\"title\":\"" + title + "\"}}");
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return (String) reply.get("id");
    }

    private Api.Reply tag(TestUsers.Account who, String chatId, String name) {
        return api.post(who.token(), "/api/v1/chats/" + chatId + "/tags", "{\"name\":\"" + name + "\"}");
    }

    private List<Object> listedTagIds(TestUsers.Account who) {
        Api.Reply reply = api.get(who.token(), "/api/v1/chats/all/tags");
        assertThat(reply.status()).isEqualTo(200);
        return reply.list().stream().map(t -> t.get("id")).toList();
    }

    @SuppressWarnings("unchecked")
    private Object metaTags(TestUsers.Account who, String chatId) {
        return ((Map<String, Object>) api.get(who.token(), "/api/v1/chats/" + chatId).get("meta")).get("tags");
    }

    @Test
    void addTag_normalisesTheId_keepsTheFirstDisplayName_andNeverDuplicates() {
        TestUsers.Account user = TestUsers.signUp(client, "Tagger");
        String c = chat(user, "C");
        long updatedBefore = ((Number) api.get(user.token(), "/api/v1/chats/" + c).get("updated_at")).longValue();

        Api.Reply first = tag(user, c, "My Tag");
        Api.Reply again = tag(user, c, "my tag");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).isEqualTo(List.of(tagModel("my_tag", "My Tag", user.id())));
        assertThat(again.body()).isEqualTo(List.of(tagModel("my_tag", "My Tag", user.id())));
        assertThat(metaTags(user, c)).isEqualTo(List.of("my_tag"));
        assertThat(listedTagIds(user)).containsExactly("my_tag");
        assertThat(api.get(user.token(), "/api/v1/chats/tags/all").body()).isEqualTo(
                api.get(user.token(), "/api/v1/chats/all/tags").body());
        assertThat(((Number) api.get(user.token(), "/api/v1/chats/" + c).get("updated_at")).longValue())
                .isEqualTo(updatedBefore);
    }

    @Test
    void tags_keepTheOrderTheyWereAdded() {
        TestUsers.Account user = TestUsers.signUp(client, "Order");
        String c = chat(user, "C");
        for (String name : List.of("zeta", "alpha", "mid")) {
            tag(user, c, name);
        }
        assertThat(metaTags(user, c)).isEqualTo(List.of("zeta", "alpha", "mid"));
        assertThat(api.get(user.token(), "/api/v1/chats/" + c + "/tags").list())
                .extracting(t -> t.get("id")).containsExactly("zeta", "alpha", "mid");
    }

    @Test
    void reservedBlankAndOverlongNames_answer400_andChangeNothing() {
        TestUsers.Account user = TestUsers.signUp(client, "Reserved");
        String c = chat(user, "C");

        Api.Reply none = tag(user, c, "NONE");
        Api.Reply blank = tag(user, c, "   ");
        Api.Reply overlong = tag(user, c, "x".repeat(256));

        assertThat(none.status()).isEqualTo(400);
        assertThat(none.detail()).isEqualTo("[ERROR: Tag name cannot be 'None']");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(overlong.status()).isEqualTo(400);
        assertThat(metaTags(user, c)).isNull();
        assertThat(listedTagIds(user)).isEmpty();
    }

    @Test
    void badBodies_answer422() {
        TestUsers.Account user = TestUsers.signUp(client, "Bodies");
        String c = chat(user, "C");
        assertThat(api.post(user.token(), "/api/v1/chats/" + c + "/tags", "{}").status()).isEqualTo(422);
        assertThat(api.post(user.token(), "/api/v1/chats/" + c + "/tags", "{\"name\":5}").status()).isEqualTo(422);
        assertThat(api.post(user.token(), "/api/v1/chats/" + c + "/tags", "not json").status()).isEqualTo(422);
        assertThat(api.post(user.token(), "/api/v1/chats/tags", "{}").status()).isEqualTo(422);
    }

    @Test
    void removeTag_dropsItFromTheChat_andFromTheListOnceNoChatCarriesIt() {
        TestUsers.Account user = TestUsers.signUp(client, "Remover");
        String c = chat(user, "C");
        String d = chat(user, "D");
        tag(user, c, "My Tag");
        tag(user, d, "My Tag");

        Api.Reply removed = api.delete(user.token(), "/api/v1/chats/" + c + "/tags", "{\"name\":\"My Tag\"}");

        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.body()).isEqualTo(List.of());
        assertThat(listedTagIds(user)).containsExactly("my_tag");

        api.delete(user.token(), "/api/v1/chats/" + d + "/tags", "{\"name\":\"my_tag\"}");
        assertThat(listedTagIds(user)).isEmpty();
        Api.Reply notCarried = api.delete(user.token(), "/api/v1/chats/" + d + "/tags", "{\"name\":\"other\"}");
        assertThat(notCarried.status()).isEqualTo(200);
        assertThat(notCarried.body()).isEqualTo(List.of());
    }

    @Test
    void archivingTheLastCarrier_hidesTheTag_andUnarchivingRestoresItsDisplayName() {
        TestUsers.Account user = TestUsers.signUp(client, "Archiver");
        String c1 = chat(user, "C1");
        String c2 = chat(user, "C2");
        tag(user, c1, "Deep Work");
        tag(user, c2, "deep work");

        api.post(user.token(), "/api/v1/chats/" + c1 + "/archive", null);
        assertThat(listedTagIds(user)).containsExactly("deep_work");
        api.post(user.token(), "/api/v1/chats/" + c2 + "/archive", null);
        assertThat(listedTagIds(user)).isEmpty();
        api.post(user.token(), "/api/v1/chats/" + c2 + "/archive", null);

        assertThat(api.get(user.token(), "/api/v1/chats/all/tags").body())
                .isEqualTo(List.of(tagModel("deep_work", "Deep Work", user.id())));
    }

    @Test
    void chatsWithATag_includeArchivedOnes_pageBySkipAndLimit_andForgetAnUncarriedTag() throws Exception {
        TestUsers.Account user = TestUsers.signUp(client, "Finder");
        String a = chat(user, "A");
        clock.advance(Duration.ofSeconds(1));
        String b = chat(user, "B");
        chat(user, "Untagged");
        tag(user, a, "x");
        tag(user, b, "x");
        api.post(user.token(), "/api/v1/chats/" + a + "/archive", null);

        Api.Reply all = api.post(user.token(), "/api/v1/chats/tags", "{\"name\":\"X\"}");
        Api.Reply second = api.post(user.token(), "/api/v1/chats/tags", "{\"name\":\"x\",\"skip\":1,\"limit\":1}");
        Api.Reply unknown = api.post(user.token(), "/api/v1/chats/tags", "{\"name\":\"nothing\"}");

        assertThat(all.list()).extracting(c -> c.get("id")).containsExactlyInAnyOrder(a, b);
        assertThat(all.list()).allSatisfy(item -> assertThat(item.keySet())
                .containsExactly("id", "title", "updated_at", "created_at"));
        assertThat(second.list()).extracting(c -> c.get("id")).hasSize(1)
                .containsExactly(all.list().get(1).get("id"));
        assertThat(unknown.body()).isEqualTo(List.of());
    }

    @Test
    void clearTags_emptiesTheChat_andForgetsTagsNoOtherChatCarries() {
        TestUsers.Account user = TestUsers.signUp(client, "Clearer");
        String c = chat(user, "C");
        String d = chat(user, "D");
        tag(user, c, "one");
        tag(user, c, "two");
        tag(user, d, "two");

        Api.Reply cleared = api.delete(user.token(), "/api/v1/chats/" + c + "/tags/all");

        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.body()).isEqualTo(true);
        assertThat(api.get(user.token(), "/api/v1/chats/" + c + "/tags").body()).isEqualTo(List.of());
        assertThat(listedTagIds(user)).containsExactly("two");
    }

    @Test
    void deletingChats_forgetsTheirTags() {
        TestUsers.Account user = TestUsers.signUp(client, "Deleter");
        String c = chat(user, "C");
        String d = chat(user, "D");
        tag(user, c, "solo");
        tag(user, d, "kept");

        api.delete(user.token(), "/api/v1/chats/" + c);
        assertThat(listedTagIds(user)).containsExactly("kept");
        api.delete(user.token(), "/api/v1/chats/");
        assertThat(listedTagIds(user)).isEmpty();
    }

    @Test
    void anotherUsersChat_isNeitherReadNorChanged() {
        TestUsers.Account owner = TestUsers.signUp(client, "Owner");
        String c = chat(owner, "C");
        tag(owner, c, "private");

        Api.Reply read = api.get(stranger.token(), "/api/v1/chats/" + c + "/tags");
        Api.Reply add = tag(stranger, c, "mine");
        Api.Reply remove = api.delete(stranger.token(), "/api/v1/chats/" + c + "/tags", "{\"name\":\"private\"}");
        Api.Reply clear = api.delete(stranger.token(), "/api/v1/chats/" + c + "/tags/all");

        assertThat(read.status()).isEqualTo(401);
        assertThat(read.detail()).isEqualTo(NOT_FOUND);
        assertThat(add.status()).isEqualTo(401);
        assertThat(add.detail()).isEqualTo(DEFAULT);
        assertThat(remove.status()).isEqualTo(401);
        assertThat(remove.detail()).isEqualTo(NOT_FOUND);
        assertThat(clear.status()).isEqualTo(401);
        assertThat(metaTags(owner, c)).isEqualTo(List.of("private"));
        assertThat(listedTagIds(stranger)).doesNotContain("private", "mine");
        assertThat(api.post(stranger.token(), "/api/v1/chats/tags", "{\"name\":\"private\"}").body())
                .isEqualTo(List.of());
        assertThat(listedTagIds(owner)).containsExactly("private");
    }

    private static Map<String, Object> tagModel(String id, String name, String userId) {
        Map<String, Object> tag = new java.util.LinkedHashMap<>();
        tag.put("id", id);
        tag.put("name", name);
        tag.put("user_id", userId);
        tag.put("meta", null);
        return tag;
    }
}
