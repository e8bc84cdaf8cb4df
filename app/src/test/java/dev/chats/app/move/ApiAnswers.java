package dev.chats.app.move;

import dev.chats.adapters.rest.security.SessionTokens;
import dev.chats.app.support.TestStore;
import dev.chats.domain.port.UserRepository;
import dev.chats.domain.user.UserId;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test helper: what a client reads from a deployment, taken from the server started on the place's store and asked
 * over HTTP as the {@link DeploymentFixture fixture}'s admin — every page of the sidebar, every chat it lists with its
 * tags, the archived, pinned, shared and folder views, the folders, the Vapi chats, sessions and assistants. Two
 * deployments are the same to their users when these answers are byte for byte the same.
 */
final class ApiAnswers {

    /** Views of the deployment as a whole; the chats they list are read one by one besides. */
    private static final List<String> VIEWS = List.of("/api/v1/chats/", "/api/v1/chats/all", "/api/v1/chats/pinned",
            "/api/v1/chats/archived", "/api/v1/chats/all/archived", "/api/v1/chats/all/tags",
            "/api/v1/chats/shared", "/api/v1/chats/share/s-shared", "/api/v1/chats/folder/f-work",
            "/api/v1/chats/search?text=small", "/api/v1/chats/list/user/u-bob", "/api/v1/folders/",
            "/api/v1/auths/api_key", "/chat", "/chat?limit=1000&sortOrder=ASC", "/chat/vc-1", "/chat/vc-2",
            "/chat/vc-3", "/chat/vc-4", "/session", "/session/vs-1", "/assistant", "/assistant/a-1");
    private static final Pattern CHAT_ID = Pattern.compile("\"id\":\"(c-[^\"]+)\"");
    private static final String SECRET = "move-test-secret-of-at-least-thirty-two-bytes";

    private ApiAnswers() {
    }

    /** Route → status and body, in the order asked. */
    static Map<String, String> of(TestStore.Place place) {
        Map<String, Object> properties = new LinkedHashMap<>(place.properties());
        // As the move command connects: the in-memory H2 belongs to the user who created it.
        properties.putIfAbsent("datasources.default.username", "");
        properties.putIfAbsent("datasources.default.password", "");
        properties.put("chats.jwt.secret", SECRET);
        properties.put("micronaut.server.port", -1);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
            ApplicationContext context = server.getApplicationContext();
            String token = context.getBean(SessionTokens.class).issue(context.getBean(UserRepository.class)
                    .findById(new UserId("u-ada")).orElseThrow()).token();
            return read(server.getURI(), token);
        }
    }

    /** The answers that are not a 200, abbreviated. */
    static List<String> notOk(Map<String, String> answers) {
        return answers.entrySet().stream().filter(answer -> !answer.getValue().startsWith("200 "))
                .map(answer -> answer.getKey() + " → " + excerpt(answer.getValue(), 0)).toList();
    }

    /** Where the answers of {@code end} differ from those of {@code start}: the route and the first differing text. */
    static List<String> differences(Map<String, String> start, Map<String, String> end) {
        List<String> differences = new ArrayList<>();
        start.forEach((route, expected) -> {
            String actual = end.get(route);
            if (actual == null) {
                differences.add(route + ": not asked at the end");
            } else if (!actual.equals(expected)) {
                int at = 0;
                while (at < Math.min(expected.length(), actual.length()) && expected.charAt(at) == actual.charAt(at)) {
                    at++;
                }
                differences.add(route + " differs at " + at + ": start «" + excerpt(expected, at) + "», end «"
                        + excerpt(actual, at) + "»");
            }
        });
        end.keySet().stream().filter(route -> !start.containsKey(route))
                .forEach(route -> differences.add(route + ": only at the end"));
        return differences;
    }

    private static String excerpt(String text, int at) {
        int from = Math.max(0, at - 40);
        return text.substring(from, Math.min(text.length(), at + 160));
    }

    private static Map<String, String> read(URI base, String token) {
        HttpClient http = HttpClient.newHttpClient();
        Map<String, String> answers = new LinkedHashMap<>();
        List<String> chatIds = new ArrayList<>();
        for (int page = 1; ; page++) {
            String answer = get(http, base, token, "/api/v1/chats/?page=" + page);
            answers.put("/api/v1/chats/?page=" + page, answer);
            if (!answer.startsWith("200 ") || answer.equals("200 []")) {
                break;
            }
            Matcher ids = CHAT_ID.matcher(answer);
            while (ids.find()) {
                chatIds.add(ids.group(1));
            }
        }
        for (String view : VIEWS) {
            answers.put(view, get(http, base, token, view));
        }
        // Her archived chat is not on the sidebar's pages; the other user's chats she reads as an admin, without
        // their tags (a chat's tags are its owner's only).
        chatIds.add("c-shared");
        for (String id : chatIds) {
            answers.put("/api/v1/chats/" + id, get(http, base, token, "/api/v1/chats/" + id));
            answers.put("/api/v1/chats/" + id + "/tags", get(http, base, token, "/api/v1/chats/" + id + "/tags"));
        }
        for (String id : List.of("c-large", "c-huge", "c-legacy", "c-empty")) {
            answers.put("/api/v1/chats/" + id, get(http, base, token, "/api/v1/chats/" + id));
        }
        return answers;
    }

    private static String get(HttpClient http, URI base, String token, String route) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(route))
                    .header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return response.statusCode() + " " + response.body();
        } catch (IOException e) {
            throw new IllegalStateException(route, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(route, e);
        }
    }
}
