package dev.chats.app.e2e;

import dev.chats.app.InProcessChatEvents;
import dev.chats.app.ws.SeenEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.chats.app.e2e.ChatLifecycleEndpointsTest.ACCESS_PROHIBITED;
import static dev.chats.app.e2e.ChatLifecycleEndpointsTest.NOT_FOUND;
import static org.assertj.core.api.Assertions.assertThat;

/** End to end over real HTTP on H2: Open WebUI's {@code /api/v1/folders} router, checks 39–40 and around them. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FoldersEndpointsTest {

    static final String FOLDERS = "/api/v1/folders";
    static final String FOLDER_EXISTS = "[ERROR: Folder already exists]";
    static final String CYCLE = "[ERROR: Folder cannot be moved into itself or its descendants]";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    @Inject
    InProcessChatEvents events;

    Api api;
    TestUsers.Account admin;

    @BeforeAll
    void signUpAdmin() {
        api = new Api(client, json);
        admin = TestUsers.signUp(client, "Admin");
        assertThat(admin.role()).isEqualTo("admin");
    }

    /** Each test gets its own user, so folder names never collide between tests. */
    private TestUsers.Account user(String name) {
        TestUsers.Account account = TestUsers.signUp(client, name);
        assertThat(account.role()).isEqualTo("user");
        return account;
    }

    private Api.Reply createFolder(TestUsers.Account who, String body) {
        Api.Reply reply = api.post(who.token(), FOLDERS + "/", body);
        assertThat(reply.status()).as(body + " -> " + reply.raw()).isEqualTo(200);
        return reply;
    }

    private String folder(TestUsers.Account who, String name) {
        return (String) createFolder(who, "{\"name\":\"" + name + "\"}").get("id");
    }

    private String folder(TestUsers.Account who, String name, String parent) {
        return (String) createFolder(who, "{\"name\":\"" + name + "\",\"parent_id\":\"" + parent + "\"}").get("id");
    }

    private String chatIn(TestUsers.Account who, String folderId) {
        Api.Reply reply = api.post(who.token(), "/api/v1/chats/new",
                "{\"chat\":{\"title\":\"in folder\"},\"folder_id\":\"" + folderId + "\"}");
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(reply.get("folder_id")).isEqualTo(folderId);
        return (String) reply.get("id");
    }

    private Api.Reply move(TestUsers.Account who, String id, String parentJson) {
        return api.post(who.token(), FOLDERS + "/" + id + "/update/parent", "{\"parent_id\":" + parentJson + "}");
    }

    private static String quoted(String id) {
        return "\"" + id + "\"";
    }

    @Test
    void check39_createAnswersFolderModel_duplicateNameInAnyCaseAnswers400_listAnswersNameIdItems() {
        TestUsers.Account u1 = user("Check 39");
        long before = System.currentTimeMillis() / 1000;

        Api.Reply created = createFolder(u1, "{\"name\":\"Work\"}");
        Api.Reply duplicate = api.post(u1.token(), FOLDERS + "/", "{\"name\":\"work\"}");
        Api.Reply list = api.get(u1.token(), FOLDERS + "/");

        Map<String, Object> folder = created.object();
        assertThat(new ArrayList<>(folder.keySet())).containsExactly("id", "parent_id", "user_id", "name", "items",
                "meta", "data", "is_expanded", "created_at", "updated_at", "access_grants");
        assertThat((String) folder.get("id")).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(folder.get("parent_id")).isNull();
        assertThat(folder.get("user_id")).isEqualTo(u1.id());
        assertThat(folder.get("name")).isEqualTo("Work");
        assertThat(folder.get("items")).isNull();
        assertThat(folder.get("meta")).isNull();
        assertThat(folder.get("data")).isNull();
        assertThat(folder.get("is_expanded")).isEqualTo(false);
        assertThat(((Number) folder.get("created_at")).longValue())
                .isEqualTo(((Number) folder.get("updated_at")).longValue()).isBetween(before, before + 5);

        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.object()).isEqualTo(Map.of("detail", FOLDER_EXISTS));

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.list()).hasSize(1);
        Map<String, Object> item = list.list().get(0);
        assertThat(new ArrayList<>(item.keySet())).containsExactly("id", "name", "meta", "parent_id", "is_expanded",
                "created_at", "updated_at");
        assertThat(item.get("id")).isEqualTo(folder.get("id"));
        assertThat(item.get("name")).isEqualTo("Work");
        assertThat(item.get("parent_id")).isNull();
        assertThat(item.get("is_expanded")).isEqualTo(false);
        assertThat(item.get("created_at")).isEqualTo(folder.get("created_at"));
    }

    @Test
    void bareCollectionPath_reachesListAndCreate() {
        TestUsers.Account u1 = user("Bare Path");

        Api.Reply created = api.post(u1.token(), FOLDERS, "{\"name\":\"Bare\"}");
        Api.Reply list = api.get(u1.token(), FOLDERS);

        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.list()).extracting(f -> f.get("name")).containsExactly("Bare");
    }

    @Test
    void folderNames_compareExactly_underscoreAndPercentAreNoWildcards() {
        TestUsers.Account u1 = user("Wildcards");
        folder(u1, "a_c");
        folder(u1, "100%");

        assertThat(api.post(u1.token(), FOLDERS + "/", "{\"name\":\"abc\"}").status()).isEqualTo(200);
        assertThat(api.post(u1.token(), FOLDERS + "/", "{\"name\":\"1000\"}").status()).isEqualTo(200);
        assertThat(api.post(u1.token(), FOLDERS + "/", "{\"name\":\"A_C\"}").status()).isEqualTo(400);
    }

    @Test
    void create_withParentMetaAndData_nestsAndStoresThem_namesAreUniquePerParentOnly() {
        TestUsers.Account u1 = user("Nested");
        String work = folder(u1, "Work");

        Api.Reply sub = createFolder(u1, "{\"name\":\"Work\",\"parent_id\":\"" + work + "\","
                + "\"meta\":{\"icon\":\"📁\",\"color\":\"red\"},\"data\":{\"system_prompt\":\"be brief\"},"
                + "\"unknown\":1}");
        Api.Reply again = api.post(u1.token(), FOLDERS + "/", "{\"name\":\"WORK\",\"parent_id\":\"" + work + "\"}");

        assertThat(sub.get("parent_id")).isEqualTo(work);
        assertThat(sub.get("meta")).isEqualTo(Map.of("icon", "📁", "color", "red"));
        assertThat(sub.get("data")).isEqualTo(Map.of("system_prompt", "be brief"));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.detail()).isEqualTo(FOLDER_EXISTS);
        assertThat(api.get(u1.token(), FOLDERS + "/" + sub.get("id")).object()).isEqualTo(sub.object());

        Map<String, Object> listed = api.get(u1.token(), FOLDERS + "/").list().stream()
                .filter(f -> f.get("id").equals(sub.get("id"))).findFirst().orElseThrow();
        assertThat(listed.get("parent_id")).isEqualTo(work);
        assertThat(listed.get("meta")).as("the list projects meta to FolderMetadataResponse {icon}")
                .isEqualTo(Map.of("icon", "📁"));
    }

    @Test
    void create_underAnUnknownOrAnotherUsersFolder_answers404AndCreatesNothing() {
        TestUsers.Account u1 = user("Parent Owner");
        TestUsers.Account u2 = user("Parent Thief");
        String theirs = folder(u1, "Theirs");

        Api.Reply foreign = api.post(u2.token(), FOLDERS + "/", "{\"name\":\"Mine\",\"parent_id\":\"" + theirs + "\"}");
        Api.Reply unknown = api.post(u2.token(), FOLDERS + "/", "{\"name\":\"Mine\",\"parent_id\":\"no-such-folder\"}");

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.detail()).isEqualTo(NOT_FOUND);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.detail()).isEqualTo(NOT_FOUND);
        assertThat(api.get(u2.token(), FOLDERS + "/").list()).isEmpty();
    }

    @Test
    void check40_treeOps_moveRenameMergeExpandUnknownAndDeleteWithContents() {
        TestUsers.Account u1 = user("Check 40");
        String f1 = (String) createFolder(u1, "{\"name\":\"F1\",\"meta\":{\"color\":\"red\"}}").get("id");
        String f2 = folder(u1, "F2");
        String c1 = chatIn(u1, f1);
        String c2 = chatIn(u1, f2);
        String elsewhere = chatIn(u1, folder(u1, "Elsewhere"));

        Api.Reply moved = move(u1, f2, quoted(f1));
        Api.Reply renamed = api.post(u1.token(), FOLDERS + "/" + f1 + "/update",
                "{\"name\":\"W2\",\"meta\":{\"icon\":\"x\"}}");
        Api.Reply expanded = api.post(u1.token(), FOLDERS + "/" + f1 + "/update/expanded", "{\"is_expanded\":true}");
        Api.Reply unknown = api.get(u1.token(), FOLDERS + "/00000000-0000-4000-8000-000000000000");

        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        assertThat(moved.get("parent_id")).isEqualTo(f1);
        assertThat(renamed.status()).as(renamed.raw()).isEqualTo(200);
        assertThat(renamed.get("name")).isEqualTo("W2");
        assertThat(renamed.get("meta")).isEqualTo(Map.of("color", "red", "icon", "x"));
        assertThat(expanded.status()).isEqualTo(200);
        assertThat(expanded.get("is_expanded")).isEqualTo(true);
        assertThat(expanded.get("name")).isEqualTo("W2");
        assertThat(api.get(u1.token(), FOLDERS + "/" + f1).get("is_expanded")).isEqualTo(true);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.object()).isEqualTo(Map.of("detail", NOT_FOUND));

        Api.Reply deleted = api.delete(u1.token(), FOLDERS + "/" + f1);

        assertThat(deleted.status()).as(deleted.raw()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo(true);
        assertThat(api.get(u1.token(), FOLDERS + "/" + f1).status()).isEqualTo(404);
        assertThat(api.get(u1.token(), FOLDERS + "/" + f2).status()).isEqualTo(404);
        assertThat(api.get(u1.token(), FOLDERS + "/").list()).extracting(f -> f.get("name"))
                .containsExactly("Elsewhere");
        assertThat(api.get(u1.token(), "/api/v1/chats/" + c1).status()).isEqualTo(401);
        assertThat(api.get(u1.token(), "/api/v1/chats/" + c2).status()).isEqualTo(401);
        assertThat(api.get(u1.token(), "/api/v1/chats/" + elsewhere).status()).isEqualTo(200);
    }

    @Test
    void delete_withoutContents_movesTheSubtreesChatsToTheRoot() {
        TestUsers.Account u1 = user("Keep Contents");
        String f1 = folder(u1, "F1");
        String f2 = folder(u1, "F2", f1);
        String c1 = chatIn(u1, f1);
        String c2 = chatIn(u1, f2);

        Api.Reply deleted = api.delete(u1.token(), FOLDERS + "/" + f1 + "?delete_contents=false");

        assertThat(deleted.status()).as(deleted.raw()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo(true);
        assertThat(api.get(u1.token(), FOLDERS + "/").list()).isEmpty();
        for (String chat : List.of(c1, c2)) {
            Api.Reply read = api.get(u1.token(), "/api/v1/chats/" + chat);
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.get("folder_id")).isNull();
        }
        assertThat(api.get(u1.token(), "/api/v1/chats/").list()).extracting(c -> c.get("id"))
                .contains(c1, c2);
    }

    @Test
    void delete_withExplicitTrue_deletesTheChats_andLeavesOtherUsersChatsAlone() {
        TestUsers.Account u1 = user("Delete True");
        TestUsers.Account u2 = user("Bystander");
        String f1 = folder(u1, "F1");
        String mine = chatIn(u1, f1);
        String theirs = chatIn(u2, folder(u2, "F1"));

        assertThat(api.delete(u1.token(), FOLDERS + "/" + f1 + "?delete_contents=true").body()).isEqualTo(true);

        assertThat(api.get(u1.token(), "/api/v1/chats/" + mine).status()).isEqualTo(401);
        assertThat(api.get(u2.token(), "/api/v1/chats/" + theirs).status()).isEqualTo(200);
    }

    @Test
    void move_toTheParentItAlreadyHas_isANoOp200() {
        TestUsers.Account u1 = user("No Op");
        String f1 = folder(u1, "F1");
        String f2 = folder(u1, "F2", f1);
        Map<String, Object> root = api.get(u1.token(), FOLDERS + "/" + f1).object();
        Map<String, Object> child = api.get(u1.token(), FOLDERS + "/" + f2).object();

        Api.Reply sameParent = move(u1, f2, quoted(f1));
        Api.Reply stillRoot = move(u1, f1, "null");
        Api.Reply emptyBody = api.post(u1.token(), FOLDERS + "/" + f1 + "/update/parent", "{}");

        assertThat(sameParent.status()).as(sameParent.raw()).isEqualTo(200);
        assertThat(sameParent.object()).isEqualTo(child);
        assertThat(stillRoot.status()).isEqualTo(200);
        assertThat(stillRoot.object()).isEqualTo(root);
        assertThat(emptyBody.status()).isEqualTo(200);
        assertThat(emptyBody.object()).isEqualTo(root);
    }

    @Test
    void move_backToTheRoot_clearsTheParent() {
        TestUsers.Account u1 = user("To Root");
        String f1 = folder(u1, "F1");
        String f2 = folder(u1, "F2", f1);

        Api.Reply moved = move(u1, f2, "null");

        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.get("parent_id")).isNull();
    }

    @Test
    void move_underItselfOrADescendant_answers400_andChangesNothing() {
        TestUsers.Account u1 = user("Cycles");
        String a = folder(u1, "A");
        String b = folder(u1, "B", a);
        String c = folder(u1, "C", b);
        List<Map<String, Object>> before = api.get(u1.token(), FOLDERS + "/").list();

        for (Api.Reply reply : List.of(move(u1, a, quoted(a)), move(u1, a, quoted(c)), move(u1, b, quoted(c)),
                move(u1, a, quoted(b)))) {
            assertThat(reply.status()).as(reply.raw()).isEqualTo(400);
            assertThat(reply.object()).isEqualTo(Map.of("detail", CYCLE));
        }
        assertThat(api.get(u1.token(), FOLDERS + "/").list()).isEqualTo(before);
    }

    @Test
    void move_underAnUnknownOrAnotherUsersFolder_answers404() {
        TestUsers.Account u1 = user("Mover");
        TestUsers.Account u2 = user("Other Tree");
        String mine = folder(u1, "Mine");
        String theirs = folder(u2, "Theirs");

        Api.Reply foreign = move(u1, mine, quoted(theirs));
        Api.Reply unknown = move(u1, mine, quoted("no-such-folder"));

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.detail()).isEqualTo(NOT_FOUND);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(api.get(u1.token(), FOLDERS + "/" + mine).get("parent_id")).isNull();
    }

    @Test
    void nameClashes_onRenameAndOnMove_answer400() {
        TestUsers.Account u1 = user("Clashes");
        String a = folder(u1, "A");
        folder(u1, "Notes", a);
        String notes = folder(u1, "notes");
        String home = folder(u1, "Home");

        Api.Reply movedIntoClash = move(u1, notes, quoted(a));
        Api.Reply renamedIntoClash = api.post(u1.token(), FOLDERS + "/" + home + "/update", "{\"name\":\"NOTES\"}");
        Api.Reply renamedToOwnName = api.post(u1.token(), FOLDERS + "/" + home + "/update", "{\"name\":\"HOME\"}");

        assertThat(movedIntoClash.status()).isEqualTo(400);
        assertThat(movedIntoClash.detail()).isEqualTo(FOLDER_EXISTS);
        assertThat(renamedIntoClash.status()).isEqualTo(400);
        assertThat(renamedIntoClash.detail()).isEqualTo(FOLDER_EXISTS);
        assertThat(renamedToOwnName.status()).isEqualTo(200);
        assertThat(renamedToOwnName.get("name")).isEqualTo("HOME");
        assertThat(api.get(u1.token(), FOLDERS + "/" + notes).get("parent_id")).isNull();
    }

    @Test
    void update_shallowMergesData_andKeepsWhatIsNotSent() {
        TestUsers.Account u1 = user("Merger");
        String id = (String) createFolder(u1, "{\"name\":\"P\",\"data\":{\"system_prompt\":\"a\","
                + "\"model_ids\":[\"m\"]},\"meta\":{\"icon\":\"i\"}}").get("id");

        Api.Reply updated = api.post(u1.token(), FOLDERS + "/" + id + "/update",
                "{\"data\":{\"model_ids\":[\"n\"],\"files\":[]}}");

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.get("name")).isEqualTo("P");
        assertThat(updated.get("meta")).isEqualTo(Map.of("icon", "i"));
        assertThat(updated.get("data")).isEqualTo(api.parse(
                "{\"system_prompt\":\"a\",\"model_ids\":[\"n\"],\"files\":[]}"));
        assertThat(api.get(u1.token(), FOLDERS + "/" + id).object()).isEqualTo(updated.object());
    }

    @Test
    void anotherUsersFolder_isInvisibleOnEveryRoute_andStaysUnchanged() {
        TestUsers.Account u1 = user("Folder Owner");
        TestUsers.Account u2 = user("Folder Snoop");
        String id = folder(u1, "Private");
        String chat = chatIn(u1, id);
        String own = folder(u2, "Own");
        Map<String, Object> original = api.get(u1.token(), FOLDERS + "/" + id).object();

        List<Api.Reply> replies = List.of(
                api.get(u2.token(), FOLDERS + "/" + id),
                api.post(u2.token(), FOLDERS + "/" + id + "/update", "{\"name\":\"Stolen\"}"),
                move(u2, id, quoted(own)),
                api.post(u2.token(), FOLDERS + "/" + id + "/update/expanded", "{\"is_expanded\":true}"),
                api.delete(u2.token(), FOLDERS + "/" + id),
                api.delete(u2.token(), FOLDERS + "/" + id + "?delete_contents=false"));

        for (Api.Reply reply : replies) {
            assertThat(reply.status()).as(reply.raw()).isEqualTo(404);
            assertThat(reply.object()).isEqualTo(Map.of("detail", NOT_FOUND));
        }
        assertThat(api.get(u2.token(), FOLDERS + "/").list()).extracting(f -> f.get("id")).containsExactly(own);
        assertThat(api.get(u1.token(), FOLDERS + "/" + id).object()).isEqualTo(original);
        assertThat(api.get(u1.token(), "/api/v1/chats/" + chat).get("folder_id")).isEqualTo(id);
    }

    @Test
    void adminGetsNoAccessToOthersFolders() {
        TestUsers.Account u1 = user("Admin Proof");
        String id = folder(u1, "Private");

        assertThat(api.get(admin.token(), FOLDERS + "/" + id).status()).isEqualTo(404);
        assertThat(api.delete(admin.token(), FOLDERS + "/" + id).status()).isEqualTo(404);
        assertThat(api.get(u1.token(), FOLDERS + "/" + id).status()).isEqualTo(200);
    }

    @Test
    void badBodies_answer422WithFastApiDetail_andChangeNothing() {
        TestUsers.Account u1 = user("Bad Bodies");
        String id = folder(u1, "Keep");
        Map<String, Object> original = api.get(u1.token(), FOLDERS + "/" + id).object();
        String[][] cases = {
                {FOLDERS + "/", "{not json"}, {FOLDERS + "/", ""}, {FOLDERS + "/", "[1]"}, {FOLDERS + "/", "{}"},
                {FOLDERS + "/", "{\"name\":5}"}, {FOLDERS + "/", "{\"name\":null}"}, {FOLDERS + "/", "{\"name\":\"\"}"},
                {FOLDERS + "/", "{\"name\":\"" + "n".repeat(256) + "\"}"},
                {FOLDERS + "/", "{\"name\":\"x\",\"meta\":\"s\"}"}, {FOLDERS + "/", "{\"name\":\"x\",\"data\":[1]}"},
                {FOLDERS + "/", "{\"name\":\"x\",\"parent_id\":5}"},
                {FOLDERS + "/" + id + "/update", "{\"name\":5}"}, {FOLDERS + "/" + id + "/update", "{\"meta\":1}"},
                {FOLDERS + "/" + id + "/update", "nope"}, {FOLDERS + "/" + id + "/update", ""},
                {FOLDERS + "/" + id + "/update/parent", "{\"parent_id\":1}"},
                {FOLDERS + "/" + id + "/update/parent", "[]"}, {FOLDERS + "/" + id + "/update/parent", ""},
                {FOLDERS + "/" + id + "/update/expanded", "{}"},
                {FOLDERS + "/" + id + "/update/expanded", "{\"is_expanded\":\"maybe\"}"},
                {FOLDERS + "/" + id + "/update/expanded", "{\"is_expanded\":null}"},
                {FOLDERS + "/" + id + "/update/expanded", "{\"is_expanded\":[true]}"},
                {FOLDERS + "/" + id + "/update/expanded", "{bad"},
        };
        for (String[] c : cases) {
            Api.Reply reply = api.post(u1.token(), c[0], c[1]);
            assertThat(reply.status()).as(c[0] + " " + c[1] + " -> " + reply.raw()).isEqualTo(422);
            assertThat(reply.detail()).as(c[1]).isInstanceOf(List.class);
        }
        Api.Reply badQuery = api.delete(u1.token(), FOLDERS + "/" + id + "?delete_contents=maybe");
        assertThat(badQuery.status()).isEqualTo(422);

        Api.Reply missingName = api.post(u1.token(), FOLDERS + "/", "{}");
        Map<String, Object> error = castList(missingName.detail()).get(0);
        assertThat(error.get("loc")).isEqualTo(List.of("body", "name"));
        assertThat(error.get("type")).isEqualTo("missing");
        Map<String, Object> notBool = castList(api.post(u1.token(), FOLDERS + "/" + id + "/update/expanded",
                "{\"is_expanded\":\"maybe\"}").detail()).get(0);
        assertThat(notBool.get("loc")).isEqualTo(List.of("body", "is_expanded"));

        assertThat(api.get(u1.token(), FOLDERS + "/").list()).hasSize(1);
        assertThat(api.get(u1.token(), FOLDERS + "/" + id).object()).isEqualTo(original);
    }

    @Test
    void expanded_acceptsWhatPydanticAcceptsAsBoolean() {
        TestUsers.Account u1 = user("Lax Bools");
        String id = folder(u1, "F");

        assertThat(api.post(u1.token(), FOLDERS + "/" + id + "/update/expanded", "{\"is_expanded\":1}")
                .get("is_expanded")).isEqualTo(true);
        assertThat(api.post(u1.token(), FOLDERS + "/" + id + "/update/expanded", "{\"is_expanded\":\"false\"}")
                .get("is_expanded")).isEqualTo(false);
    }

    @Test
    void withoutAToken_everyRouteAnswers403NotAuthenticated() {
        Api.Reply list = api.get(null, FOLDERS + "/");
        Api.Reply create = api.post(null, FOLDERS + "/", "{\"name\":\"x\"}");

        assertThat(list.status()).isEqualTo(403);
        assertThat(list.object()).isEqualTo(Map.of("detail", "Not authenticated"));
        assertThat(create.status()).isEqualTo(403);
    }

    @Test
    void writes_publishFolderEventsToTheOwner() {
        TestUsers.Account u1 = user("Events");
        List<SeenEvent> seen = new CopyOnWriteArrayList<>();
        Runnable unsubscribe = events.subscribe(event -> {
            if (event.recipient().value().equals(u1.id())) {
                seen.add(SeenEvent.of(event));
            }
        });
        try {
            String id = folder(u1, "E");
            api.post(u1.token(), FOLDERS + "/" + id + "/update/expanded", "{\"is_expanded\":true}");
            api.delete(u1.token(), FOLDERS + "/" + id);
        } finally {
            unsubscribe.run();
        }

        assertThat(seen).extracting(SeenEvent::type)
                .containsExactly("folder:created", "folder:updated", "folder:deleted");
        assertThat(seen.get(1).data()).containsEntry("is_expanded", true).containsEntry("name", "E");
    }

    /**
     * With {@code chat.delete} not granted: deleting a folder tree that holds chats answers 403 (the folders
     * router's status, §6.7) for users; keeping the chats, an empty tree, or an admin may go ahead. Runs its own
     * server, as the permission is read at start-up.
     */
    @Test
    void withoutChatDelete_deletingAFolderWithChats_answers403_unlessTheChatsAreKeptOrTheCallerIsAdmin() {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
                Map.of("chats.permissions.chat.delete", "false"), "test");
             HttpClient restricted = HttpClient.create(server.getURL())) {
            Api rapi = new Api(restricted, json);
            TestUsers.Account radmin = TestUsers.signUp(restricted, "Admin");
            TestUsers.Account ruser = TestUsers.signUp(restricted, "User");
            assertThat(radmin.role()).isEqualTo("admin");

            String parent = (String) rapi.post(ruser.token(), FOLDERS + "/", "{\"name\":\"P\"}").get("id");
            String child = (String) rapi.post(ruser.token(), FOLDERS + "/",
                    "{\"name\":\"C\",\"parent_id\":\"" + parent + "\"}").get("id");
            String empty = (String) rapi.post(ruser.token(), FOLDERS + "/", "{\"name\":\"Empty\"}").get("id");
            String chat = (String) rapi.post(ruser.token(), "/api/v1/chats/new",
                    "{\"chat\":{},\"folder_id\":\"" + child + "\"}").get("id");

            Api.Reply prohibited = rapi.delete(ruser.token(), FOLDERS + "/" + parent);

            assertThat(prohibited.status()).as(prohibited.raw()).isEqualTo(403);
            assertThat(prohibited.object()).isEqualTo(Map.of("detail", ACCESS_PROHIBITED));
            assertThat(rapi.get(ruser.token(), FOLDERS + "/").list()).hasSize(3);
            assertThat(rapi.get(ruser.token(), "/api/v1/chats/" + chat).get("folder_id")).isEqualTo(child);

            assertThat(rapi.delete(ruser.token(), FOLDERS + "/" + empty).body()).isEqualTo(true);
            assertThat(rapi.delete(ruser.token(), FOLDERS + "/" + parent + "?delete_contents=false").body())
                    .isEqualTo(true);
            assertThat(rapi.get(ruser.token(), "/api/v1/chats/" + chat).get("folder_id")).isNull();
            assertThat(rapi.get(ruser.token(), FOLDERS + "/").list()).isEmpty();

            String adminFolder = (String) rapi.post(radmin.token(), FOLDERS + "/", "{\"name\":\"A\"}").get("id");
            String adminChat = (String) rapi.post(radmin.token(), "/api/v1/chats/new",
                    "{\"chat\":{},\"folder_id\":\"" + adminFolder + "\"}").get("id");
            assertThat(rapi.delete(radmin.token(), FOLDERS + "/" + adminFolder).body()).isEqualTo(true);
            assertThat(rapi.get(radmin.token(), "/api/v1/chats/" + adminChat).status()).isEqualTo(401);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> castList(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @Test
    void updateItems_olderFrontEndRoute_answersTheFolder_404ForOthers_422ForBadBodies() {
        TestUsers.Account owner = user("Items Owner");
        TestUsers.Account other = user("Items Other");
        String id = folder(owner, "Legacy items");
        Map<String, Object> before = api.get(owner.token(), FOLDERS + "/" + id).object();

        Api.Reply reply = api.post(owner.token(), FOLDERS + "/" + id + "/update/items",
                "{\"items\":{\"chats\":[]}}");

        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(reply.object()).isEqualTo(before);
        Api.Reply foreign = api.post(other.token(), FOLDERS + "/" + id + "/update/items", "{\"items\":{}}");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.detail()).isEqualTo(ChatLifecycleEndpointsTest.NOT_FOUND);
        assertThat(api.post(owner.token(), FOLDERS + "/" + java.util.UUID.randomUUID() + "/update/items",
                "{\"items\":{}}").status()).isEqualTo(404);
        assertThat(api.post(owner.token(), FOLDERS + "/" + id + "/update/items", "{}").status()).isEqualTo(422);
        assertThat(api.post(owner.token(), FOLDERS + "/" + id + "/update/items", "{\"items\":[1]}").status())
                .isEqualTo(422);
    }
}
