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

/** End to end over real HTTP on H2: pin, archive and folder routes of the chats router (checks 9–13). */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatPinArchiveFolderEndpointsTest {

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

    private String folder(TestUsers.Account who, String name) {
        Api.Reply reply = api.post(who.token(), "/api/v1/folders/", "{\"name\":\"" + name + "\"}");
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return (String) reply.get("id");
    }

    private List<Object> ids(Api.Reply reply) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply.list().stream().map(c -> c.get("id")).toList();
    }

    private Map<String, Object> read(TestUsers.Account who, String id) {
        return api.get(who.token(), "/api/v1/chats/" + id).object();
    }

    @Test
    void pin_togglesAndBumpsUpdatedAt_andPinnedChatsLeaveTheDefaultList() throws Exception {
        TestUsers.Account user = TestUsers.signUp(client, "Pinner");
        String c1 = chat(user, "C1");
        String c2 = chat(user, "C2");
        long before = ((Number) read(user, c1).get("updated_at")).longValue();
        clock.advance(Duration.ofSeconds(1));

        Api.Reply pinned = api.post(user.token(), "/api/v1/chats/" + c1 + "/pin", null);

        assertThat(pinned.status()).isEqualTo(200);
        assertThat(pinned.get("pinned")).isEqualTo(true);
        assertThat(((Number) pinned.get("updated_at")).longValue()).isGreaterThan(before);
        assertThat(ids(api.get(user.token(), "/api/v1/chats/"))).containsExactly(c2);
        assertThat(ids(api.get(user.token(), "/api/v1/chats/?include_pinned=true"))).containsExactly(c1, c2);
        assertThat(ids(api.get(user.token(), "/api/v1/chats/pinned"))).containsExactly(c1);
        assertThat(api.get(user.token(), "/api/v1/chats/" + c1 + "/pinned").body()).isEqualTo(true);

        Api.Reply unpinned = api.post(user.token(), "/api/v1/chats/" + c1 + "/pin", null);
        assertThat(unpinned.get("pinned")).isEqualTo(false);
        assertThat(api.get(user.token(), "/api/v1/chats/" + c1 + "/pinned").body()).isEqualTo(false);
        assertThat(ids(api.get(user.token(), "/api/v1/chats/pinned"))).isEmpty();
    }

    @Test
    void moveToFolder_unpins_andFiledChatsLeaveTheDefaultList() {
        TestUsers.Account user = TestUsers.signUp(client, "Filer");
        String c1 = chat(user, "C1");
        String c2 = chat(user, "C2");
        String f = folder(user, "F");
        api.post(user.token(), "/api/v1/chats/" + c1 + "/pin", null);

        Api.Reply moved = api.post(user.token(), "/api/v1/chats/" + c1 + "/folder", "{\"folder_id\":\"" + f + "\"}");

        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        assertThat(moved.get("folder_id")).isEqualTo(f);
        assertThat(moved.get("pinned")).isEqualTo(false);
        assertThat(ids(api.get(user.token(), "/api/v1/chats/pinned"))).isEmpty();
        assertThat(ids(api.get(user.token(), "/api/v1/chats/"))).containsExactly(c2);
        assertThat(ids(api.get(user.token(), "/api/v1/chats/?include_folders=true"))).containsExactlyInAnyOrder(c1, c2);
        assertThat(ids(api.get(user.token(), "/api/v1/chats/folder/" + f))).containsExactly(c1);
        Api.Reply page = api.get(user.token(), "/api/v1/chats/folder/" + f + "/list?page=1");
        assertThat(page.list()).hasSize(1);
        assertThat(page.list().get(0).keySet()).containsExactly("title", "id", "updated_at");

        Api.Reply toRoot = api.post(user.token(), "/api/v1/chats/" + c1 + "/folder", "{\"folder_id\":null}");
        assertThat(toRoot.get("folder_id")).isNull();
        assertThat(ids(api.get(user.token(), "/api/v1/chats/"))).contains(c1);
    }

    @Test
    void folderChats_coverSubfolders_butTheFolderPageOnlyTheFolderItself() {
        TestUsers.Account user = TestUsers.signUp(client, "Tree");
        String parent = folder(user, "Parent");
        Api.Reply sub = api.post(user.token(), "/api/v1/folders/", "{\"name\":\"Sub\",\"parent_id\":\"" + parent + "\"}");
        assertThat(sub.status()).as(sub.raw()).isEqualTo(200);
        String inParent = chat(user, "in parent");
        String inSub = chat(user, "in sub");
        api.post(user.token(), "/api/v1/chats/" + inParent + "/folder", "{\"folder_id\":\"" + parent + "\"}");
        api.post(user.token(), "/api/v1/chats/" + inSub + "/folder", "{\"folder_id\":\"" + sub.get("id") + "\"}");

        assertThat(ids(api.get(user.token(), "/api/v1/chats/folder/" + parent)))
                .containsExactlyInAnyOrder(inParent, inSub);
        assertThat(ids(api.get(user.token(), "/api/v1/chats/folder/" + parent + "/list")))
                .containsExactly(inParent);
        assertThat(ids(api.get(stranger.token(), "/api/v1/chats/folder/" + parent))).isEmpty();
        assertThat(ids(api.get(user.token(), "/api/v1/chats/folder/unknown"))).isEmpty();
    }

    @Test
    void moveToFolder_ofAnotherUserOrUnknown_answers404_andMovesNothing() {
        TestUsers.Account user = TestUsers.signUp(client, "Mover");
        String c = chat(user, "C");
        String foreign = folder(stranger, "Foreign");

        Api.Reply intoForeign = api.post(user.token(), "/api/v1/chats/" + c + "/folder",
                "{\"folder_id\":\"" + foreign + "\"}");
        Api.Reply intoUnknown = api.post(user.token(), "/api/v1/chats/" + c + "/folder", "{\"folder_id\":\"nope\"}");
        Api.Reply strangerMoves = api.post(stranger.token(), "/api/v1/chats/" + c + "/folder",
                "{\"folder_id\":\"" + foreign + "\"}");
        Api.Reply badBody = api.post(user.token(), "/api/v1/chats/" + c + "/folder", "{\"folder_id\":7}");

        assertThat(intoForeign.status()).isEqualTo(404);
        assertThat(intoForeign.detail()).isEqualTo(NOT_FOUND);
        assertThat(intoUnknown.status()).isEqualTo(404);
        assertThat(strangerMoves.status()).isEqualTo(401);
        assertThat(strangerMoves.detail()).isEqualTo(DEFAULT);
        assertThat(badBody.status()).isEqualTo(422);
        assertThat(read(user, c).get("folder_id")).isNull();
    }

    @Test
    void blankFolderIds_nameNoFolder_onEveryRouteThatTakesOne_neverA500() {
        TestUsers.Account user = TestUsers.signUp(client, "Blank");
        String c = chat(user, "C");
        String f = folder(user, "F");
        api.post(user.token(), "/api/v1/chats/" + c + "/folder", "{\"folder_id\":\"" + f + "\"}");

        Api.Reply moved = api.post(user.token(), "/api/v1/chats/" + c + "/folder", "{\"folder_id\":\"  \"}");
        Api.Reply created = api.post(user.token(), "/api/v1/chats/new",
                "{\"chat\":{\"title\":\"new\"},\"folder_id\":\" \"}");
        Api.Reply imported = api.post(user.token(), "/api/v1/chats/import",
                "{\"chat\":{\"title\":\"imported\"},\"folder_id\":\" \"}");
        Api.Reply tree = api.get(user.token(), "/api/v1/chats/folder/%20");
        Api.Reply page = api.get(user.token(), "/api/v1/chats/folder/%20/list");

        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        assertThat(moved.get("folder_id")).isNull();
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        assertThat(created.get("folder_id")).isNull();
        assertThat(imported.status()).as(imported.raw()).isEqualTo(200);
        assertThat(imported.get("folder_id")).isNull();
        assertThat(tree.status()).as(tree.raw()).isEqualTo(200);
        assertThat(tree.list()).isEmpty();
        assertThat(page.status()).as(page.raw()).isEqualTo(200);
        assertThat(page.list()).isEmpty();
    }

    @Test
    void archive_clearsTheFolder_bothWays_andMovesTheChatBetweenLists() {
        TestUsers.Account user = TestUsers.signUp(client, "Archivist");
        String c2 = chat(user, "C2");
        String f = folder(user, "F");
        api.post(user.token(), "/api/v1/chats/" + c2 + "/folder", "{\"folder_id\":\"" + f + "\"}");

        Api.Reply archived = api.post(user.token(), "/api/v1/chats/" + c2 + "/archive", null);

        assertThat(archived.status()).isEqualTo(200);
        assertThat(archived.get("archived")).isEqualTo(true);
        assertThat(archived.get("folder_id")).isNull();
        assertThat(ids(api.get(user.token(), "/api/v1/chats/?include_folders=true"))).doesNotContain(c2);
        assertThat(ids(api.get(user.token(), "/api/v1/chats/archived"))).containsExactly(c2);
        assertThat(ids(api.get(user.token(), "/api/v1/chats/all/archived"))).containsExactly(c2);

        Api.Reply restored = api.get(user.token(), "/api/v1/chats/" + c2 + "/archive");
        assertThat(restored.get("archived")).isEqualTo(false);
        assertThat(restored.get("folder_id")).isNull();
        assertThat(ids(api.get(user.token(), "/api/v1/chats/"))).containsExactly(c2);
        assertThat(ids(api.get(user.token(), "/api/v1/chats/archived"))).isEmpty();
    }

    @Test
    void archiveAllAndUnarchiveAll_keepTimesAndFolders() {
        TestUsers.Account user = TestUsers.signUp(client, "Bulk");
        String c1 = chat(user, "C1");
        String c2 = chat(user, "C2");
        String f = folder(user, "F");
        api.post(user.token(), "/api/v1/chats/" + c2 + "/folder", "{\"folder_id\":\"" + f + "\"}");
        Map<String, Object> c1Before = read(user, c1);
        Map<String, Object> c2Before = read(user, c2);

        Api.Reply archiveAll = api.post(user.token(), "/api/v1/chats/archive/all", null);

        assertThat(archiveAll.body()).isEqualTo(true);
        assertThat(ids(api.get(user.token(), "/api/v1/chats/"))).isEmpty();
        assertThat(ids(api.get(user.token(), "/api/v1/chats/archived"))).containsExactlyInAnyOrder(c1, c2);
        assertThat(read(user, c2).get("folder_id")).isEqualTo(f);

        Api.Reply unarchiveAll = api.post(user.token(), "/api/v1/chats/unarchive/all", null);

        assertThat(unarchiveAll.body()).isEqualTo(true);
        assertThat(ids(api.get(user.token(), "/api/v1/chats/?include_folders=true")))
                .containsExactlyInAnyOrder(c1, c2);
        assertThat(read(user, c1).get("updated_at")).isEqualTo(c1Before.get("updated_at"));
        assertThat(read(user, c2).get("updated_at")).isEqualTo(c2Before.get("updated_at"));
        assertThat(read(user, c2).get("folder_id")).isEqualTo(f);
        assertThat(read(stranger, c1)).containsEntry("detail", NOT_FOUND);
    }

    @Test
    void archivedList_filtersOrdersAndPages_andRejectsUnknownOrder() {
        TestUsers.Account user = TestUsers.signUp(client, "Lists");
        for (String title : List.of("beta", "Alpha", "gamma")) {
            api.post(user.token(), "/api/v1/chats/" + chat(user, title) + "/archive", null);
        }

        Api.Reply byTitle = api.get(user.token(), "/api/v1/chats/archived?order_by=title&direction=asc");
        Api.Reply query = api.get(user.token(), "/api/v1/chats/archived?query=ALP");
        Api.Reply window = api.get(user.token(), "/api/v1/chats/archived?order_by=title&direction=asc&skip=1&limit=1");
        Api.Reply badOrder = api.get(user.token(), "/api/v1/chats/archived?order_by=owner");

        assertThat(byTitle.list()).extracting(c -> c.get("title")).containsExactly("Alpha", "beta", "gamma");
        assertThat(query.list()).extracting(c -> c.get("title")).containsExactly("Alpha");
        assertThat(window.list()).extracting(c -> c.get("title")).containsExactly("beta");
        assertThat(badOrder.status()).isEqualTo(400);
        assertThat((String) badOrder.detail()).contains("updated_at", "created_at", "title");
    }

    @Test
    void anotherUsersChat_cannotBePinnedArchivedOrRead() {
        TestUsers.Account owner = TestUsers.signUp(client, "Owner");
        String c = chat(owner, "C");

        for (Api.Reply reply : List.of(api.post(stranger.token(), "/api/v1/chats/" + c + "/pin", null),
                api.get(stranger.token(), "/api/v1/chats/" + c + "/pinned"),
                api.post(stranger.token(), "/api/v1/chats/" + c + "/archive", null),
                api.get(stranger.token(), "/api/v1/chats/" + c + "/archive"))) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.detail()).isEqualTo(DEFAULT);
        }
        api.post(stranger.token(), "/api/v1/chats/archive/all", null);
        Map<String, Object> after = read(owner, c);
        assertThat(after.get("pinned")).isEqualTo(false);
        assertThat(after.get("archived")).isEqualTo(false);
    }
}
