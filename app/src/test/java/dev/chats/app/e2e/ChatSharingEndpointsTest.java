package dev.chats.app.e2e;

import dev.chats.app.TestClock;
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

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.chats.app.e2e.ChatLifecycleEndpointsTest.ACCESS_PROHIBITED;
import static dev.chats.app.e2e.ChatLifecycleEndpointsTest.NOT_FOUND;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end over real HTTP on H2: sharing ({@code POST/DELETE /{id}/share}, {@code GET /share/{share_id}}) and
 * cloning ({@code POST /{id}/clone}, legacy {@code GET /{id}/clone}, {@code POST /{id}/clone/shared}), reference
 * §4.15, §4.21–4.25 and checks 14–19, with COMPATIBILITY.md's sharing decision: the share is its own record and
 * {@code POST /{id}/share} answers the original chat with {@code share_id} set.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatSharingEndpointsTest {

    static final String DEFAULT = "Something went wrong :/";
    static final String CHATS = "/api/v1/chats";
    static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    static final List<String> CHAT_RESPONSE_KEYS = List.of("id", "user_id", "title", "chat", "updated_at",
            "created_at", "share_id", "archived", "pinned", "meta", "folder_id");

    static final String DOCUMENT = """
            {"title":"Shared plan","models":["m"],"params":{"temperature":0.5},
             "history":{"currentId":"m2","messages":{
               "m1":{"id":"m1","parentId":null,"childrenIds":["m2"],"role":"user","content":"hi","timestamp":1700000000},
               "m2":{"id":"m2","parentId":"m1","childrenIds":[],"role":"assistant","content":"hello","model":"m","timestamp":1700000005}}},
             "messages":[{"id":"m1","role":"user","content":"hi"},{"id":"m2","role":"assistant","content":"hello"}],
             "timestamp":1700000000000}""";

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
        u1 = TestUsers.signUp(client, "Sharer");
        u2 = TestUsers.signUp(client, "Reader");
        assertThat(admin.role()).isEqualTo("admin");
        assertThat(u1.role()).isEqualTo("user");
        assertThat(u2.role()).isEqualTo("user");
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private String create(TestUsers.Account who, String chatJson) {
        Api.Reply reply = api.post(who.token(), CHATS + "/new", "{\"chat\":" + chatJson + "}");
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return (String) reply.get("id");
    }

    private Api.Reply share(TestUsers.Account who, String chatId) {
        return api.post(who.token(), CHATS + "/" + chatId + "/share", null);
    }

    /** Shares the chat and returns the share id, failing unless the share answered 200. */
    private String shareId(TestUsers.Account who, String chatId) {
        Api.Reply reply = share(who, chatId);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return (String) reply.get("share_id");
    }

    private Api.Reply readShare(TestUsers.Account who, String shareId) {
        return api.get(who.token(), CHATS + "/share/" + shareId);
    }

    private Api.Reply chat(TestUsers.Account who, String chatId) {
        return api.get(who.token(), CHATS + "/" + chatId);
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

    // ---------------------------------------------------------------------------------------------- share

    @Test
    void share_answersTheOriginalChatWithShareIdSet_andTheChatKeepsIt() {
        String c = create(u1, DOCUMENT);

        Api.Reply shared = share(u1, c);

        assertThat(shared.status()).as(shared.raw()).isEqualTo(200);
        assertThat(new ArrayList<>(shared.object().keySet())).isEqualTo(CHAT_RESPONSE_KEYS);
        assertThat(shared.get("id")).isEqualTo(c);
        assertThat(shared.get("user_id")).isEqualTo(u1.id());
        assertThat(shared.get("title")).isEqualTo("Shared plan");
        assertThat(shared.get("chat")).isEqualTo(api.parse(DOCUMENT));
        String s = (String) shared.get("share_id");
        assertThat(s).isNotNull().isNotEqualTo(c).matches(UUID);

        Api.Reply read = chat(u1, c);
        assertThat(read.get("share_id")).isEqualTo(s);
        assertThat(read.get("chat")).isEqualTo(api.parse(DOCUMENT));
    }

    @Test
    void sharedLink_isReadableByAnyVerifiedUser_inTheChatResponseShapeOfTheShare() {
        long before = now();
        String c = create(u1, DOCUMENT);
        String s = shareId(u1, c);

        for (TestUsers.Account reader : List.of(u2, u1, admin)) {
            Api.Reply read = readShare(reader, s);

            assertThat(read.status()).as(reader.name() + " " + read.raw()).isEqualTo(200);
            Map<String, Object> view = read.object();
            assertThat(new ArrayList<>(view.keySet())).isEqualTo(CHAT_RESPONSE_KEYS);
            assertThat(view.get("id")).isEqualTo(s);
            assertThat(view.get("user_id")).isEqualTo(u1.id());
            assertThat(view.get("title")).isEqualTo("Shared plan");
            assertThat(view.get("chat")).isEqualTo(api.parse(DOCUMENT));
            assertThat(view.get("share_id")).isEqualTo(s);
            assertThat(view.get("archived")).isEqualTo(false);
            assertThat(view.get("pinned")).isEqualTo(false);
            assertThat(view.get("meta")).isEqualTo(Map.of());
            assertThat(view.containsKey("folder_id")).isTrue();
            assertThat(view.get("folder_id")).isNull();
            assertThat(number(view.get("created_at"))).isBetween(before, now() + 1);
            assertThat(number(view.get("updated_at"))).isBetween(number(view.get("created_at")), now() + 1);
        }
    }

    @Test
    void sharedView_neverCarriesTheOwnersPinTagsOrFolder() {
        String c = create(u1, "{\"title\":\"Private bits\"}");
        String f = folder(u1, "Secret folder " + java.util.UUID.randomUUID());
        assertThat(api.post(u1.token(), CHATS + "/" + c + "/folder", "{\"folder_id\":\"" + f + "\"}").status())
                .isEqualTo(200);
        assertThat(api.post(u1.token(), CHATS + "/" + c + "/pin", null).get("pinned")).isEqualTo(true);
        assertThat(api.post(u1.token(), CHATS + "/" + c + "/tags", "{\"name\":\"hidden\"}").status()).isEqualTo(200);

        Api.Reply view = readShare(u2, shareId(u1, c));

        assertThat(view.status()).isEqualTo(200);
        assertThat(view.get("pinned")).isEqualTo(false);
        assertThat(view.get("meta")).isEqualTo(Map.of());
        assertThat(view.get("folder_id")).isNull();
        assertThat(view.get("archived")).isEqualTo(false);
    }

    @Test
    void unknownShareId_orAChatIdUsedAsShareId_answers401NotFound() {
        String c = create(u1, "{\"title\":\"Not shared\"}");
        String shared = create(u1, "{\"title\":\"Shared\"}");
        shareId(u1, shared);

        Api.Reply random = readShare(u2, "00000000-0000-4000-8000-000000000000");
        Api.Reply garbage = readShare(u2, "not-a-share");
        Api.Reply chatIdOfUnshared = readShare(u2, c);
        Api.Reply chatIdOfShared = readShare(u2, shared);
        Api.Reply ownerWithChatId = readShare(u1, shared);

        for (Api.Reply reply : List.of(random, garbage, chatIdOfUnshared, chatIdOfShared, ownerWithChatId)) {
            assertThat(reply.status()).as(reply.raw()).isEqualTo(401);
            assertThat(reply.object()).isEqualTo(Map.of("detail", NOT_FOUND));
        }
    }

    @Test
    void sharedLink_withoutAToken_answers403NotAuthenticated() {
        String s = shareId(u1, create(u1, "{\"title\":\"t\"}"));

        Api.Reply reply = api.get(null, CHATS + "/share/" + s);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.object()).isEqualTo(Map.of("detail", "Not authenticated"));
    }

    @Test
    void laterEdits_doNotReachTheSnapshot_untilReShared_whichKeepsTheShareId() {
        String c = create(u1, DOCUMENT);
        String s = shareId(u1, c);
        long firstUpdated = number(readShare(u2, s).get("updated_at"));

        Api.Reply renamed = api.post(u1.token(), CHATS + "/" + c, "{\"chat\":{\"title\":\"Renamed plan\"}}");
        assertThat(renamed.status()).isEqualTo(200);
        Api.Reply edited = api.post(u1.token(), CHATS + "/" + c + "/messages/m2", "{\"content\":\"edited answer\"}");
        assertThat(edited.status()).as(edited.raw()).isEqualTo(200);

        Api.Reply stale = readShare(u2, s);
        assertThat(stale.get("title")).isEqualTo("Shared plan");
        assertThat(stale.get("chat")).isEqualTo(api.parse(DOCUMENT));

        clock.advance(Duration.ofSeconds(1));
        Api.Reply reshared = share(u1, c);

        assertThat(reshared.status()).as(reshared.raw()).isEqualTo(200);
        assertThat(reshared.get("id")).isEqualTo(c);
        assertThat(reshared.get("share_id")).isEqualTo(s);
        assertThat(chat(u1, c).get("share_id")).isEqualTo(s);
        Api.Reply fresh = readShare(u2, s);
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(fresh.get("id")).isEqualTo(s);
        assertThat(fresh.get("title")).isEqualTo("Renamed plan");
        Map<String, Object> document = map(fresh.get("chat"));
        assertThat(document.get("title")).isEqualTo("Renamed plan");
        assertThat(map(map(map(document.get("history")).get("messages")).get("m2")).get("content"))
                .isEqualTo("edited answer");
        assertThat(document).isEqualTo(chat(u1, c).get("chat"));
        assertThat(number(fresh.get("updated_at"))).isGreaterThan(firstUpdated);
    }

    @Test
    void unshare_answersTrueThenFalse_clearsShareId_andTheLinkStopsWorking() {
        String c = create(u1, "{\"title\":\"Short lived\"}");
        String s = shareId(u1, c);

        Api.Reply first = api.delete(u1.token(), CHATS + "/" + c + "/share");
        Api.Reply second = api.delete(u1.token(), CHATS + "/" + c + "/share");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).isEqualTo(true);
        assertThat(chat(u1, c).get("share_id")).isNull();
        Api.Reply gone = readShare(u2, s);
        assertThat(gone.status()).isEqualTo(401);
        assertThat(gone.detail()).isEqualTo(NOT_FOUND);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(false);
    }

    @Test
    void unshare_ofANeverSharedChat_answersFalse() {
        String c = create(u1, "{\"title\":\"never\"}");

        Api.Reply reply = api.delete(u1.token(), CHATS + "/" + c + "/share");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo(false);
    }

    @Test
    void sharingAgainAfterUnshare_publishesANewShareId_andTheOldLinkStaysDead() {
        String c = create(u1, "{\"title\":\"Again\"}");
        String s1 = shareId(u1, c);
        assertThat(api.delete(u1.token(), CHATS + "/" + c + "/share").body()).isEqualTo(true);

        String s2 = shareId(u1, c);

        assertThat(s2).isNotNull().isNotEqualTo(s1);
        assertThat(readShare(u2, s2).status()).isEqualTo(200);
        assertThat(readShare(u2, s1).status()).isEqualTo(401);
        assertThat(chat(u1, c).get("share_id")).isEqualTo(s2);
    }

    @Test
    void anotherUsersChat_cannotBeSharedOrUnshared_401AccessProhibited() {
        String c = create(u1, "{\"title\":\"Mine\"}");
        String s = shareId(u1, c);
        String unshared = create(u1, "{\"title\":\"Mine too\"}");

        Api.Reply shareOther = share(u2, unshared);
        Api.Reply unshareOther = api.delete(u2.token(), CHATS + "/" + c + "/share");
        Api.Reply shareMissing = share(u2, "00000000-0000-4000-8000-000000000000");
        Api.Reply unshareMissing = api.delete(u2.token(), CHATS + "/no-such-chat/share");

        for (Api.Reply reply : List.of(shareOther, unshareOther, shareMissing, unshareMissing)) {
            assertThat(reply.status()).as(reply.raw()).isEqualTo(401);
            assertThat(reply.object()).isEqualTo(Map.of("detail", ACCESS_PROHIBITED));
        }
        assertThat(chat(u1, unshared).get("share_id")).isNull();
        assertThat(chat(u1, c).get("share_id")).isEqualTo(s);
        assertThat(readShare(u2, s).status()).isEqualTo(200);
    }

    @Test
    void concurrentFirstShares_ofOneChat_allSucceed_withOneShareId() throws Exception {
        for (int round = 0; round < 20; round++) {
            String c = create(u1, "{\"title\":\"Race " + round + "\"}");
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Api.Reply> replies = new ArrayList<>();
            try {
                List<Callable<Api.Reply>> sharers = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    sharers.add(() -> share(u1, c));
                }
                for (Future<Api.Reply> reply : pool.invokeAll(sharers)) {
                    replies.add(reply.get());
                }
            } finally {
                pool.shutdownNow();
            }

            for (Api.Reply reply : replies) {
                assertThat(reply.status()).as("round " + round + ": " + reply.raw()).isEqualTo(200);
            }
            String s = (String) chat(u1, c).get("share_id");
            assertThat(s).isNotNull();
            assertThat(replies).extracting(r -> r.get("share_id")).containsOnly(s);
            assertThat(readShare(u2, s).get("title")).isEqualTo("Race " + round);
        }
    }

    @Test
    void deletingTheChat_deletesItsShare() {
        String c = create(u1, "{\"title\":\"Doomed\"}");
        String s = shareId(u1, c);
        assertThat(readShare(u2, s).status()).isEqualTo(200);

        assertThat(api.delete(u1.token(), CHATS + "/" + c).body()).isEqualTo(true);

        Api.Reply link = readShare(u2, s);
        assertThat(link.status()).isEqualTo(401);
        assertThat(link.detail()).isEqualTo(NOT_FOUND);
        Api.Reply cloneDead = api.post(u2.token(), CHATS + "/" + s + "/clone/shared", null);
        assertThat(cloneDead.status()).isEqualTo(401);
    }

    @Test
    void adminDeletingAUsersChat_deletesItsShare() {
        String c = create(u1, "{\"title\":\"Moderated\"}");
        String s = shareId(u1, c);

        assertThat(api.delete(admin.token(), CHATS + "/" + c).body()).isEqualTo(true);

        assertThat(readShare(u2, s).status()).isEqualTo(401);
    }

    @Test
    void deletingAllMyChats_deletesTheirShares() {
        TestUsers.Account owner = TestUsers.signUp(client, "Wiper");
        String s1 = shareId(owner, create(owner, "{\"title\":\"one\"}"));
        String s2 = shareId(owner, create(owner, "{\"title\":\"two\"}"));
        String others = shareId(u1, create(u1, "{\"title\":\"someone else's\"}"));

        assertThat(api.delete(owner.token(), CHATS + "/").body()).isEqualTo(true);

        assertThat(readShare(u2, s1).status()).isEqualTo(401);
        assertThat(readShare(u2, s2).status()).isEqualTo(401);
        assertThat(readShare(u2, others).status()).isEqualTo(200);
    }

    @Test
    void sharingAnotherChat_doesNotDisturbAnExistingShare() {
        String a = create(u1, "{\"title\":\"A\"}");
        String b = create(u1, "{\"title\":\"B\"}");
        String sa = shareId(u1, a);
        String sb = shareId(u1, b);

        assertThat(sa).isNotEqualTo(sb);
        assertThat(readShare(u2, sa).get("title")).isEqualTo("A");
        assertThat(readShare(u2, sb).get("title")).isEqualTo("B");
    }

    /** {@code chat.share} off in the default permissions (check 20): users are refused, admins are not. */
    @Test
    void withoutChatSharePermission_usersGet401AccessProhibited_butAdminsMayShare() {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
                Map.of("chats.permissions.chat.share", "false"), "test");
             HttpClient restricted = HttpClient.create(server.getURL())) {
            Api rapi = new Api(restricted, json);
            TestUsers.Account radmin = TestUsers.signUp(restricted, "Admin");
            TestUsers.Account ruser = TestUsers.signUp(restricted, "User");
            assertThat(radmin.role()).isEqualTo("admin");
            assertThat(ruser.role()).isEqualTo("user");
            String usersChat = (String) rapi.post(ruser.token(), CHATS + "/new", "{\"chat\":{\"title\":\"u\"}}")
                    .get("id");
            String adminsChat = (String) rapi.post(radmin.token(), CHATS + "/new", "{\"chat\":{\"title\":\"a\"}}")
                    .get("id");

            Api.Reply refused = rapi.post(ruser.token(), CHATS + "/" + usersChat + "/share", null);
            Api.Reply allowed = rapi.post(radmin.token(), CHATS + "/" + adminsChat + "/share", null);

            assertThat(refused.status()).as(refused.raw()).isEqualTo(401);
            assertThat(refused.object()).isEqualTo(Map.of("detail", ACCESS_PROHIBITED));
            assertThat(rapi.get(ruser.token(), CHATS + "/" + usersChat).get("share_id")).isNull();
            assertThat(allowed.status()).as(allowed.raw()).isEqualTo(200);
            assertThat(allowed.get("id")).isEqualTo(adminsChat);
            String s = (String) allowed.get("share_id");
            assertThat(s).isNotNull();
            Api.Reply read = rapi.get(ruser.token(), CHATS + "/share/" + s);
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.get("title")).isEqualTo("a");
        }
    }

    // ---------------------------------------------------------------------------------------------- clone

    @Test
    void clone_copiesTheDocumentWithBranchInfo_andMetaPinAndFolder_butNotTheShare() {
        long before = now();
        String c = create(u1, "{\"title\":\"Source\",\"models\":[\"a\"],"
                + "\"history\":{\"currentId\":\"m9\",\"messages\":{\"m9\":{\"id\":\"m9\",\"content\":\"x\"}}}}");
        String f = folder(u1, "Clone folder " + java.util.UUID.randomUUID());
        assertThat(api.post(u1.token(), CHATS + "/" + c + "/folder", "{\"folder_id\":\"" + f + "\"}").status())
                .isEqualTo(200);
        assertThat(api.post(u1.token(), CHATS + "/" + c + "/pin", null).get("pinned")).isEqualTo(true);
        assertThat(api.post(u1.token(), CHATS + "/" + c + "/tags", "{\"name\":\"Cloned Tag\"}").status())
                .isEqualTo(200);
        shareId(u1, c);
        Map<String, Object> original = chat(u1, c).object();
        assertThat(original.get("folder_id")).isEqualTo(f);
        assertThat(original.get("pinned")).isEqualTo(true);

        Api.Reply clone = api.post(u1.token(), CHATS + "/" + c + "/clone", "{}");

        assertThat(clone.status()).as(clone.raw()).isEqualTo(200);
        assertThat(new ArrayList<>(clone.object().keySet())).isEqualTo(CHAT_RESPONSE_KEYS);
        String id = (String) clone.get("id");
        assertThat(id).isNotEqualTo(c).matches(UUID);
        assertThat(clone.get("user_id")).isEqualTo(u1.id());
        assertThat(clone.get("title")).isEqualTo("Clone of Source");
        Map<String, Object> expected = new LinkedHashMap<>(map(original.get("chat")));
        expected.put("originalChatId", c);
        expected.put("branchPointMessageId", "m9");
        expected.put("title", "Clone of Source");
        assertThat(clone.get("chat")).isEqualTo(expected);
        assertThat(clone.get("meta")).isEqualTo(original.get("meta"));
        assertThat(map(clone.get("meta")).get("tags")).isEqualTo(List.of("cloned_tag"));
        assertThat(clone.get("pinned")).isEqualTo(true);
        assertThat(clone.get("folder_id")).isEqualTo(f);
        assertThat(clone.get("share_id")).isNull();
        assertThat(clone.get("archived")).isEqualTo(false);
        assertThat(number(clone.get("created_at"))).isEqualTo(number(clone.get("updated_at")))
                .isBetween(before, now() + 1);

        Api.Reply stored = chat(u1, id);
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.get("chat")).isEqualTo(expected);
        assertThat(chat(u1, c).get("chat")).isEqualTo(original.get("chat"));
    }

    @Test
    void clone_withTitle_usesIt_andAnEmptyOrNullTitleFallsBack() {
        String c = create(u1, "{\"title\":\"Base\",\"history\":{\"currentId\":\"m1\",\"messages\":{}}}");

        Api.Reply copy = api.post(u1.token(), CHATS + "/" + c + "/clone", "{\"title\":\"Copy\"}");
        Api.Reply empty = api.post(u1.token(), CHATS + "/" + c + "/clone", "{\"title\":\"\"}");
        Api.Reply nul = api.post(u1.token(), CHATS + "/" + c + "/clone", "{\"title\":null}");

        assertThat(copy.status()).isEqualTo(200);
        assertThat(copy.get("title")).isEqualTo("Copy");
        assertThat(map(copy.get("chat")).get("title")).isEqualTo("Copy");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.get("title")).isEqualTo("Clone of Base");
        assertThat(nul.status()).isEqualTo(200);
        assertThat(nul.get("title")).isEqualTo("Clone of Base");
    }

    @Test
    void clone_ofAChatWithoutHistory_works_withANullBranchPoint() {
        String c = create(u1, "{\"title\":\"Flat\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        Api.Reply clone = api.post(u1.token(), CHATS + "/" + c + "/clone", "{}");

        assertThat(clone.status()).as(clone.raw()).isEqualTo(200);
        Map<String, Object> document = map(clone.get("chat"));
        assertThat(document).containsEntry("originalChatId", c).containsEntry("title", "Clone of Flat");
        assertThat(document).containsKey("branchPointMessageId");
        assertThat(document.get("branchPointMessageId")).isNull();
        assertThat(document.get("messages")).isEqualTo(api.parse("[{\"role\":\"user\",\"content\":\"hi\"}]"));
    }

    @Test
    void clone_ofAnArchivedChat_isNotArchived() {
        String c = create(u1, "{\"title\":\"Old\"}");
        assertThat(api.post(u1.token(), CHATS + "/" + c + "/archive", null).get("archived")).isEqualTo(true);

        Api.Reply clone = api.post(u1.token(), CHATS + "/" + c + "/clone", "{}");

        assertThat(clone.status()).isEqualTo(200);
        assertThat(clone.get("archived")).isEqualTo(false);
        assertThat(api.get(u1.token(), CHATS + "/").list()).extracting(x -> x.get("id")).contains(clone.get("id"));
    }

    @Test
    void clone_withoutABodyOrWithABadBody_answers422() {
        String c = create(u1, "{\"title\":\"Needs body\"}");

        Api.Reply none = api.post(u1.token(), CHATS + "/" + c + "/clone", null);
        Api.Reply malformed = api.post(u1.token(), CHATS + "/" + c + "/clone", "{oops");
        Api.Reply list = api.post(u1.token(), CHATS + "/" + c + "/clone", "[]");
        Api.Reply badTitle = api.post(u1.token(), CHATS + "/" + c + "/clone", "{\"title\":{\"x\":1}}");

        for (Api.Reply reply : List.of(none, malformed, list, badTitle)) {
            assertThat(reply.status()).as(reply.raw()).isEqualTo(422);
            assertThat(reply.detail()).isInstanceOf(List.class);
        }
    }

    @Test
    void clone_ofAnotherUsersOrAMissingChat_answers401SomethingWentWrong() {
        String c = create(u1, "{\"title\":\"Not yours\"}");
        TestUsers.Account thief = TestUsers.signUp(client, "Cloner");

        Api.Reply other = api.post(thief.token(), CHATS + "/" + c + "/clone", "{}");
        Api.Reply missing = api.post(thief.token(), CHATS + "/00000000-0000-4000-8000-000000000000/clone", "{}");
        Api.Reply legacy = api.get(thief.token(), CHATS + "/" + c + "/clone");

        for (Api.Reply reply : List.of(other, missing, legacy)) {
            assertThat(reply.status()).as(reply.raw()).isEqualTo(401);
            assertThat(reply.object()).isEqualTo(Map.of("detail", DEFAULT));
        }
        assertThat(api.get(thief.token(), CHATS + "/all").list()).isEmpty();
    }

    @Test
    void legacyGetClone_clonesWithTheDefaultTitle() {
        String c = create(u1, "{\"title\":\"Legacy\",\"history\":{\"currentId\":\"1\",\"messages\":[]}}");

        Api.Reply clone = api.get(u1.token(), CHATS + "/" + c + "/clone");

        assertThat(clone.status()).as(clone.raw()).isEqualTo(200);
        assertThat(clone.get("id")).isNotEqualTo(c);
        assertThat(clone.get("title")).isEqualTo("Clone of Legacy");
        assertThat(clone.get("user_id")).isEqualTo(u1.id());
        assertThat(clone.get("share_id")).isNull();
        assertThat(clone.get("chat")).isEqualTo(api.parse("{\"title\":\"Clone of Legacy\","
                + "\"history\":{\"currentId\":\"1\",\"messages\":[]},\"originalChatId\":\"" + c + "\","
                + "\"branchPointMessageId\":\"1\"}"));
        assertThat(chat(u1, (String) clone.get("id")).status()).isEqualTo(200);
    }

    @Test
    void clonedTags_keepTheTagRecordAlive_whenTheOriginalDropsIt() {
        TestUsers.Account owner = TestUsers.signUp(client, "Tag Cloner");
        String c = create(owner, "{\"title\":\"Tagged\"}");
        assertThat(api.post(owner.token(), CHATS + "/" + c + "/tags", "{\"name\":\"Keep Me\"}").status())
                .isEqualTo(200);
        String copy = (String) api.post(owner.token(), CHATS + "/" + c + "/clone", "{}").get("id");

        api.delete(owner.token(), CHATS + "/" + c + "/tags", "{\"name\":\"Keep Me\"}");

        assertThat(api.get(owner.token(), CHATS + "/all/tags").list()).extracting(t -> t.get("id"))
                .containsExactly("keep_me");
        assertThat(api.get(owner.token(), CHATS + "/" + copy + "/tags").list()).extracting(t -> t.get("id"))
                .containsExactly("keep_me");
    }

    // ---------------------------------------------------------------------------------------------- clone/shared

    @Test
    void cloneShared_copiesTheSnapshotIntoTheCallersChats() {
        long before = now();
        String c = create(u1, DOCUMENT);
        String s = shareId(u1, c);
        api.post(u1.token(), CHATS + "/" + c, "{\"chat\":{\"title\":\"Changed after sharing\"}}");

        Api.Reply clone = api.post(u2.token(), CHATS + "/" + s + "/clone/shared", null);

        assertThat(clone.status()).as(clone.raw()).isEqualTo(200);
        assertThat(new ArrayList<>(clone.object().keySet())).isEqualTo(CHAT_RESPONSE_KEYS);
        String id = (String) clone.get("id");
        assertThat(id).isNotIn(c, s).matches(UUID);
        assertThat(clone.get("user_id")).isEqualTo(u2.id());
        assertThat(clone.get("title")).isEqualTo("Clone of Shared plan");
        Map<String, Object> expected = new LinkedHashMap<>(map(api.parse(DOCUMENT)));
        expected.put("originalChatId", s);
        expected.put("branchPointMessageId", "m2");
        expected.put("title", "Clone of Shared plan");
        assertThat(clone.get("chat")).isEqualTo(expected);
        assertThat(clone.get("share_id")).isNull();
        assertThat(clone.get("archived")).isEqualTo(false);
        assertThat(clone.get("pinned")).isEqualTo(false);
        assertThat(clone.get("folder_id")).isNull();
        assertThat(clone.get("meta")).isEqualTo(Map.of());
        assertThat(number(clone.get("created_at"))).isBetween(before, now() + 1);

        assertThat(chat(u2, id).get("chat")).isEqualTo(expected);
        assertThat(api.get(u2.token(), CHATS + "/").list()).extracting(x -> x.get("id")).contains(id);
        assertThat(api.get(u1.token(), CHATS + "/all").list()).extracting(x -> x.get("id")).doesNotContain(id);
        assertThat(chat(u1, c).get("title")).isEqualTo("Changed after sharing");
    }

    @Test
    void cloneShared_ofAPinnedTaggedFiledChat_startsClean_inTheClonersRoot() {
        String c = create(u1, "{\"title\":\"Filed\"}");
        String f = folder(u1, "Sharer folder " + java.util.UUID.randomUUID());
        api.post(u1.token(), CHATS + "/" + c + "/folder", "{\"folder_id\":\"" + f + "\"}");
        api.post(u1.token(), CHATS + "/" + c + "/pin", null);
        api.post(u1.token(), CHATS + "/" + c + "/tags", "{\"name\":\"sharer-only\"}");
        String s = shareId(u1, c);

        Api.Reply clone = api.post(u2.token(), CHATS + "/" + s + "/clone/shared", null);

        assertThat(clone.status()).as(clone.raw()).isEqualTo(200);
        assertThat(clone.get("folder_id")).isNull();
        assertThat(clone.get("pinned")).isEqualTo(false);
        assertThat(api.get(u2.token(), CHATS + "/all/tags").list()).extracting(t -> t.get("id"))
                .doesNotContain("sharer-only");
    }

    @Test
    void cloneShared_ofAnUnknownShareOrOfAPlainChatId_answers401SomethingWentWrong() {
        String c = create(u1, "{\"title\":\"Unshared\"}");
        String shared = create(u1, "{\"title\":\"Shared\"}");
        String s = shareId(u1, shared);
        api.delete(u1.token(), CHATS + "/" + shared + "/share");
        TestUsers.Account cloner = TestUsers.signUp(client, "Shared Cloner");

        Api.Reply unknown = api.post(cloner.token(), CHATS + "/00000000-0000-4000-8000-000000000000/clone/shared", null);
        Api.Reply plainChat = api.post(cloner.token(), CHATS + "/" + c + "/clone/shared", null);
        Api.Reply revoked = api.post(cloner.token(), CHATS + "/" + s + "/clone/shared", null);

        for (Api.Reply reply : List.of(unknown, plainChat, revoked)) {
            assertThat(reply.status()).as(reply.raw()).isEqualTo(401);
            assertThat(reply.object()).isEqualTo(Map.of("detail", DEFAULT));
        }
        assertThat(api.get(cloner.token(), CHATS + "/all").list()).isEmpty();
    }
}
