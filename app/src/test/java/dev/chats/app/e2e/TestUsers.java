package dev.chats.app.e2e;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Test helper: signs users up and in over real HTTP ({@code /api/v1/auths}) and hands back their session token.
 * Every {@link #signUp(HttpClient, String)} uses a fresh e-mail address, so tests never collide.
 *
 * <p>In a fresh database the first sign-up becomes {@code admin} and later ones get
 * {@code chats.users.default-role} ({@code user} unless configured): sign the admin up first when roles matter.
 */
public final class TestUsers {

    /** The password every helper-made account has. */
    public static final String PASSWORD = "correct horse battery staple";

    private static final Argument<Map<String, Object>> JSON_OBJECT = Argument.mapOf(String.class, Object.class);

    private TestUsers() {
    }

    /** A signed-in account: who the server says it is, and its session token. */
    public record Account(String id, String email, String name, String role, String token) {

        /** The value of an {@code Authorization} header for this account. */
        public String bearer() {
            return "Bearer " + token;
        }
    }

    /** Signs up a new account named {@code name} with a unique address and {@link #PASSWORD}. */
    public static Account signUp(HttpClient client, String name) {
        return signUp(client, name, uniqueEmail(name), PASSWORD);
    }

    /** Signs up an account with exactly these details; fails the test unless the server answers 200. */
    public static Account signUp(HttpClient client, String name, String email, String password) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("email", email);
        form.put("password", password);
        return session(client, HttpRequest.POST("/api/v1/auths/signup", form));
    }

    /** Signs an existing account in; fails the test unless the server answers 200. */
    public static Account signIn(HttpClient client, String email, String password) {
        return session(client, HttpRequest.POST("/api/v1/auths/signin", Map.of("email", email, "password", password)));
    }

    /** An address no other call returns: the name's letters plus a random suffix. */
    public static String uniqueEmail(String name) {
        String local = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ".").replaceAll("^\\.|\\.$", "");
        return (local.isEmpty() ? "user" : local) + "." + UUID.randomUUID().toString().substring(0, 8)
                + "@example.com";
    }

    private static Account session(HttpClient client, HttpRequest<?> request) {
        HttpResponse<Map<String, Object>> response;
        try {
            response = client.toBlocking().exchange(request, JSON_OBJECT);
        } catch (HttpClientResponseException e) {
            throw new AssertionError(request.getPath() + " answered " + e.getStatus().getCode() + " "
                    + e.getResponse().getBody(String.class).orElse(""), e);
        }
        Map<String, Object> body = response.body();
        if (response.code() != 200 || body == null) {
            throw new AssertionError(request.getPath() + " answered " + response.code() + " " + body);
        }
        return new Account((String) body.get("id"), (String) body.get("email"), (String) body.get("name"),
                (String) body.get("role"), (String) body.get("token"));
    }
}
