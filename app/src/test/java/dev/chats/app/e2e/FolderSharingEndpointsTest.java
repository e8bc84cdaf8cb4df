package dev.chats.app.e2e;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.chats.app.e2e.ChatLifecycleEndpointsTest.ACCESS_PROHIBITED;
import static dev.chats.app.e2e.ChatLifecycleEndpointsTest.NOT_FOUND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * End to end over real HTTP: folder sharing as the newest Open WebUI has it — {@code POST /folders/{id}/access/update}
 * (owner only), {@code GET /folders/{id}} with its grants, {@code GET /folders/shared} and
 * {@code GET /folders/{id}/shared/chats} for the users a grant reaches, and reading those chats by id. To anyone
 * else a shared folder answers exactly like a missing one.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FolderSharingEndpointsTest {

    static final String FOLDERS = "/api/v1/folders";
    static final String CHATS = "/api/v1/chats";

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
    }

    private TestUsers.Account user(String name) {
        return TestUsers.signUp(client, name);
    }

    private String folder(TestUsers.Account who, String name, String parent) {
        Api.Reply reply = api.post(who.token(), FOLDERS + "/", parent == null ? "{\"name\":\"" + name + "\"}"
                : "{\"name\":\"" + name + "\",\"parent_id\":\"" + parent + "\"}");
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return (String) reply.get("id");
    }

    private String chat(TestUsers.Account who, String title, String folder) {
        Api.Reply reply = api.post(who.token(), CHATS + "/new", "{\"chat\":{\"title\":\"" + title
                + "\",\"history\":{\"currentId\":\"m1\",\"messages\":{\"m1\":{\"id\":\"m1\",\"role\":\"user\","
                + "\"content\":\"hi\"}}}},\"folder_id\":\"" + folder + "\"}");
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return (String) reply.get("id");
    }

    private Api.Reply grant(TestUsers.Account who, String folder, String grants) {
        return api.post(who.token(), FOLDERS + "/" + folder + "/access/update", "{\"access_grants\":" + grants + "}");
    }

    private static String userGrant(TestUsers.Account grantee, String permission) {
        return "{\"principal_type\":\"user\",\"principal_id\":\"" + grantee.id() + "\",\"permission\":\""
                + permission + "\"}";
    }

    private static void assertNotFound(Api.Reply reply) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(404);
        assertThat(reply.detail()).isEqualTo(NOT_FOUND);
    }

    @Test
    @SuppressWarnings("unchecked")
    void ownerSharesAFolder_theAnswerAndGetCarryItsGrants_asAccessGrantModels() {
        TestUsers.Account owner = user("Sharer");
        TestUsers.Account friend = user("Friend");
        String id = folder(owner, "Team", null);

        Api.Reply shared = grant(owner, id, "[" + userGrant(friend, "read") + ","
                + "{\"principal_type\":\"user\",\"principal_id\":\"" + friend.id() + "\",\"permission\":\"read\"},"
                + "{\"principal_type\":\"robot\",\"principal_id\":\"x\",\"permission\":\"read\"},"
                + "{\"principal_type\":\"user\",\"principal_id\":\"x\",\"permission\":\"admin\"}]");

        assertThat(shared.status()).as(shared.raw()).isEqualTo(200);
        assertThat(shared.get("id")).isEqualTo(id);
        assertThat(shared.get("user_id")).isEqualTo(owner.id());
        List<Map<String, Object>> grants = (List<Map<String, Object>>) shared.get("access_grants");
        assertThat(grants).singleElement().satisfies(g -> {
            assertThat(g.keySet()).containsExactly("id", "resource_type", "resource_id", "principal_type",
                    "principal_id", "permission", "created_at");
            assertThat(g).containsEntry("resource_type", "folder").containsEntry("resource_id", id)
                    .containsEntry("principal_type", "user").containsEntry("principal_id", friend.id())
                    .containsEntry("permission", "read");
            assertThat(((Number) g.get("created_at")).longValue()).isPositive();
        });
        assertThat(api.get(owner.token(), FOLDERS + "/" + id).get("access_grants")).isEqualTo(grants);
        // the user it is shared with reads the folder too
        Api.Reply asFriend = api.get(friend.token(), FOLDERS + "/" + id);
        assertThat(asFriend.status()).as(asFriend.raw()).isEqualTo(200);
        assertThat(asFriend.get("access_grants")).isEqualTo(grants);

        // an empty list withdraws the share
        assertThat((List<?>) grant(owner, id, "[]").get("access_grants")).isEmpty();
        assertNotFound(api.get(friend.token(), FOLDERS + "/" + id));
    }

    @Test
    void onlyTheOwnerChangesGrants_aGranteeIsRefused_andEveryoneElseMeetsAMissingFolder() {
        TestUsers.Account owner = user("Owner");
        TestUsers.Account writer = user("Writer");
        TestUsers.Account stranger = user("Stranger");
        String id = folder(owner, "Private", null);
        assertThat(grant(owner, id, "[" + userGrant(writer, "write") + "]").status()).isEqualTo(200);

        Api.Reply byGrantee = grant(writer, id, "[" + userGrant(stranger, "read") + "]");
        assertThat(byGrantee.status()).as(byGrantee.raw()).isEqualTo(403);
        assertThat(byGrantee.detail()).isEqualTo(ACCESS_PROHIBITED);
        Api.Reply byStranger = grant(stranger, id, "[" + userGrant(stranger, "read") + "]");
        Api.Reply onMissing = grant(stranger, UUID.randomUUID().toString(), "[" + userGrant(stranger, "read") + "]");
        assertNotFound(byStranger);
        assertThat(byStranger.raw()).isEqualTo(onMissing.raw());
        assertNotFound(api.get(stranger.token(), FOLDERS + "/" + id));
        assertThat(api.get(owner.token(), FOLDERS + "/" + id).get("access_grants")).asList().hasSize(1);

        // admins have no more reach into others' folders here than anyone (as every folder route of this server)
        assertThat(grant(admin, id, "[" + userGrant(stranger, "read") + "]").raw()).isEqualTo(onMissing.raw());
        assertNotFound(api.get(admin.token(), FOLDERS + "/" + id + "/shared/chats"));
        assertNotFound(api.get(stranger.token(), FOLDERS + "/" + id));
    }

    @Test
    void aGrantToAUserThatDoesNotExistIsKept_asUpstream_andAFormThatIsNoListAnswers422() {
        TestUsers.Account owner = user("Ghost Sharer");
        String id = folder(owner, "Ghosts", null);

        Api.Reply ghost = grant(owner, id, "[{\"principal_type\":\"user\",\"principal_id\":\"no-such-user\","
                + "\"permission\":\"write\"}]");
        assertThat(ghost.status()).as(ghost.raw()).isEqualTo(200);
        assertThat(ghost.get("access_grants")).asList().singleElement().asInstanceOf(
                InstanceOfAssertFactories.MAP).containsEntry("principal_id", "no-such-user");

        assertThat(grant(owner, id, "\"everyone\"").status()).isEqualTo(422);
        assertThat(api.post(owner.token(), FOLDERS + "/" + id + "/access/update", "{}").status()).isEqualTo(422);
    }

    @Test
    @SuppressWarnings("unchecked")
    void sharedFolders_listsFoldersOthersShared_withSubfoldersOwnerNameAndHighestPermission_notOwnOnes() {
        TestUsers.Account owner = user("Shelf Owner");
        TestUsers.Account friend = user("Shelf Friend");
        TestUsers.Account stranger = user("Shelf Stranger");
        String root = folder(owner, "Shelf", null);
        String sub = folder(owner, "Sub", root);
        String unshared = folder(owner, "Unshared", null);
        String friendsOwn = folder(friend, "Mine", null);
        grant(owner, root, "[" + userGrant(friend, "read") + "]");
        grant(owner, sub, "[" + userGrant(friend, "write") + "]");
        grant(friend, friendsOwn, "[" + userGrant(friend, "write") + "]");

        Api.Reply shared = api.get(friend.token(), FOLDERS + "/shared");

        assertThat(shared.status()).as(shared.raw()).isEqualTo(200);
        assertThat(shared.list()).extracting(f -> f.get("id"), f -> f.get("permission")).containsExactlyInAnyOrder(
                tuple(root, "read"), tuple(sub, "write"));
        assertThat(shared.list()).allSatisfy(f -> {
            assertThat(f).containsEntry("owner_name", "Shelf Owner").containsEntry("user_id", owner.id())
                    .containsEntry("access_grants", List.of());
        });
        assertThat(shared.list()).filteredOn(f -> sub.equals(f.get("id"))).singleElement()
                .satisfies(f -> assertThat(f).containsEntry("parent_id", root));
        assertThat(shared.raw()).doesNotContain(unshared).doesNotContain(friendsOwn);
        assertThat(api.get(stranger.token(), FOLDERS + "/shared").list()).isEmpty();
        assertThat(api.get(owner.token(), FOLDERS + "/shared").list()).isEmpty();

        // a grant to every user reaches the stranger too
        grant(owner, unshared, "[{\"principal_type\":\"user\",\"principal_id\":\"*\",\"permission\":\"read\"}]");
        assertThat(api.get(stranger.token(), FOLDERS + "/shared").list()).extracting(f -> f.get("id"))
                .containsExactly(unshared);
        // withdrawn again, so the other tests' users do not see it
        grant(owner, unshared, "[]");
        assertThat(api.get(stranger.token(), FOLDERS + "/shared").list()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void sharedChats_listTheFoldersChats_readonlyForTheGrantee_andTheyOpenById_butNotForOthers() {
        TestUsers.Account owner = user("Chat Owner");
        TestUsers.Account reader = user("Chat Reader");
        TestUsers.Account stranger = user("Chat Stranger");
        String root = folder(owner, "Project", null);
        String sub = folder(owner, "Notes", root);
        String inRoot = chat(owner, "Plan", root);
        String inSub = chat(owner, "Detail", sub);
        grant(owner, root, "[" + userGrant(reader, "read") + "]");

        Api.Reply asReader = api.get(reader.token(), FOLDERS + "/" + root + "/shared/chats");
        assertThat(asReader.status()).as(asReader.raw()).isEqualTo(200);
        assertThat(asReader.get("folder_permission")).isEqualTo("read");
        List<Map<String, Object>> chats = (List<Map<String, Object>>) asReader.get("chats");
        assertThat(chats).singleElement().satisfies(c -> {
            assertThat(c.keySet()).containsExactly("id", "title", "user_id", "updated_at", "created_at",
                    "last_read_at", "owner_name", "readonly");
            assertThat(c).containsEntry("id", inRoot).containsEntry("title", "Plan")
                    .containsEntry("user_id", owner.id()).containsEntry("owner_name", "Chat Owner")
                    .containsEntry("readonly", true);
        });
        // the subfolder is shared through its parent
        assertThat((List<Map<String, Object>>) api.get(reader.token(), FOLDERS + "/" + sub + "/shared/chats")
                .get("chats")).extracting(c -> c.get("id")).containsExactly(inSub);

        Api.Reply asOwner = api.get(owner.token(), FOLDERS + "/" + root + "/shared/chats");
        assertThat(asOwner.get("folder_permission")).isEqualTo("write");
        assertThat((List<Map<String, Object>>) asOwner.get("chats")).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("readonly", false));
        assertNotFound(api.get(stranger.token(), FOLDERS + "/" + root + "/shared/chats"));
        assertNotFound(api.get(stranger.token(), FOLDERS + "/" + UUID.randomUUID() + "/shared/chats"));

        // the grantee opens the chats by id, in the folder and below it; a grant gives no writing
        assertThat(api.get(reader.token(), CHATS + "/" + inRoot).status()).isEqualTo(200);
        assertThat(api.get(reader.token(), CHATS + "/" + inSub).get("title")).isEqualTo("Detail");
        Api.Reply missing = api.get(stranger.token(), CHATS + "/" + UUID.randomUUID());
        Api.Reply foreign = api.get(stranger.token(), CHATS + "/" + inRoot);
        assertThat(foreign.status()).isEqualTo(missing.status());
        assertThat(foreign.raw()).isEqualTo(missing.raw());
        Api.Reply write = api.post(reader.token(), CHATS + "/" + inRoot, "{\"chat\":{\"title\":\"Mine now\"}}");
        assertThat(write.status()).isNotEqualTo(200);
        assertThat(api.get(owner.token(), CHATS + "/" + inRoot).get("title")).isEqualTo("Plan");
    }

    @Test
    void deletingASharedFolder_deletesItsGrants_soNothingStaysReachable() {
        TestUsers.Account owner = user("Deleter");
        TestUsers.Account friend = user("Deleter Friend");
        String id = folder(owner, "Short-lived", null);
        String chat = chat(owner, "Kept", id);
        grant(owner, id, "[" + userGrant(friend, "read") + "]");
        assertThat(api.get(friend.token(), FOLDERS + "/shared").list()).extracting(f -> f.get("id")).contains(id);

        assertThat(api.delete(owner.token(), FOLDERS + "/" + id + "?delete_contents=false").status()).isEqualTo(200);

        assertThat(api.get(friend.token(), FOLDERS + "/shared").list()).extracting(f -> f.get("id"))
                .doesNotContain(id);
        assertNotFound(api.get(friend.token(), FOLDERS + "/" + id + "/shared/chats"));
        // the chat moved to the owner's root, out of any shared folder
        assertThat(api.get(friend.token(), CHATS + "/" + chat).status()).isNotEqualTo(200);
        assertThat(api.get(owner.token(), CHATS + "/" + chat).status()).isEqualTo(200);
    }
}
