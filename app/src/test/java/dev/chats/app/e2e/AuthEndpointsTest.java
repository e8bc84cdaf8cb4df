package dev.chats.app.e2e;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import dev.chats.domain.user.User;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end over real HTTP: Open WebUI's sign-up, sign-in and session routes, and how every secured route
 * rejects a missing, bad, expired or orphaned token and a pending user, with the exact upstream bodies.
 */
@MicronautTest
@Property(name = "spec.name", value = AuthEndpointsTest.SPEC)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthEndpointsTest {

    static final String SPEC = "AuthEndpointsTest";
    static final String ACTOR_ROUTE = "/test/acting-user";
    static final long FOUR_WEEKS = 2_419_200L;

    static final String EMAIL_TAKEN = "Uh-oh! This email is already registered. Sign in with your existing account "
            + "or choose another email to start anew.";
    static final String INVALID_CRED =
            "The email or password provided is incorrect. Please check for typos and try logging in.";
    static final String INVALID_EMAIL_FORMAT = "The email format you entered is invalid. Please double-check and "
            + "make sure you're using a valid email address (e.g., yourname@example.com).";
    static final String PASSWORD_TOO_LONG = "Uh-oh! The password you entered is too long. Please make sure your "
            + "password is less than 72 bytes long.";
    static final String ACCESS_PROHIBITED =
            "You do not have permission to access this resource. Please contact your administrator for assistance.";
    static final String INVALID_TOKEN = "Your session has expired or the token is invalid. Please sign in again.";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    @Inject
    @Named("generator")
    SignatureGeneratorConfiguration signature;

    TestUsers.Account admin;

    /** A secured route that only binds the acting user, to see exactly what the binder lets through. */
    @Requires(property = "spec.name", value = SPEC)
    @Controller(ACTOR_ROUTE)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @ExecuteOn(TaskExecutors.BLOCKING)
    static class ActingUserController {

        @Get
        Map<String, String> actor(User actor) {
            return Map.of("id", actor.id().value(), "role", actor.role().wireName());
        }
    }

    @BeforeAll
    void signUpTheFirstUser() {
        admin = TestUsers.signUp(client, "First Admin");
    }

    // --- sign-up ---------------------------------------------------------------------------------------------

    @Test
    void firstSignUp_isAdmin_andSignsInToTheSameSessionShape() {
        Reply reply = signIn(admin.email(), TestUsers.PASSWORD);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.object()).isEqualTo(sessionBody(reply, admin.id(), admin.email(), "First Admin", "admin"));
        assertThat(admin.role()).isEqualTo("admin");
    }

    @Test
    void laterSignUp_isUser_withTheExactResponseShape() {
        String email = TestUsers.uniqueEmail("Later");

        Reply reply = post("/api/v1/auths/signup",
                "{\"name\":\"Later User\",\"email\":\"" + email + "\",\"password\":\"pw\"}");

        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        String id = (String) reply.get("id");
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        assertThat(reply.object()).isEqualTo(sessionBody(reply, id, email, "Later User", "user"));
        assertThat(List.copyOf(reply.object().keySet())).containsExactly("token", "token_type", "expires_at", "id",
                "email", "name", "role", "profile_image_url");
        assertThat(((Number) reply.get("expires_at")).longValue())
                .isBetween(Instant.now().getEpochSecond() + FOUR_WEEKS - 60, Instant.now().getEpochSecond() + FOUR_WEEKS + 1);
    }

    @Test
    void signUp_keepsTheEmailLowerCasedAndAGivenProfilePicture() {
        String email = TestUsers.uniqueEmail("Pictured");

        Reply reply = post("/api/v1/auths/signup", "{\"name\":\"Pictured\",\"email\":\"" + email.toUpperCase()
                + "\",\"password\":\"pw\",\"profile_image_url\":\"data:image/png;base64,AAAA\"}");

        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(reply.get("email")).isEqualTo(email);
        assertThat(reply.get("profile_image_url")).isEqualTo("data:image/png;base64,AAAA");
    }

    @Test
    void token_namesTheUserAsSubjectAndIdClaim_andExpires() throws Exception {
        JWTClaimsSet claims = JWTParser.parse(admin.token()).getJWTClaimsSet();

        assertThat(claims.getSubject()).isEqualTo(admin.id());
        assertThat(claims.getStringClaim("id")).isEqualTo(admin.id());
        assertThat(claims.getExpirationTime()).isAfter(new Date());
    }

    @Test
    void signUp_withATakenEmailInAnotherCase_answers400EmailTaken() {
        Reply reply = post("/api/v1/auths/signup",
                "{\"name\":\"Copy\",\"email\":\"" + admin.email().toUpperCase() + "\",\"password\":\"pw\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.object()).isEqualTo(Map.of("detail", EMAIL_TAKEN));
    }

    @Test
    void signUp_withABadEmail_answers400InvalidEmailFormat() {
        Reply reply = post("/api/v1/auths/signup", "{\"name\":\"Bad\",\"email\":\"not-an-email\",\"password\":\"pw\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.object()).isEqualTo(Map.of("detail", INVALID_EMAIL_FORMAT));
    }

    @Test
    void signUp_withAPasswordOver72Bytes_answers400PasswordTooLong() {
        String email = TestUsers.uniqueEmail("Long");
        Reply reply = post("/api/v1/auths/signup", "{\"name\":\"Long\",\"email\":\"" + email + "\",\"password\":\""
                + "é".repeat(36) + "x\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.object()).isEqualTo(Map.of("detail", PASSWORD_TOO_LONG));
        assertThat(signIn(email, "é".repeat(36)).status()).isEqualTo(400);
    }

    @Test
    void signUp_withMissingFields_answers422ListingEach() {
        Reply reply = post("/api/v1/auths/signup", "{}");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.object()).isEqualTo(Map.of("detail", List.of(
                validation("missing", "name", "Field required", Map.of()),
                validation("missing", "email", "Field required", Map.of()),
                validation("missing", "password", "Field required", Map.of()))));
    }

    @Test
    void signUp_withWrongTypes_answers422StringType() {
        Reply reply = post("/api/v1/auths/signup",
                "{\"name\":5,\"email\":\"x@example.com\",\"password\":true,\"profile_image_url\":[]}");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.object()).isEqualTo(Map.of("detail", List.of(
                validation("string_type", "name", "Input should be a valid string", 5),
                validation("string_type", "password", "Input should be a valid string", true),
                validation("string_type", "profile_image_url", "Input should be a valid string", List.of()))));
    }

    @Test
    void signUp_withABlankOrOverlongNameOrEmptyPassword_answers422() {
        String tooLong = "n".repeat(256);
        Reply reply = post("/api/v1/auths/signup",
                "{\"name\":\"" + tooLong + "\",\"email\":\"x@example.com\",\"password\":\"\"}");
        Reply blank = post("/api/v1/auths/signup", "{\"name\":\" \",\"email\":\"x@example.com\",\"password\":\"p\"}");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.object()).isEqualTo(Map.of("detail", List.of(
                validation("string_too_long", "name", "String should have at most 255 characters", tooLong),
                validation("string_too_short", "password", "String should have at least 1 character", ""))));
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.object()).isEqualTo(Map.of("detail", List.of(
                validation("string_too_short", "name", "String should have at least 1 character", " "))));
    }

    @Test
    void signUpAndSignIn_withMalformedOrNoJson_answer422NeverA500() {
        Map<String, Object> jsonInvalid = new LinkedHashMap<>();
        jsonInvalid.put("type", "json_invalid");
        jsonInvalid.put("loc", List.of("body", 0));
        jsonInvalid.put("msg", "JSON decode error");
        jsonInvalid.put("input", Map.of());
        Map<String, Object> bodyMissing = new LinkedHashMap<>();
        bodyMissing.put("type", "missing");
        bodyMissing.put("loc", List.of("body"));
        bodyMissing.put("msg", "Field required");
        bodyMissing.put("input", null);

        for (String route : List.of("/api/v1/auths/signup", "/api/v1/auths/signin")) {
            Reply malformed = post(route, "{\"email\": ");
            Reply empty = post(route, "");
            Reply notAnObject = post(route, "[1]");

            assertThat(malformed.status()).as(route).isEqualTo(422);
            assertThat(malformed.object()).as(route).isEqualTo(Map.of("detail", List.of(jsonInvalid)));
            assertThat(empty.status()).as(route).isEqualTo(422);
            assertThat(empty.object()).as(route).isEqualTo(Map.of("detail", List.of(bodyMissing)));
            assertThat(notAnObject.status()).as(route).isEqualTo(422);
        }
    }

    // --- sign-in ---------------------------------------------------------------------------------------------

    @Test
    void signIn_withTheRightPasswordAndAnyCaseOfEmail_answersANewSession() {
        Reply reply = signIn(admin.email().toUpperCase(), TestUsers.PASSWORD);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.object()).isEqualTo(sessionBody(reply, admin.id(), admin.email(), "First Admin", "admin"));
        assertThat(get("/api/v1/auths/", (String) reply.get("token")).status()).isEqualTo(200);
    }

    @Test
    void signIn_withAWrongPasswordOrUnknownEmail_answersTheSame400() {
        Reply wrongPassword = signIn(admin.email(), "wrong");
        Reply unknownEmail = signIn("nobody-" + UUID.randomUUID() + "@example.com", TestUsers.PASSWORD);
        Reply notAnEmail = signIn("nobody", TestUsers.PASSWORD);

        for (Reply reply : List.of(wrongPassword, unknownEmail, notAnEmail)) {
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.object()).isEqualTo(Map.of("detail", INVALID_CRED));
        }
    }

    @Test
    void signIn_withMissingFields_answers422() {
        Reply reply = post("/api/v1/auths/signin", "{\"email\":\"a@example.com\"}");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.object()).isEqualTo(Map.of("detail", List.of(validation("missing", "password",
                "Field required", Map.of("email", "a@example.com")))));
    }

    @Test
    void signIn_isOpenEvenWithAStaleTokenPresented() {
        Reply reply = send(HttpRequest.POST("/api/v1/auths/signin", Map.of("email", admin.email(), "password",
                TestUsers.PASSWORD)).bearerAuth("garbage"));

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void signIn_setsTheTokenCookie_whichAuthenticatesOnItsOwn() {
        Reply reply = signIn(admin.email(), TestUsers.PASSWORD);
        String setCookie = reply.response().getHeaders().get("Set-Cookie");
        String token = (String) reply.get("token");

        assertThat(setCookie).startsWith("token=" + token).contains("HTTPOnly").contains("SameSite=Strict");
        Reply session = send(HttpRequest.GET("/api/v1/auths/").cookie(Cookie.of("token", token)));
        assertThat(session.status()).isEqualTo(200);
        assertThat(session.get("token")).isEqualTo(token);
    }

    // --- session user ----------------------------------------------------------------------------------------

    @Test
    void sessionUser_answersTheUserAndEchoesThePresentedToken_withOrWithoutTrailingSlash() {
        for (String route : List.of("/api/v1/auths/", "/api/v1/auths")) {
            Reply reply = get(route, admin.token());

            assertThat(reply.status()).as(route).isEqualTo(200);
            assertThat(reply.object()).as(route)
                    .isEqualTo(sessionBody(reply, admin.id(), admin.email(), "First Admin", "admin"));
            assertThat(reply.get("token")).isEqualTo(admin.token());
        }
    }

    @Test
    void actingUser_isBoundForAVerifiedUser() {
        TestUsers.Account user = TestUsers.signUp(client, "Bound");

        Reply reply = get(ACTOR_ROUTE, user.token());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.object()).isEqualTo(Map.of("id", user.id(), "role", "user"));
    }

    // --- rejections ------------------------------------------------------------------------------------------

    @Test
    void noToken_answers403NotAuthenticated() {
        for (String route : List.of("/api/v1/auths/", ACTOR_ROUTE)) {
            Reply none = get(route, null);
            Reply otherScheme = send(HttpRequest.GET(route).header("Authorization", "Basic YTpi"));

            assertThat(none.status()).as(route).isEqualTo(403);
            assertThat(none.object()).as(route).isEqualTo(Map.of("detail", "Not authenticated"));
            assertThat(otherScheme.status()).as(route).isEqualTo(403);
            assertThat(otherScheme.object()).as(route).isEqualTo(Map.of("detail", "Not authenticated"));
        }
    }

    @Test
    void garbageToken_inHeaderOrCookie_answers401Unauthorized() {
        for (String route : List.of("/api/v1/auths/", ACTOR_ROUTE)) {
            Reply header = get(route, "garbage");
            Reply cookie = send(HttpRequest.GET(route).cookie(Cookie.of("token", "garbage")));

            assertThat(header.status()).as(route).isEqualTo(401);
            assertThat(header.object()).as(route).isEqualTo(Map.of("detail", "401 Unauthorized"));
            assertThat(cookie.status()).as(route).isEqualTo(401);
            assertThat(cookie.object()).as(route).isEqualTo(Map.of("detail", "401 Unauthorized"));
        }
    }

    @Test
    void tokenSignedWithAnotherSecret_answers401Unauthorized() throws JOSEException {
        SignedJWT forged = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(admin.id(), FOUR_WEEKS));
        forged.sign(new MACSigner("another secret that is long enough for HS256 ....".getBytes(StandardCharsets.UTF_8)));

        Reply reply = get(ACTOR_ROUTE, forged.serialize());

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.object()).isEqualTo(Map.of("detail", "401 Unauthorized"));
    }

    @Test
    void expiredToken_answers401Unauthorized() throws JOSEException {
        String expired = signature.sign(claims(admin.id(), -120)).serialize();
        String fresh = signature.sign(claims(admin.id(), 120)).serialize();

        Reply reply = get(ACTOR_ROUTE, expired);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.object()).isEqualTo(Map.of("detail", "401 Unauthorized"));
        assertThat(get(ACTOR_ROUTE, fresh).status()).isEqualTo(200);
    }

    @Test
    void validTokenOfAUserWhoNoLongerExists_answers401InvalidToken() throws JOSEException {
        String orphan = signature.sign(claims(UUID.randomUUID().toString(), 120)).serialize();

        for (String route : List.of("/api/v1/auths/", ACTOR_ROUTE)) {
            Reply reply = get(route, orphan);

            assertThat(reply.status()).as(route).isEqualTo(401);
            assertThat(reply.object()).as(route).isEqualTo(Map.of("detail", INVALID_TOKEN));
        }
    }

    @Test
    void pendingUsers_signInAndReadTheirSession_butEverythingElseIsProhibited() {
        Map<String, Object> properties = Map.of("chats.users.default-role", "pending", "spec.name", SPEC);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
             HttpClient pendingClient = server.getApplicationContext().createBean(HttpClient.class, server.getURL())) {
            TestUsers.Account first = TestUsers.signUp(pendingClient, "Pending Admin");
            TestUsers.Account pending = TestUsers.signUp(pendingClient, "Waiting");
            TestUsers.Account signedIn = TestUsers.signIn(pendingClient, pending.email(), TestUsers.PASSWORD);

            assertThat(first.role()).isEqualTo("admin");
            assertThat(pending.role()).isEqualTo("pending");
            assertThat(signedIn.role()).isEqualTo("pending");
            Reply session = exchange(pendingClient, HttpRequest.GET("/api/v1/auths/").bearerAuth(pending.token()));
            assertThat(session.status()).isEqualTo(200);
            assertThat(session.get("role")).isEqualTo("pending");
            Reply prohibited = exchange(pendingClient, HttpRequest.GET(ACTOR_ROUTE).bearerAuth(pending.token()));
            assertThat(prohibited.status()).isEqualTo(401);
            assertThat(prohibited.object()).isEqualTo(Map.of("detail", ACCESS_PROHIBITED));
            assertThat(exchange(pendingClient, HttpRequest.GET(ACTOR_ROUTE).bearerAuth(first.token())).status())
                    .isEqualTo(200);
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static JWTClaimsSet claims(String subject, long secondsFromNow) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("id", subject)
                .issueTime(Date.from(now.minusSeconds(300)))
                .notBeforeTime(Date.from(now.minusSeconds(300)))
                .expirationTime(Date.from(now.plusSeconds(secondsFromNow)))
                .build();
    }

    private static Map<String, Object> sessionBody(Reply reply, String id, String email, String name, String role) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", reply.get("token"));
        body.put("token_type", "Bearer");
        body.put("expires_at", reply.get("expires_at"));
        body.put("id", id);
        body.put("email", email);
        body.put("name", name);
        body.put("role", role);
        body.put("profile_image_url", "/user.png");
        assertThat(reply.get("token")).isInstanceOf(String.class);
        assertThat(reply.get("expires_at")).isInstanceOf(Number.class);
        return body;
    }

    private static Map<String, Object> validation(String type, String field, String message, Object input) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", type);
        error.put("loc", List.of("body", field));
        error.put("msg", message);
        error.put("input", input);
        return error;
    }

    private Reply signIn(String email, String password) {
        return send(HttpRequest.POST("/api/v1/auths/signin", Map.of("email", email, "password", password)));
    }

    private Reply post(String uri, String body) {
        return send(HttpRequest.POST(uri, body).contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    private Reply get(String uri, String token) {
        MutableHttpRequest<?> request = HttpRequest.GET(uri);
        return send(token == null ? request : request.bearerAuth(token));
    }

    private Reply send(MutableHttpRequest<?> request) {
        return exchange(client, request);
    }

    private Reply exchange(HttpClient via, MutableHttpRequest<?> request) {
        HttpResponse<String> response;
        try {
            response = via.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<String> failed = (HttpResponse<String>) e.getResponse();
            response = failed;
        }
        String raw = response.getBody(String.class).orElse("");
        return new Reply(response.code(), raw, raw.isBlank() ? null : parse(raw), response);
    }

    private Object parse(String raw) {
        try {
            return json.readValue(raw, Argument.OBJECT_ARGUMENT);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + raw, e);
        }
    }

    /** One answer: status, raw and parsed body, and the response for its headers. */
    record Reply(int status, String raw, Object body, HttpResponse<String> response) {

        @SuppressWarnings("unchecked")
        Map<String, Object> object() {
            assertThat(body).as(raw).isInstanceOf(Map.class);
            return (Map<String, Object>) body;
        }

        Object get(String key) {
            return object().get(key);
        }
    }
}
