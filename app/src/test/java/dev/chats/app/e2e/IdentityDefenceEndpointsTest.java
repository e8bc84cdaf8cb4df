package dev.chats.app.e2e;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end over real HTTP: identity defended as Open WebUI defends it — sign-in limited per account (15 attempts
 * per rolling 180 s, then 429), {@code /api/v1/auths/signout} revoking the presented token by its {@code jti}, and
 * {@code /api/v1/auths/update/password} requiring the current password and voiding every older token.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentityDefenceEndpointsTest {

    static final String RATE_LIMIT_EXCEEDED = "API rate limit exceeded";
    static final String INVALID_CRED =
            "The email or password provided is incorrect. Please check for typos and try logging in.";
    static final String REVOKED = "Invalid token";
    static final String INVALID_PASSWORD =
            "The password provided is incorrect. Please check for typos and try again.";
    static final int ALLOWED_ATTEMPTS = 15;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    Api api;

    @BeforeAll
    void signUpTheAdmin() {
        api = new Api(client, json);
        TestUsers.signUp(client, "Admin");
    }

    // --- sign-in limit ---------------------------------------------------------------------------------------

    @Test
    void sixteenWrongSignIns_answer429_theRightPasswordIsRefusedToo_andAnotherAccountIsUnaffected() {
        TestUsers.Account victim = TestUsers.signUp(client, "Victim");
        TestUsers.Account bystander = TestUsers.signUp(client, "Bystander");

        List<Integer> wrong = new ArrayList<>();
        for (int attempt = 0; attempt < ALLOWED_ATTEMPTS; attempt++) {
            Api.Reply reply = signIn(victim.email(), "guess-" + attempt);
            wrong.add(reply.status());
            assertThat(reply.object()).isEqualTo(Map.of("detail", INVALID_CRED));
        }
        Api.Reply sixteenth = signIn(victim.email(), "guess-16");
        Api.Reply rightPassword = signIn(victim.email(), TestUsers.PASSWORD);
        Api.Reply otherCase = signIn("  " + victim.email().toUpperCase() + " ", TestUsers.PASSWORD);
        Api.Reply other = signIn(bystander.email(), TestUsers.PASSWORD);

        assertThat(wrong).containsOnly(400).hasSize(ALLOWED_ATTEMPTS);
        for (Api.Reply limited : List.of(sixteenth, rightPassword, otherCase)) {
            assertThat(limited.status()).as(limited.raw()).isEqualTo(429);
            assertThat(limited.object()).isEqualTo(Map.of("detail", RATE_LIMIT_EXCEEDED));
        }
        assertThat(other.status()).isEqualTo(200);
        assertThat(api.get(victim.token(), "/api/v1/auths/").status())
                .as("sessions already open are not touched by the limit").isEqualTo(200);
    }

    // --- sign-out --------------------------------------------------------------------------------------------

    @Test
    void signOut_revokesThePresentedToken_everywhere_andLeavesTheUsersOtherSessions() throws Exception {
        TestUsers.Account account = TestUsers.signUp(client, "Leaver");
        String other = TestUsers.signIn(client, account.email(), TestUsers.PASSWORD).token();
        JWTClaimsSet claims = JWTParser.parse(account.token()).getJWTClaimsSet();
        assertThat(UUID.fromString(claims.getJWTID()).toString()).isEqualTo(claims.getJWTID());
        assertThat(api.get(account.token(), "/api/v1/chats/").status()).isEqualTo(200);

        HttpResponse<String> signedOut = client.toBlocking().exchange(
                HttpRequest.GET("/api/v1/auths/signout").bearerAuth(account.token()), String.class);

        assertThat(signedOut.code()).isEqualTo(200);
        assertThat(api.parse(signedOut.body())).isEqualTo(Map.of("status", true));
        assertThat(signedOut.getHeaders().get("Set-Cookie")).startsWith("token=;").contains("Max-Age=0");
        for (String route : List.of("/api/v1/auths/", "/api/v1/chats/", "/api/v1/folders/")) {
            Api.Reply revoked = api.get(account.token(), route);
            assertThat(revoked.status()).as(route).isEqualTo(401);
            assertThat(revoked.object()).as(route).isEqualTo(Map.of("detail", REVOKED));
        }
        Api.Reply asCookie = api.send(HttpRequest.GET("/api/v1/chats/")
                .cookie(Cookie.of("token", account.token())), null);
        assertThat(asCookie.status()).isEqualTo(401);
        assertThat(api.post(account.token(), "/api/v1/chats/new", "{\"chat\":{}}").status()).isEqualTo(401);
        assertThat(api.get(other, "/api/v1/auths/").status()).isEqualTo(200);
        assertThat(api.get(other, "/api/v1/chats/").status()).isEqualTo(200);
    }

    @Test
    void signOut_byPost_orTwice_orWithoutAToken_answersStatusTrue() {
        TestUsers.Account account = TestUsers.signUp(client, "Poster");

        Api.Reply first = api.post(account.token(), "/api/v1/auths/signout", null);
        Api.Reply again = api.get(account.token(), "/api/v1/auths/signout");
        Api.Reply anonymous = api.get(null, "/api/v1/auths/signout");
        Api.Reply garbage = api.get("garbage", "/api/v1/auths/signout");

        for (Api.Reply reply : List.of(first, again, anonymous, garbage)) {
            assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
            assertThat(reply.object()).isEqualTo(Map.of("status", true));
        }
        assertThat(api.get(account.token(), "/api/v1/auths/").object()).isEqualTo(Map.of("detail", REVOKED));
    }

    // --- password change -------------------------------------------------------------------------------------

    @Test
    void passwordChange_withTheCurrentPassword_voidsEveryOlderToken_andOnlyTheNewPasswordSignsIn() {
        TestUsers.Account account = TestUsers.signUp(client, "Changer");
        String second = TestUsers.signIn(client, account.email(), TestUsers.PASSWORD).token();

        Api.Reply changed = api.post(account.token(), "/api/v1/auths/update/password",
                "{\"password\":\"" + TestUsers.PASSWORD + "\",\"new_password\":\"a brand new secret\"}");

        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.body()).isEqualTo(true);
        for (String old : List.of(account.token(), second)) {
            for (String route : List.of("/api/v1/auths/", "/api/v1/chats/")) {
                Api.Reply refused = api.get(old, route);
                assertThat(refused.status()).as(route).isEqualTo(401);
                assertThat(refused.object()).isEqualTo(Map.of("detail", REVOKED));
            }
        }
        Api.Reply oldPassword = signIn(account.email(), TestUsers.PASSWORD);
        assertThat(oldPassword.status()).isEqualTo(400);
        assertThat(oldPassword.object()).isEqualTo(Map.of("detail", INVALID_CRED));
        String fresh = TestUsers.signIn(client, account.email(), "a brand new secret").token();
        assertThat(api.get(fresh, "/api/v1/auths/").status()).isEqualTo(200);
        assertThat(api.get(fresh, "/api/v1/chats/").status()).isEqualTo(200);
    }

    @Test
    void passwordChange_withAWrongCurrentPassword_answers400_andChangesNothing() {
        TestUsers.Account account = TestUsers.signUp(client, "Guesser");

        Api.Reply refused = api.post(account.token(), "/api/v1/auths/update/password",
                "{\"password\":\"not it\",\"new_password\":\"whatever\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.object()).isEqualTo(Map.of("detail", INVALID_PASSWORD));
        assertThat(api.get(account.token(), "/api/v1/auths/").status()).isEqualTo(200);
        assertThat(signIn(account.email(), TestUsers.PASSWORD).status()).isEqualTo(200);
        assertThat(signIn(account.email(), "whatever").status()).isEqualTo(400);
    }

    @Test
    void passwordChange_withoutATokenOrWithAMalformedForm_isRefused() {
        TestUsers.Account account = TestUsers.signUp(client, "Formless");

        Api.Reply anonymous = api.post(null, "/api/v1/auths/update/password",
                "{\"password\":\"" + TestUsers.PASSWORD + "\",\"new_password\":\"x\"}");
        Api.Reply missing = api.post(account.token(), "/api/v1/auths/update/password",
                "{\"password\":\"" + TestUsers.PASSWORD + "\"}");
        Api.Reply empty = api.post(account.token(), "/api/v1/auths/update/password",
                "{\"password\":\"" + TestUsers.PASSWORD + "\",\"new_password\":\"\"}");

        assertThat(anonymous.status()).isEqualTo(403);
        assertThat(anonymous.object()).isEqualTo(Map.of("detail", "Not authenticated"));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(empty.status()).isEqualTo(422);
        assertThat(api.get(account.token(), "/api/v1/auths/").status()).isEqualTo(200);
    }

    private Api.Reply signIn(String email, String password) {
        return api.send(HttpRequest.POST("/api/v1/auths/signin", Map.of("email", email, "password", password))
                .contentType(MediaType.APPLICATION_JSON_TYPE), null);
    }
}
