package dev.chats.app.e2e;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static dev.chats.app.e2e.ChatLifecycleEndpointsTest.ACCESS_PROHIBITED;
import static dev.chats.app.e2e.ChatLifecycleEndpointsTest.NOT_FOUND;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end with the switches off: {@code chat.delete} not granted by default, {@code ENABLE_ADMIN_CHAT_ACCESS},
 * {@code ENABLE_ADMIN_EXPORT} and {@code ENABLE_COMMUNITY_SHARING} false.
 */
@MicronautTest
@Property(name = "chats.sharing.community", value = "false")
@Property(name = "chats.permissions.chat.delete", value = "false")
@Property(name = "chats.admin.chat-access", value = "false")
@Property(name = "chats.admin.export", value = "false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestrictedPermissionsEndpointsTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    Api api;
    TestUsers.Account admin;
    TestUsers.Account user;

    @BeforeAll
    void signUpUsers() {
        api = new Api(client, json);
        admin = TestUsers.signUp(client, "Admin");
        user = TestUsers.signUp(client, "User");
    }

    private String create(TestUsers.Account who) {
        return (String) api.post(who.token(), "/api/v1/chats/new", "{\"chat\":{\"title\":\"t\"}}").get("id");
    }

    @Test
    void withoutChatDelete_userMayNotDelete_butAdminMay() {
        String users = create(user);
        String admins = create(admin);

        Api.Reply one = api.delete(user.token(), "/api/v1/chats/" + users);
        Api.Reply all = api.delete(user.token(), "/api/v1/chats/");
        Api.Reply adminDelete = api.delete(admin.token(), "/api/v1/chats/" + admins);

        assertThat(one.status()).isEqualTo(401);
        assertThat(one.detail()).isEqualTo(ACCESS_PROHIBITED);
        assertThat(all.status()).isEqualTo(401);
        assertThat(all.detail()).isEqualTo(ACCESS_PROHIBITED);
        assertThat(api.get(user.token(), "/api/v1/chats/" + users).status()).isEqualTo(200);
        assertThat(adminDelete.status()).isEqualTo(200);
    }

    @Test
    void withoutAdminChatAccess_adminCannotReadDeleteOrListOthersChats() {
        String users = create(user);

        Api.Reply read = api.get(admin.token(), "/api/v1/chats/" + users);
        Api.Reply delete = api.delete(admin.token(), "/api/v1/chats/" + users);
        Api.Reply list = api.get(admin.token(), "/api/v1/chats/list/user/" + user.id());

        assertThat(read.status()).isEqualTo(401);
        assertThat(read.detail()).isEqualTo(NOT_FOUND);
        assertThat(delete.status()).isEqualTo(404);
        assertThat(list.status()).isEqualTo(401);
        assertThat(list.detail()).isEqualTo(ACCESS_PROHIBITED);
        assertThat(api.get(user.token(), "/api/v1/chats/" + users).status()).isEqualTo(200);
    }

    @Test
    void withoutAdminExport_theDatabaseExportIsProhibitedEvenForAdmins() {
        Api.Reply export = api.get(admin.token(), "/api/v1/chats/all/db");

        assertThat(export.status()).isEqualTo(401);
        assertThat(export.detail()).isEqualTo(ACCESS_PROHIBITED);
    }

    @Test
    void withoutCommunitySharing_onlyAdminsExportChatStatistics_whicheverChatIsAsked() {
        String users = create(user);
        String admins = create(admin);

        for (String path : new String[] {"/api/v1/chats/stats/export", "/api/v1/chats/stats/export?stream=true",
                "/api/v1/chats/stats/export/" + users, "/api/v1/chats/stats/export/no-such-chat"}) {
            Api.Reply refused = api.get(user.token(), path);
            assertThat(refused.status()).as(path).isEqualTo(401);
            assertThat(refused.detail()).as(path).isEqualTo(ACCESS_PROHIBITED);
        }
        assertThat(api.get(user.token(), "/api/v1/chats/stats/usage").status()).isEqualTo(200);
        assertThat(api.get(admin.token(), "/api/v1/chats/stats/export").status()).isEqualTo(200);
        assertThat(api.get(admin.token(), "/api/v1/chats/stats/export/" + admins).status()).isEqualTo(200);
    }
}
