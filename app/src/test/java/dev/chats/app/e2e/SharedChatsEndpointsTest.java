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
import java.util.UUID;

import static dev.chats.app.e2e.ChatLifecycleEndpointsTest.NOT_FOUND;
import static dev.chats.app.e2e.ChatSharingEndpointsTest.DEFAULT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end over real HTTP: the newest Open WebUI's share routes — {@code GET /chats/shared?page=} (the caller's
 * shares, read before the {@code /{id}} route), {@code GET /chats/shared/{id}/access} and
 * {@code POST /chats/shared/{id}/access/update}; a share restricted to users answers like a missing share to
 * everyone else.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedChatsEndpointsTest {

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
    TestUsers.Account owner;
    TestUsers.Account friend;
    TestUsers.Account stranger;

    @BeforeAll
    void signUpUsers() {
        api = new Api(client, json);
        admin = TestUsers.signUp(client, "Admin");
        owner = TestUsers.signUp(client, "Sharer");
        friend = TestUsers.signUp(client, "Friend");
        stranger = TestUsers.signUp(client, "Stranger");
    }

    private String create(TestUsers.Account who, String title) {
        Api.Reply reply = api.post(who.token(), CHATS + "/new",
                "{\"chat\":{\"title\":\"" + title + "\",\"history\":{\"currentId\":\"m1\",\"messages\":{}}}}");
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return (String) reply.get("id");
    }

    private String share(TestUsers.Account who, String chatId) {
        Api.Reply reply = api.post(who.token(), CHATS + "/" + chatId + "/share", null);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return (String) reply.get("share_id");
    }

    @Test
    void sharedList_isTheCallersSharesNewestFirst_pagedAndFiltered_neverReadAsAChatId() throws Exception {
        TestUsers.Account lister = TestUsers.signUp(client, "Lister");
        String first = create(lister, "Quarterly report");
        String firstShare = share(lister, first);
        clock.advance(Duration.ofSeconds(1));
        String second = create(lister, "Holiday plan");
        String secondShare = share(lister, second);
        create(lister, "Never shared");
        share(stranger, create(stranger, "Someone else's"));

        Api.Reply list = api.get(lister.token(), CHATS + "/shared?page=1");

        assertThat(list.status()).as(list.raw()).isEqualTo(200);
        assertThat(list.list()).hasSize(2);
        Map<String, Object> top = list.list().get(0);
        assertThat(new ArrayList<>(top.keySet()))
                .containsExactly("id", "chat_id", "title", "share_id", "updated_at", "created_at");
        assertThat(top.get("id")).isEqualTo(second);
        assertThat(top.get("chat_id")).isEqualTo(second);
        assertThat(top.get("share_id")).isEqualTo(secondShare);
        assertThat(top.get("title")).isEqualTo("Holiday plan");
        assertThat(list.list().get(1).get("share_id")).isEqualTo(firstShare);

        assertThat(api.get(lister.token(), CHATS + "/shared").list()).hasSize(2);
        assertThat(api.get(lister.token(), CHATS + "/shared?page=2").list()).isEmpty();
        assertThat(api.get(lister.token(), CHATS + "/shared?query=QUARTER").list())
                .extracting(item -> item.get("id")).containsExactly(first);
        assertThat(api.get(lister.token(), CHATS + "/shared?order_by=created_at&direction=asc").list())
                .extracting(item -> item.get("id")).containsExactly(first, second);

        Api.Reply badPage = api.get(lister.token(), CHATS + "/shared?page=0");
        assertThat(badPage.status()).isEqualTo(422);
        Api.Reply badOrder = api.get(lister.token(), CHATS + "/shared?order_by=nope&direction=asc");
        assertThat(badOrder.status()).isEqualTo(400);
        assertThat(api.get(lister.token(), CHATS + "/shared?page=99999999999999").list()).isEmpty();

        // Unsharing takes it off the list.
        api.delete(lister.token(), CHATS + "/" + first + "/share");
        assertThat(api.get(lister.token(), CHATS + "/shared").list()).extracting(item -> item.get("id"))
                .containsExactly(second);
    }

    @Test
    void accessGrants_restrictTheShareToTheNamedUsers_andEveryoneElseSeesNoShare() {
        String chat = create(owner, "Restricted plan");
        String shareId = share(owner, chat);
        assertThat(api.get(stranger.token(), CHATS + "/share/" + shareId).status()).isEqualTo(200);
        assertThat(api.get(owner.token(), CHATS + "/shared/" + chat + "/access").list()).isEmpty();

        Api.Reply updated = api.post(owner.token(), CHATS + "/shared/" + chat + "/access/update",
                "{\"access_grants\":[{\"principal_type\":\"user\",\"principal_id\":\"" + friend.id()
                        + "\",\"permission\":\"read\"}]}");

        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        assertThat(updated.get("id")).isEqualTo(chat);
        assertThat(updated.get("share_id")).isEqualTo(shareId);
        List<Map<String, Object>> grants = api.get(owner.token(), CHATS + "/shared/" + chat + "/access").list();
        assertThat(grants).hasSize(1);
        assertThat(new ArrayList<>(grants.get(0).keySet()))
                .containsExactly("id", "principal_type", "principal_id", "permission");
        assertThat(grants.get(0).get("id")).asString().matches(ChatSharingEndpointsTest.UUID);
        assertThat(grants.get(0)).containsEntry("principal_type", "user").containsEntry("principal_id", friend.id())
                .containsEntry("permission", "read");

        assertThat(api.get(friend.token(), CHATS + "/share/" + shareId).status()).isEqualTo(200);
        assertThat(api.get(owner.token(), CHATS + "/share/" + shareId).status()).isEqualTo(200);
        assertThat(api.get(admin.token(), CHATS + "/share/" + shareId).status()).isEqualTo(200);
        Api.Reply hidden = api.get(stranger.token(), CHATS + "/share/" + shareId);
        Api.Reply missing = api.get(stranger.token(), CHATS + "/share/" + UUID.randomUUID());
        assertThat(hidden.status()).isEqualTo(missing.status()).isEqualTo(401);
        assertThat(hidden.body()).isEqualTo(missing.body()).isEqualTo(Map.of("detail", NOT_FOUND));
        Api.Reply cloneHidden = api.post(stranger.token(), CHATS + "/" + shareId + "/clone/shared", null);
        assertThat(cloneHidden.status()).isEqualTo(401);
        assertThat(cloneHidden.body()).isEqualTo(Map.of("detail", DEFAULT));
        assertThat(api.post(friend.token(), CHATS + "/" + shareId + "/clone/shared", null).status()).isEqualTo(200);

        // Re-sharing keeps the grants; a public grant opens it to everyone; unsharing clears them.
        share(owner, chat);
        assertThat(api.get(stranger.token(), CHATS + "/share/" + shareId).status()).isEqualTo(401);
        api.post(owner.token(), CHATS + "/shared/" + chat + "/access/update",
                "{\"access_grants\":[{\"principal_type\":\"user\",\"principal_id\":\"*\",\"permission\":\"read\"}]}");
        assertThat(api.get(stranger.token(), CHATS + "/share/" + shareId).status()).isEqualTo(200);
        api.delete(owner.token(), CHATS + "/" + chat + "/share");
        assertThat(api.get(owner.token(), CHATS + "/shared/" + chat + "/access").list()).isEmpty();
    }

    @Test
    void aReadGrant_letsItsHolderReadTheChatById_aLinkShareAloneDoesNot_andUnsharingTakesItBack() {
        String chat = create(owner, "Granted reading");
        share(owner, chat);
        Api.Reply missing = api.get(friend.token(), CHATS + "/" + UUID.randomUUID());
        assertThat(missing.status()).isEqualTo(401);
        Api.Reply linkOnly = api.get(friend.token(), CHATS + "/" + chat);
        assertThat(linkOnly.status()).isEqualTo(401);
        assertThat(linkOnly.body()).isEqualTo(missing.body());

        api.post(owner.token(), CHATS + "/shared/" + chat + "/access/update",
                "{\"access_grants\":[{\"principal_type\":\"user\",\"principal_id\":\"" + friend.id()
                        + "\",\"permission\":\"read\"}]}");

        Api.Reply granted = api.get(friend.token(), CHATS + "/" + chat);
        assertThat(granted.status()).as(granted.raw()).isEqualTo(200);
        assertThat(granted.get("id")).isEqualTo(chat);
        assertThat(granted.get("user_id")).isEqualTo(owner.id());
        assertThat(granted.get("title")).isEqualTo("Granted reading");
        Api.Reply notGranted = api.get(stranger.token(), CHATS + "/" + chat);
        assertThat(notGranted.status()).isEqualTo(401);
        assertThat(notGranted.body()).isEqualTo(missing.body());
        // Reading is all a grant gives: the holder cannot change the chat.
        Api.Reply write = api.post(friend.token(), CHATS + "/" + chat, "{\"chat\":{\"title\":\"taken\"}}");
        assertThat(write.status()).isEqualTo(401);
        assertThat(api.get(owner.token(), CHATS + "/" + chat).get("title")).isEqualTo("Granted reading");

        api.post(owner.token(), CHATS + "/shared/" + chat + "/access/update",
                "{\"access_grants\":[{\"principal_type\":\"user\",\"principal_id\":\"*\",\"permission\":\"read\"}]}");
        assertThat(api.get(stranger.token(), CHATS + "/" + chat).status()).isEqualTo(200);

        api.delete(owner.token(), CHATS + "/" + chat + "/share");
        assertThat(api.get(friend.token(), CHATS + "/" + chat).status()).isEqualTo(401);
        assertThat(api.get(stranger.token(), CHATS + "/" + chat).status()).isEqualTo(401);
    }

    @Test
    void unshareAll_withdrawsEveryShareOfTheCallerWithItsGrants_andLeavesOtherUsersSharesAlone() {
        TestUsers.Account sharer = TestUsers.signUp(client, "Sharer Of Many");
        String first = create(sharer, "First shared");
        String second = create(sharer, "Second shared");
        String firstShare = share(sharer, first);
        String secondShare = share(sharer, second);
        api.post(sharer.token(), CHATS + "/shared/" + first + "/access/update",
                "{\"access_grants\":[{\"principal_type\":\"user\",\"principal_id\":\"" + friend.id()
                        + "\",\"permission\":\"read\"}]}");
        String othersChat = create(owner, "Someone else's share");
        String othersShare = share(owner, othersChat);

        Api.Reply reply = api.delete(sharer.token(), CHATS + "/share/all");

        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(reply.raw()).isEqualTo("true");
        assertThat(api.get(sharer.token(), CHATS + "/shared").list()).isEmpty();
        assertThat(api.get(sharer.token(), CHATS + "/" + first).get("share_id")).isNull();
        assertThat(api.get(sharer.token(), CHATS + "/" + second).get("share_id")).isNull();
        assertThat(api.get(friend.token(), CHATS + "/share/" + firstShare).status()).isEqualTo(401);
        assertThat(api.get(friend.token(), CHATS + "/share/" + secondShare).status()).isEqualTo(401);
        assertThat(api.get(friend.token(), CHATS + "/" + first).status()).isEqualTo(401);
        assertThat(api.get(sharer.token(), CHATS + "/shared/" + first + "/access").list()).isEmpty();
        assertThat(api.get(stranger.token(), CHATS + "/share/" + othersShare).status()).isEqualTo(200);
        // Nothing left to withdraw is still a success, as upstream answers.
        assertThat(api.delete(sharer.token(), CHATS + "/share/all").raw()).isEqualTo("true");
    }

    @Test
    void archivedCount_countsOnlyTheCallersArchivedChats() {
        TestUsers.Account archiver = TestUsers.signUp(client, "Archiver");
        assertThat(api.get(archiver.token(), CHATS + "/archived/count").raw()).isEqualTo("0");
        for (String title : List.of("a1", "a2", "kept")) {
            String id = create(archiver, title);
            if (!title.equals("kept")) {
                api.post(archiver.token(), CHATS + "/" + id + "/archive", null);
            }
        }
        api.post(stranger.token(), CHATS + "/" + create(stranger, "theirs") + "/archive", null);

        Api.Reply count = api.get(archiver.token(), CHATS + "/archived/count");

        assertThat(count.status()).isEqualTo(200);
        assertThat(count.raw()).isEqualTo("2");
    }

    @Test
    void accessGrants_onAnotherUsersChat_unknownUsers_andBadBodies_answerAsOpenWebUi() {
        String chat = create(owner, "Mine");
        share(owner, chat);
        String body = "{\"access_grants\":[{\"principal_type\":\"user\",\"principal_id\":\"" + friend.id()
                + "\",\"permission\":\"read\"}]}";

        Api.Reply foreign = api.post(stranger.token(), CHATS + "/shared/" + chat + "/access/update", body);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).isEqualTo(Map.of("detail", NOT_FOUND));
        Api.Reply foreignRead = api.get(stranger.token(), CHATS + "/shared/" + chat + "/access");
        assertThat(foreignRead.status()).isEqualTo(404);
        assertThat(foreignRead.body()).isEqualTo(Map.of("detail", NOT_FOUND));
        assertThat(api.get(owner.token(), CHATS + "/shared/" + chat + "/access").list()).isEmpty();
        assertThat(api.get(owner.token(), CHATS + "/shared/" + UUID.randomUUID() + "/access").status())
                .isEqualTo(404);
        assertThat(api.get(owner.token(), CHATS + "/shared/%20bad%20id/access").status()).isEqualTo(404);

        // An admin manages any chat's grants.
        assertThat(api.post(admin.token(), CHATS + "/shared/" + chat + "/access/update", body).status())
                .isEqualTo(200);
        assertThat(api.get(admin.token(), CHATS + "/shared/" + chat + "/access").list()).hasSize(1);

        // A grant to a user that does not exist is kept as given: it admits no one.
        String ghost = UUID.randomUUID().toString();
        Api.Reply toGhost = api.post(owner.token(), CHATS + "/shared/" + chat + "/access/update",
                "{\"access_grants\":[{\"principal_type\":\"user\",\"principal_id\":\"" + ghost
                        + "\",\"permission\":\"read\"},{\"principal_type\":\"robot\",\"principal_id\":\"x\","
                        + "\"permission\":\"read\"}]}");
        assertThat(toGhost.status()).as(toGhost.raw()).isEqualTo(200);
        assertThat(api.get(owner.token(), CHATS + "/shared/" + chat + "/access").list())
                .extracting(grant -> grant.get("principal_id")).containsExactly(ghost);

        assertThat(api.post(owner.token(), CHATS + "/shared/" + chat + "/access/update", "{}").status())
                .isEqualTo(422);
        assertThat(api.post(owner.token(), CHATS + "/shared/" + chat + "/access/update",
                "{\"access_grants\":\"all\"}").status()).isEqualTo(422);
        assertThat(api.post(owner.token(), CHATS + "/shared/" + chat + "/access/update",
                "{\"access_grants\":[1]}").status()).isEqualTo(422);
        assertThat(api.post(owner.token(), CHATS + "/shared/" + chat + "/access/update", "not json").status())
                .isEqualTo(422);
        assertThat(api.post(owner.token(), CHATS + "/shared/" + chat + "/access/update",
                "{\"access_grants\":[]}").status()).isEqualTo(200);
        assertThat(api.get(owner.token(), CHATS + "/shared/" + chat + "/access").list()).isEmpty();
    }
}
