package dev.chats.app.crash;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test helper: the concurrent writes of the process tests (create chats, write messages, merge titles, tag chats,
 * create folders), what the server acknowledged of them, and the check that every acknowledged write is stored.
 */
final class WriteLoad {

    private static final JsonMapper JSON = JsonMapper.createDefault();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** What the server acknowledged, per chat; writes to one chat come from one writer, in order. */
    static final class Acknowledged {
        final Map<String, ChatState> chats = new java.util.concurrent.ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<String> folders = new ConcurrentLinkedQueue<>();
        final java.util.concurrent.atomic.AtomicInteger writes = new java.util.concurrent.atomic.AtomicInteger();

        int count() {
            return writes.get();
        }
    }

    /** One chat's acknowledged state, and the title of a merge still in flight when the server died. */
    static final class ChatState {
        final Map<String, String> messages = new LinkedHashMap<>();
        final List<String> tags = new ArrayList<>();
        volatile String title;
        volatile String titleInFlight;
    }

    /** One writer: a chat at a time, written through every kind of write, until the server is gone. */
    void write(URI base, String token, String writer, Acknowledged acknowledged, AtomicBoolean killed) {
        for (int n = 0; !killed.get(); n++) {
            try {
                String title = writer + "-chat-" + n;
                Map<String, Object> created = post(base, token, "/api/v1/chats/new", Map.of("chat", Map.of(
                        "title", title, "history", Map.of("currentId", "m0", "messages", Map.of("m0",
                                Map.of("id", "m0", "role", "user", "content", title + "-m0"))))));
                String id = (String) created.get("id");
                ChatState chat = new ChatState();
                chat.title = title;
                chat.messages.put("m0", title + "-m0");
                acknowledged.chats.put(id, chat);
                acknowledged.writes.incrementAndGet();
                for (int k = 1; k <= 3; k++) {
                    String content = title + "-m" + k;
                    post(base, token, "/api/v1/chats/" + id + "/messages/m" + k, Map.of("content", content));
                    chat.messages.put("m" + k, content);
                    acknowledged.writes.incrementAndGet();
                }
                String renamed = title + "-renamed";
                chat.titleInFlight = renamed;
                post(base, token, "/api/v1/chats/" + id, Map.of("chat", Map.of("title", renamed)));
                chat.title = renamed;
                chat.titleInFlight = null;
                acknowledged.writes.incrementAndGet();
                String tag = "tag-" + writer + "-" + n;
                post(base, token, "/api/v1/chats/" + id + "/tags", Map.of("name", tag));
                chat.tags.add(tag);
                acknowledged.writes.incrementAndGet();
                Map<String, Object> folder = post(base, token, "/api/v1/folders/",
                        Map.of("name", "folder-" + writer + "-" + n));
                acknowledged.folders.add((String) folder.get("id"));
                acknowledged.writes.incrementAndGet();
            } catch (IOException | IllegalStateException gone) {
                if (!killed.get()) {
                    pause();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void assertAllPresent(URI base, String token, Acknowledged acknowledged) throws Exception {
        for (Map.Entry<String, ChatState> entry : acknowledged.chats.entrySet()) {
            String id = entry.getKey();
            ChatState expected = entry.getValue();
            Map<String, Object> chat = get(base, token, "/api/v1/chats/" + id);
            @SuppressWarnings("unchecked")
            Map<String, Object> document = (Map<String, Object>) chat.get("chat");
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> messages =
                    (Map<String, Map<String, Object>>) ((Map<String, Object>) document.get("history")).get("messages");
            expected.messages.forEach((message, content) -> assertThat(messages.get(message))
                    .as("acknowledged message %s of chat %s", message, id).isNotNull()
                    .containsEntry("content", content));
            assertThat(chat.get("title")).as("title of chat %s", id)
                    .isIn(expected.title, expected.titleInFlight);
            List<Object> tags = getList(base, token, "/api/v1/chats/" + id + "/tags").stream()
                    .map(tag -> ((Map<?, ?>) tag).get("name")).map(Object.class::cast).toList();
            assertThat(tags).as("tags of chat %s", id).containsAll(expected.tags);
        }
        List<Object> folders = getList(base, token, "/api/v1/folders/").stream()
                .map(folder -> ((Map<?, ?>) folder).get("id")).map(Object.class::cast).toList();
        assertThat(folders).containsAll(acknowledged.folders);
        int listed = 0;
        for (int page = 1; ; page++) {
            List<Object> titles = getList(base, token, "/api/v1/chats/?page=" + page);
            if (titles.isEmpty()) {
                break;
            }
            for (Object title : titles) {
                get(base, token, "/api/v1/chats/" + ((Map<?, ?>) title).get("id"));
                listed++;
            }
        }
        assertThat(listed).as("every chat listed is readable").isGreaterThanOrEqualTo(acknowledged.chats.size());
    }

    String signUp(URI base) throws Exception {
        Map<String, Object> answer = post(base, null, "/api/v1/auths/signup", Map.of("name", "Crash",
                "email", "crash@example.com", "password", "correct horse battery staple"));
        return (String) answer.get("token");
    }

    Map<String, Object> post(URI base, String token, String path, Map<String, Object> body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        return JSON.readValue(send(request, token), Argument.mapOf(String.class, Object.class));
    }

    private Map<String, Object> get(URI base, String token, String path) throws Exception {
        return JSON.readValue(send(HttpRequest.newBuilder(base.resolve(path)).GET(), token),
                Argument.mapOf(String.class, Object.class));
    }

    private List<Object> getList(URI base, String token, String path) throws Exception {
        return JSON.readValue(send(HttpRequest.newBuilder(base.resolve(path)).GET(), token),
                Argument.listOf(Object.class));
    }

    private byte[] send(HttpRequest.Builder request, String token) throws IOException, InterruptedException {
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.build().uri() + " answered " + response.statusCode() + ": "
                    + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return response.body();
    }
}
