package dev.chats.app.e2e;

import dev.chats.app.TestClock;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end over real HTTP on H2: {@code GET /api/v1/chats/search} (reference §4.6, §5 and checks 28–32), with
 * COMPATIBILITY.md's decisions: the phrase is matched against titles and the content of both
 * {@code history.messages} and the legacy {@code messages} list, {@code %}/{@code _} are literal, and a
 * {@code folder:} filter that names no folder finds nothing. Every test works with its own fresh user, so results
 * are exactly that user's chats.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatSearchEndpointsTest {

    static final String CHATS = "/api/v1/chats";

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

    private String create(TestUsers.Account who, String chatJson) {
        Api.Reply reply = api.post(who.token(), CHATS + "/new", "{\"chat\":" + chatJson + "}");
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return (String) reply.get("id");
    }

    private String titled(TestUsers.Account who, String title) {
        return create(who, "{\"title\":" + api.write(title) + "}");
    }

    private void tag(TestUsers.Account who, String chatId, String name) {
        Api.Reply reply = api.post(who.token(), CHATS + "/" + chatId + "/tags", "{\"name\":" + api.write(name) + "}");
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
    }

    private void pin(TestUsers.Account who, String chatId) {
        Api.Reply reply = api.post(who.token(), CHATS + "/" + chatId + "/pin", null);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(reply.get("pinned")).isEqualTo(true);
    }

    private void archive(TestUsers.Account who, String chatId) {
        Api.Reply reply = api.post(who.token(), CHATS + "/" + chatId + "/archive", null);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(reply.get("archived")).isEqualTo(true);
    }

    private void share(TestUsers.Account who, String chatId) {
        Api.Reply reply = api.post(who.token(), CHATS + "/" + chatId + "/share", null);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(reply.get("share_id")).isNotNull();
    }

    private String folder(TestUsers.Account who, String name, String parentId) {
        String body = parentId == null ? "{\"name\":" + api.write(name) + "}"
                : "{\"name\":" + api.write(name) + ",\"parent_id\":\"" + parentId + "\"}";
        Api.Reply reply = api.post(who.token(), "/api/v1/folders/", body);
        assertThat(reply.status()).as("create folder " + name + ": " + reply.raw()).isEqualTo(200);
        return (String) reply.get("id");
    }

    private void move(TestUsers.Account who, String chatId, String folderId) {
        Api.Reply reply = api.post(who.token(), CHATS + "/" + chatId + "/folder", "{\"folder_id\":\"" + folderId + "\"}");
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(reply.get("folder_id")).isEqualTo(folderId);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Api.Reply searchReply(TestUsers.Account who, String text) {
        return api.get(who.token(), CHATS + "/search?text=" + encode(text));
    }

    /** The ids the search answers, in answer order; fails unless it answered 200. */
    private List<Object> search(TestUsers.Account who, String text) {
        Api.Reply reply = searchReply(who, text);
        assertThat(reply.status()).as(text + " -> " + reply.raw()).isEqualTo(200);
        return reply.list().stream().map(c -> c.get("id")).toList();
    }

    private List<Object> searchPage(TestUsers.Account who, String text, int page) {
        Api.Reply reply = api.get(who.token(), CHATS + "/search?text=" + encode(text) + "&page=" + page);
        assertThat(reply.status()).as(text + " page " + page + " -> " + reply.raw()).isEqualTo(200);
        return reply.list().stream().map(c -> c.get("id")).toList();
    }

    // ---------------------------------------------------------------------------------------------- phrase

    @Test
    void phrase_matchesTitlesAndBothKindsOfMessageContent_caseInsensitively() {
        TestUsers.Account u = user("Phrase");
        String alphaReport = titled(u, "Alpha report");
        String beta = create(u, "{\"title\":\"Beta\",\"messages\":[{\"role\":\"user\",\"content\":\"hmm\"},"
                + "{\"role\":\"assistant\",\"content\":\"alpha inside\"}]}");
        String gamma = create(u, "{\"title\":\"Gamma\",\"history\":{\"currentId\":\"m2\",\"messages\":{"
                + "\"m1\":{\"id\":\"m1\",\"role\":\"user\",\"content\":\"question\"},"
                + "\"m2\":{\"id\":\"m2\",\"parentId\":\"m1\",\"role\":\"assistant\",\"content\":\"the ALPHA wave\"}}}}");
        String delta = create(u, "{\"title\":\"Delta\",\"history\":{\"messages\":{\"x\":{\"content\":\"nothing\"}}},"
                + "\"messages\":[{\"content\":\"also nothing\"}]}");

        assertThat(search(u, "ALPHA")).containsExactlyInAnyOrder(alphaReport, beta, gamma);
        assertThat(search(u, "alpha")).containsExactlyInAnyOrder(alphaReport, beta, gamma);
        assertThat(search(u, "Report")).containsExactly(alphaReport);
        assertThat(search(u, "inside")).containsExactly(beta);
        assertThat(search(u, "alpha wave")).containsExactly(gamma);
        assertThat(search(u, "question")).containsExactly(gamma);
        assertThat(search(u, "alpha report")).containsExactly(alphaReport);
        assertThat(search(u, "nothing")).containsExactly(delta);
        assertThat(search(u, "no such words")).isEmpty();
    }

    @Test
    void phrase_mustOccurWithinOneMessage_notAcrossNeighbouringMessages() {
        TestUsers.Account u = user("Across");
        create(u, "{\"title\":\"t\",\"messages\":[{\"content\":\"hello\"},{\"content\":\"world\"}],"
                + "\"history\":{\"messages\":{\"a\":{\"content\":\"good\"},\"b\":{\"content\":\"morning\"}}}}");

        assertThat(search(u, "hello world")).isEmpty();
        assertThat(search(u, "good morning")).isEmpty();
        assertThat(search(u, "hello")).hasSize(1);
        assertThat(search(u, "morning")).hasSize(1);
    }

    @Test
    void answerItems_areTitleIdResponses_mostRecentlyUpdatedFirst() {
        TestUsers.Account u = user("Order");
        String a = titled(u, "order A");
        clock.advance(Duration.ofSeconds(1));
        String b = titled(u, "order B");
        clock.advance(Duration.ofSeconds(1));
        String c = titled(u, "order C");

        Api.Reply reply = searchReply(u, "order");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.list()).extracting(x -> x.get("id")).containsExactly(c, b, a);
        assertThat(reply.list()).allSatisfy(item -> assertThat(new ArrayList<>(item.keySet()))
                .containsExactly("id", "title", "updated_at", "created_at"));
        assertThat(reply.list().get(0).get("title")).isEqualTo("order C");

        clock.advance(Duration.ofSeconds(1));
        api.post(u.token(), CHATS + "/" + a, "{\"chat\":{\"title\":\"order A edited\"}}");

        assertThat(search(u, "order")).containsExactly(a, c, b);
    }

    @Test
    void results_comeInPagesOfSixty() {
        TestUsers.Account u = user("Pages");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 61; i++) {
            ids.add(titled(u, "paged chat " + i));
        }
        titled(u, "unrelated");

        List<Object> page1 = searchPage(u, "paged", 1);
        List<Object> page2 = searchPage(u, "paged", 2);
        List<Object> page3 = searchPage(u, "paged", 3);
        List<Object> noPage = search(u, "paged");

        assertThat(page1).hasSize(60);
        assertThat(page2).hasSize(1);
        assertThat(page3).isEmpty();
        assertThat(noPage).isEqualTo(page1);
        List<Object> all = new ArrayList<>(page1);
        all.addAll(page2);
        assertThat(new HashSet<>(all)).hasSize(61).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void percentAndUnderscore_andOtherLikeSpecials_areLiteralCharacters() {
        TestUsers.Account u = user("Literal");
        String growth = titled(u, "Growth 500");
        String discount = titled(u, "Discount 50% off");
        String promo = create(u, "{\"title\":\"Promo\",\"history\":{\"messages\":{\"m\":{\"content\":\"save 50% today\"}}}}");
        String legacy = create(u, "{\"title\":\"Legacy\",\"messages\":[{\"content\":\"only 50% left\"}]}");
        String underscore = titled(u, "file_name.txt");
        String lookalike = titled(u, "filexname.txt");
        String bang = titled(u, "Wow! great");
        String noBang = titled(u, "Wowx great");
        String backslash = titled(u, "C:\\temp\\x");

        assertThat(search(u, "50%")).containsExactlyInAnyOrder(discount, promo, legacy);
        assertThat(search(u, "%")).containsExactlyInAnyOrder(discount, promo, legacy);
        assertThat(search(u, "500")).containsExactly(growth);
        assertThat(search(u, "file_name")).containsExactly(underscore);
        assertThat(search(u, "_")).containsExactly(underscore);
        assertThat(search(u, "filexname")).containsExactly(lookalike);
        assertThat(search(u, "wow!")).containsExactly(bang);
        assertThat(search(u, "!")).containsExactly(bang);
        assertThat(search(u, "wowx")).containsExactly(noBang);
        assertThat(search(u, "\\temp")).containsExactly(backslash);
        assertThat(search(u, "%%")).isEmpty();
    }

    @Test
    void searchSeesTheLatestContent_afterUpdatesAndMessageUpserts() {
        TestUsers.Account u = user("Fresh");
        String id = create(u, "{\"title\":\"Original title\",\"history\":{\"currentId\":\"m1\",\"messages\":{"
                + "\"m1\":{\"id\":\"m1\",\"role\":\"user\",\"content\":\"kangaroo facts\"}}},"
                + "\"messages\":[{\"content\":\"platypus notes\"}]}");
        assertThat(search(u, "kangaroo")).containsExactly(id);
        assertThat(search(u, "platypus")).containsExactly(id);

        Api.Reply upsert = api.post(u.token(), CHATS + "/" + id + "/messages/m1", "{\"content\":\"wombat facts\"}");
        assertThat(upsert.status()).as(upsert.raw()).isEqualTo(200);
        Api.Reply added = api.post(u.token(), CHATS + "/" + id + "/messages/m2", "{\"content\":\"echidna trivia\"}");
        assertThat(added.status()).as(added.raw()).isEqualTo(200);
        Api.Reply update = api.post(u.token(), CHATS + "/" + id,
                "{\"chat\":{\"title\":\"Renamed\",\"messages\":[{\"content\":\"koala list\"}]}}");
        assertThat(update.status()).isEqualTo(200);

        assertThat(search(u, "kangaroo")).isEmpty();
        assertThat(search(u, "platypus")).isEmpty();
        assertThat(search(u, "original")).isEmpty();
        assertThat(search(u, "wombat")).containsExactly(id);
        assertThat(search(u, "echidna")).containsExactly(id);
        assertThat(search(u, "koala")).containsExactly(id);
        assertThat(search(u, "renamed")).containsExactly(id);

        Api.Reply replaced = api.post(u.token(), CHATS + "/" + id,
                "{\"chat\":{\"history\":{\"currentId\":\"z\",\"messages\":{\"z\":{\"content\":\"quokka\"}}}}}");
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(search(u, "wombat")).isEmpty();
        assertThat(search(u, "echidna")).isEmpty();
        assertThat(search(u, "quokka")).containsExactly(id);
    }

    @Test
    void clonesAndSharedClones_areSearchableByTheirMessageContent() {
        TestUsers.Account owner = user("Clone source");
        TestUsers.Account cloner = user("Clone taker");
        String original = create(owner, "{\"title\":\"Source\",\"history\":{\"currentId\":\"m\",\"messages\":{"
                + "\"m\":{\"id\":\"m\",\"content\":\"axolotl habitat\"}}},\"messages\":[{\"content\":\"legacy gecko\"}]}");
        Api.Reply clone = api.post(owner.token(), CHATS + "/" + original + "/clone", "{\"title\":\"Copy\"}");
        assertThat(clone.status()).as(clone.raw()).isEqualTo(200);
        Api.Reply shared = api.post(owner.token(), CHATS + "/" + original + "/share", null);
        Api.Reply sharedClone = api.post(cloner.token(), CHATS + "/" + shared.get("share_id") + "/clone/shared", null);
        assertThat(sharedClone.status()).as(sharedClone.raw()).isEqualTo(200);

        assertThat(search(owner, "axolotl")).containsExactlyInAnyOrder(original, clone.get("id"));
        assertThat(search(owner, "gecko")).containsExactlyInAnyOrder(original, clone.get("id"));
        assertThat(search(cloner, "axolotl")).containsExactly(sharedClone.get("id"));
        assertThat(search(cloner, "gecko")).containsExactly(sharedClone.get("id"));
    }

    @Test
    void caseInsensitivity_coversNonAsciiLetters() {
        TestUsers.Account u = user("Umlaut");
        String title = titled(u, "ÄRGER mit Öl");
        String content = create(u, "{\"title\":\"x\",\"history\":{\"messages\":{\"m\":{\"content\":\"ÉCOLE\"}}}}");

        assertThat(search(u, "ärger")).containsExactly(title);
        assertThat(search(u, "öl")).containsExactly(title);
        assertThat(search(u, "école")).containsExactly(content);
    }

    @Test
    void importedChats_areSearchable_byContentAndTag() {
        TestUsers.Account u = user("Imported");
        Api.Reply imported = api.post(u.token(), CHATS + "/import", "{\"chats\":[{\"chat\":{\"title\":\"Imp\","
                + "\"history\":{\"messages\":{\"m\":{\"content\":\"narwhal\"}}}},\"meta\":{\"tags\":[\"imported_tag\"]}}]}");
        assertThat(imported.status()).as(imported.raw()).isEqualTo(200);
        Object id = imported.list().get(0).get("id");

        assertThat(search(u, "narwhal")).containsExactly(id);
        assertThat(search(u, "tag:imported_tag")).containsExactly(id);
        assertThat(search(u, "tag:none")).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------- filters

    @Test
    void tagFilters_areAndedAndNormalised_andTagNoneMeansUntagged() {
        TestUsers.Account u = user("Tags");
        String ab = titled(u, "alpha AB");
        tag(u, ab, "a");
        tag(u, ab, "b");
        String a = titled(u, "beta A");
        tag(u, a, "a");
        String b = titled(u, "alpha B");
        tag(u, b, "b");
        String none = titled(u, "alpha none");
        String cleared = titled(u, "cleared");
        tag(u, cleared, "a");
        api.delete(u.token(), CHATS + "/" + cleared + "/tags", "{\"name\":\"a\"}");
        String spaced = titled(u, "spaced");
        tag(u, spaced, "My Tag");

        assertThat(search(u, "tag:a")).containsExactlyInAnyOrder(ab, a);
        assertThat(search(u, "tag:b")).containsExactlyInAnyOrder(ab, b);
        assertThat(search(u, "tag:a tag:b")).containsExactly(ab);
        assertThat(search(u, "tag:b tag:a")).containsExactly(ab);
        assertThat(search(u, "TAG:A")).containsExactlyInAnyOrder(ab, a);
        assertThat(search(u, "tag:my_tag")).containsExactly(spaced);
        assertThat(search(u, "tag:My_Tag")).containsExactly(spaced);
        assertThat(search(u, "tag:none")).containsExactlyInAnyOrder(none, cleared);
        assertThat(search(u, "tag:none tag:a")).containsExactlyInAnyOrder(none, cleared);
        assertThat(search(u, "tag:unknown")).isEmpty();
        assertThat(search(u, "alpha tag:b")).containsExactlyInAnyOrder(ab, b);
        assertThat(search(u, "tag:a alpha")).containsExactly(ab);
        assertThat(search(u, "alpha tag:none")).containsExactly(none);
    }

    @Test
    void tagFilter_findsArchivedChatsOnlyWhenArchivedIsAsked() {
        TestUsers.Account u = user("Archived Tags");
        String live = titled(u, "live");
        tag(u, live, "x");
        String old = titled(u, "old");
        tag(u, old, "x");
        archive(u, old);

        assertThat(search(u, "tag:x")).containsExactly(live);
        assertThat(search(u, "tag:x archived:true")).containsExactly(old);
    }

    @Test
    void pinnedArchivedAndSharedFilters_andTheirCombinations() {
        TestUsers.Account u = user("Flags");
        String plain = titled(u, "plain");
        String pinned = titled(u, "pinned one");
        pin(u, pinned);
        String archived = titled(u, "archived one");
        archive(u, archived);
        String pinnedArchived = titled(u, "pinned and archived");
        pin(u, pinnedArchived);
        archive(u, pinnedArchived);
        String shared = titled(u, "shared one");
        share(u, shared);
        String sharedArchived = titled(u, "shared and archived");
        share(u, sharedArchived);
        archive(u, sharedArchived);

        assertThat(search(u, "pinned:true")).containsExactly(pinned);
        assertThat(search(u, "pinned:false")).containsExactlyInAnyOrder(plain, shared);
        assertThat(search(u, "archived:true")).containsExactlyInAnyOrder(archived, pinnedArchived, sharedArchived);
        assertThat(search(u, "archived:false")).containsExactlyInAnyOrder(plain, pinned, shared);
        assertThat(search(u, "shared:true")).containsExactly(shared);
        assertThat(search(u, "shared:false")).containsExactlyInAnyOrder(plain, pinned);
        assertThat(search(u, "pinned:true archived:true")).containsExactly(pinnedArchived);
        assertThat(search(u, "shared:true archived:true")).containsExactly(sharedArchived);
        assertThat(search(u, "archived:true shared:false pinned:false")).containsExactly(archived);
        assertThat(search(u, "PINNED:TRUE")).containsExactly(pinned);
        assertThat(search(u, "one")).containsExactlyInAnyOrder(pinned, shared);
        assertThat(search(u, "one archived:true")).containsExactly(archived);
        assertThat(search(u, "archived pinned:true")).isEmpty();
        assertThat(search(u, "pinned:maybe")).containsExactlyInAnyOrder(plain, pinned, shared);
        assertThat(search(u, "pinned:maybe plain")).containsExactly(plain);
    }

    @Test
    void unsharing_takesTheChatOutOfSharedTrue() {
        TestUsers.Account u = user("Unshare");
        String id = titled(u, "was shared");
        share(u, id);
        assertThat(search(u, "shared:true")).containsExactly(id);

        api.delete(u.token(), CHATS + "/" + id + "/share");

        assertThat(search(u, "shared:true")).isEmpty();
        assertThat(search(u, "shared:false")).containsExactly(id);
    }

    @Test
    void blankText_listsEveryNonArchivedChat_includingPinnedAndFiled_andMissingTextIs422() {
        TestUsers.Account u = user("Blank");
        String plain = titled(u, "plain");
        String pinned = titled(u, "pinned");
        pin(u, pinned);
        String filed = titled(u, "filed");
        move(u, filed, folder(u, "Box", null));
        archive(u, titled(u, "archived"));

        List<Object> expected = api.get(u.token(), CHATS + "/?include_pinned=true&include_folders=true").list()
                .stream().map(c -> c.get("id")).toList();
        assertThat(expected).containsExactlyInAnyOrder(plain, pinned, filed);

        assertThat(search(u, "  ")).isEqualTo(expected);
        assertThat(search(u, "")).isEqualTo(expected);

        Api.Reply missing = api.get(u.token(), CHATS + "/search");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.detail()).isInstanceOf(List.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> error = ((List<Map<String, Object>>) missing.detail()).get(0);
        assertThat(error.get("loc")).isEqualTo(List.of("query", "text"));
        assertThat(error.get("type")).isEqualTo("missing");
        assertThat(api.get(u.token(), CHATS + "/search?text=x&page=abc").status()).isEqualTo(422);
    }

    @Test
    void extremePageNumbers_neverAnswer500() {
        TestUsers.Account u = user("Far pages");
        titled(u, "x");

        for (String page : List.of("9223372036854775807", "153722867280912931", "99999999999999999999999")) {
            Api.Reply reply = api.get(u.token(), CHATS + "/search?text=x&page=" + page);
            assertThat(reply.status()).as(page + " -> " + reply.raw()).isIn(200, 422);
            if (reply.status() == 200) {
                assertThat(reply.list()).as(page).isEmpty();
            }
        }
    }

    @Test
    void withoutAToken_answers403() {
        Api.Reply reply = api.get(null, CHATS + "/search?text=x");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.object()).isEqualTo(Map.of("detail", "Not authenticated"));
    }

    @Test
    void neverReturnsAnotherUsersChats_whateverTheFilter() {
        TestUsers.Account mine = user("Searcher");
        TestUsers.Account other = user("Other");
        String own = titled(mine, "zebra mine");
        String theirs = create(other, "{\"title\":\"zebra theirs\",\"messages\":[{\"content\":\"zebra\"}]}");
        tag(other, theirs, "zebra");
        pin(other, theirs);
        share(other, theirs);
        String theirArchived = titled(other, "zebra archived");
        archive(other, theirArchived);

        for (String text : List.of("zebra", "theirs", "tag:zebra", "pinned:true", "shared:true", "archived:true",
                "tag:none", "", "pinned:false", "zebra archived:true")) {
            assertThat(search(mine, text)).as(text).doesNotContain(theirs, theirArchived);
        }
        assertThat(search(mine, "zebra")).containsExactly(own);
        assertThat(search(other, "zebra")).containsExactly(theirs);
        assertThat(search(admin, "zebra")).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------- folder:
    // These use POST /api/v1/folders/ (with parent_id) and POST /api/v1/chats/{id}/folder.

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class FolderFilter {

        TestUsers.Account u;
        String top;
        String sub;
        String deep;
        String other;
        String snake;
        String inTop;
        String inSub;
        String inDeep;
        String inOther;
        String inSnake;
        String atRoot;

        @BeforeAll
        void buildTree() {
            u = user("Folders");
            String myFolder = folder(u, "My Folder", null);
            String subFolder = folder(u, "Sub", myFolder);
            String deepFolder = folder(u, "Deep", subFolder);
            String otherFolder = folder(u, "Other", null);
            String snakeFolder = folder(u, "Snake_Case", null);
            top = myFolder;
            sub = subFolder;
            deep = deepFolder;
            other = otherFolder;
            snake = snakeFolder;
            inTop = titled(u, "top chat");
            move(u, inTop, myFolder);
            inSub = titled(u, "sub chat");
            move(u, inSub, subFolder);
            inDeep = titled(u, "deep chat");
            move(u, inDeep, deepFolder);
            inOther = titled(u, "other chat");
            move(u, inOther, otherFolder);
            inSnake = titled(u, "snake chat");
            move(u, inSnake, snakeFolder);
            atRoot = titled(u, "root chat");
        }

        @Test
        void folderFilter_includesSubfolders_treatsUnderscoreAsSpace_andIgnoresCase() {
            assertThat(search(u, "folder:my_folder")).containsExactlyInAnyOrder(inTop, inSub, inDeep);
            assertThat(search(u, "folder:MY_FOLDER")).containsExactlyInAnyOrder(inTop, inSub, inDeep);
            assertThat(search(u, "folder:sub")).containsExactlyInAnyOrder(inSub, inDeep);
            assertThat(search(u, "folder:deep")).containsExactly(inDeep);
            assertThat(search(u, "folder:other")).containsExactly(inOther);
            assertThat(search(u, "folder:snake_case")).containsExactly(inSnake);
        }

        @Test
        void folderFilter_namingNoFolder_findsNothing_andNeverActsAsAWildcardOrPrefix() {
            assertThat(search(u, "folder:nothing")).isEmpty();
            assertThat(search(u, "folder:my")).isEmpty();
            assertThat(search(u, "folder:my%")).isEmpty();
            assertThat(search(u, "folder:%")).isEmpty();
            assertThat(search(u, "folder:s_b")).isEmpty();
            assertThat(search(u, "folder:nothing chat")).isEmpty();
        }

        @Test
        void folderFilter_combinesWithThePhraseAndOtherFilters() {
            String pinnedInTop = titled(u, "pinned top chat");
            move(u, pinnedInTop, top);
            pin(u, pinnedInTop);
            try {
                assertThat(search(u, "deep folder:my_folder")).containsExactly(inDeep);
                assertThat(search(u, "folder:my_folder top")).containsExactlyInAnyOrder(inTop, pinnedInTop);
                assertThat(search(u, "folder:my_folder pinned:true")).containsExactly(pinnedInTop);
                assertThat(search(u, "folder:sub folder:other")).containsExactlyInAnyOrder(inSub, inDeep, inOther);
                assertThat(search(u, "root folder:my_folder")).isEmpty();
            } finally {
                api.delete(u.token(), CHATS + "/" + pinnedInTop);
            }
        }

        @Test
        void folderFilter_onlyLooksAtTheCallersFolders() {
            TestUsers.Account stranger = user("Stranger");
            String strangersFolder = folder(stranger, "My Folder", null);
            String strangersChat = titled(stranger, "stranger chat");
            move(stranger, strangersChat, strangersFolder);

            assertThat(search(u, "folder:my_folder")).containsExactlyInAnyOrder(inTop, inSub, inDeep);
            assertThat(search(stranger, "folder:my_folder")).containsExactly(strangersChat);
            assertThat(search(stranger, "folder:sub")).isEmpty();
        }
    }
}
