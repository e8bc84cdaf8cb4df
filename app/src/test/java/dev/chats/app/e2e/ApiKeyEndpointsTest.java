package dev.chats.app.e2e;

import dev.chats.adapters.mongo.MongoStore;
import io.micronaut.context.BeanContext;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end over real HTTP: API keys as Open WebUI issues them ({@code /api/v1/auths/api_key}) and an {@code sk-}
 * bearer on both surfaces — Open WebUI's routes answering failures with {@code {"detail"}}, Vapi's with NestJS's
 * envelope.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiKeyEndpointsTest {

    static final String INVALID_TOKEN = "Your session has expired or the token is invalid. Please sign in again.";
    static final String KEY_NOT_FOUND = "Oops! It looks like there's a hiccup. The API key is missing. Please make "
            + "sure to provide a valid API key to access this feature.";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    @Inject
    BeanContext beans;

    Api api;

    @BeforeAll
    void setUp() {
        api = new Api(client, json);
        TestUsers.signUp(client, "Admin");
    }

    private String issue(TestUsers.Account who) {
        Api.Reply reply = api.post(who.token(), "/api/v1/auths/api_key", "");
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(reply.object()).containsOnlyKeys("api_key");
        return (String) reply.get("api_key");
    }

    private static void assertRefusedOnBothSurfaces(Api api, String key, int status, String detail) {
        Api.Reply owui = api.get(key, "/api/v1/chats/");
        assertThat(owui.status()).as(owui.raw()).isEqualTo(status);
        assertThat(owui.object()).isEqualTo(Map.of("detail", detail));
        Api.Reply vapi = api.get(key, "/chat");
        assertThat(vapi.status()).as(vapi.raw()).isEqualTo(status);
        assertThat(vapi.object()).containsOnlyKeys("message", "error", "statusCode")
                .containsEntry("statusCode", status).containsEntry("message", detail);
    }

    @Test
    void anIssuedKey_actsAsItsOwnerOnEveryRouteOfBothSurfaces() {
        TestUsers.Account owner = TestUsers.signUp(client, "Key Owner");
        TestUsers.Account other = TestUsers.signUp(client, "Other");
        String key = issue(owner);
        assertThat(key).matches("sk-[0-9a-f]{32}");

        Api.Reply session = api.get(key, "/api/v1/auths/");
        assertThat(session.status()).isEqualTo(200);
        assertThat(session.object()).containsEntry("id", owner.id()).containsEntry("token", key);

        Api.Reply created = api.post(key, "/api/v1/chats/new", "{\"chat\":{\"title\":\"By key\"}}");
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        assertThat(created.object()).containsEntry("user_id", owner.id());
        Api.Reply ownList = api.get(owner.token(), "/api/v1/chats/");
        assertThat(ownList.list()).extracting(chat -> chat.get("id")).contains(created.get("id"));
        assertThat(api.get(other.token(), "/api/v1/chats/").list()).isEmpty();

        Api.Reply vapiList = api.get(key, "/chat");
        assertThat(vapiList.status()).as(vapiList.raw()).isEqualTo(200);
        assertThat(vapiList.object()).containsKeys("results", "metadata");
        Api.Reply assistants = api.get(key, "/assistant");
        assertThat(assistants.status()).as(assistants.raw()).isEqualTo(200);
    }

    @Test
    void getShowsOnlyTheKeysHint_and404sWithoutAKey() {
        TestUsers.Account owner = TestUsers.signUp(client, "Hinted");
        Api.Reply none = api.get(owner.token(), "/api/v1/auths/api_key");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.object()).isEqualTo(Map.of("detail", KEY_NOT_FOUND));

        String key = issue(owner);

        Api.Reply shown = api.get(owner.token(), "/api/v1/auths/api_key");
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.object()).isEqualTo(Map.of("api_key", "sk-" + "*".repeat(28) + key.substring(31)));
        assertThat(api.get(key, "/api/v1/auths/api_key").object()).isEqualTo(shown.object());
    }

    @Test
    void aReissuedKey_replacesTheEarlierOne_whichAnswers401LikeAnUnknownKey() {
        TestUsers.Account owner = TestUsers.signUp(client, "Reissuer");
        String first = issue(owner);

        String second = issue(owner);

        assertThat(second).isNotEqualTo(first);
        assertRefusedOnBothSurfaces(api, first, 401, INVALID_TOKEN);
        assertRefusedOnBothSurfaces(api, "sk-00000000000000000000000000000000", 401, INVALID_TOKEN);
        assertRefusedOnBothSurfaces(api, "sk-x", 401, INVALID_TOKEN);
        assertThat(api.get(second, "/api/v1/chats/").status()).isEqualTo(200);
    }

    @Test
    void aDeletedKey_stopsWorkingAtOnce_andDeleteAnswersTrueEvenWithoutAKey() {
        TestUsers.Account owner = TestUsers.signUp(client, "Deleter");
        String key = issue(owner);
        assertThat(api.get(key, "/chat").status()).isEqualTo(200);

        Api.Reply deleted = api.delete(owner.token(), "/api/v1/auths/api_key");

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo(true);
        assertRefusedOnBothSurfaces(api, key, 401, INVALID_TOKEN);
        assertThat(api.get(owner.token(), "/api/v1/auths/api_key").status()).isEqualTo(404);
        assertThat(api.delete(owner.token(), "/api/v1/auths/api_key").body()).isEqualTo(true);
    }

    @Test
    void signingOutWithAKey_revokesNothing_andTheKeyKeepsWorking() {
        TestUsers.Account owner = TestUsers.signUp(client, "Signer");
        String key = issue(owner);

        Api.Reply signOut = api.send(HttpRequest.POST("/api/v1/auths/signout", ""), key);

        assertThat(signOut.status()).isEqualTo(200);
        assertThat(api.get(key, "/api/v1/chats/").status()).isEqualTo(200);
        assertThat(api.get(owner.token(), "/api/v1/chats/").status()).isEqualTo(200);
    }

    @Test
    void theKeysOfAUserWhoWasDeleted_stopWorking() throws SQLException {
        TestUsers.Account owner = TestUsers.signUp(client, "Leaving");
        String key = issue(owner);
        assertThat(api.get(key, "/api/v1/chats/").status()).isEqualTo(200);

        deleteUser(owner.id());

        assertRefusedOnBothSurfaces(api, key, 401, INVALID_TOKEN);
    }

    /** No route deletes users yet: remove the stored user the way an operator's tool would, on either store. */
    private void deleteUser(String id) throws SQLException {
        Optional<DataSource> sql = beans.findBean(DataSource.class);
        if (sql.isPresent()) {
            try (Connection connection = sql.get().getConnection();
                 PreparedStatement delete = connection.prepareStatement("DELETE FROM app_user WHERE id = ?")) {
                delete.setString(1, id);
                assertThat(delete.executeUpdate()).isEqualTo(1);
            }
            return;
        }
        MongoStore mongo = beans.getBean(MongoStore.class);
        assertThat(mongo.database().getCollection("users", BsonDocument.class)
                .deleteOne(new BsonDocument("_id", new BsonString(id))).getDeletedCount()).isEqualTo(1);
    }

    @Test
    void withoutCredentials_theKeyRoutesAnswerAsEveryOpenWebUiRoute() {
        for (String method : List.of("GET", "POST", "DELETE")) {
            Api.Reply reply = api.send(HttpRequest.create(HttpMethod.parse(method),
                    "/api/v1/auths/api_key"), null);
            assertThat(reply.status()).as(method).isEqualTo(403);
            assertThat(reply.object()).isEqualTo(Map.of("detail", "Not authenticated"));
        }
    }
}
