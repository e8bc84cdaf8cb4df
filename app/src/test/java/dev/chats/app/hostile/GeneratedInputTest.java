package dev.chats.app.hostile;

import dev.chats.app.support.TestStore;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: whatever text or document a client sends — generated from the whole UTF-16 range, with U+0000, lone
 * surrogate halves, control characters, supplementary characters and lengths around every column limit — the
 * create, merge, import, message, tag and folder routes, and every route taking a path id, answer below 500 on
 * every store; and what they accept reads back exactly as sent, less the characters no store can keep (U+0000 and
 * unpaired surrogates, removed: the one rule of {@code StorableText}). Malformed bodies answer 422. The seed is in
 * every failure message; {@code -Dchats.test.seed=…} repeats a run.
 */
class GeneratedInputTest {

    private static final int CASES = 210;
    private static final JsonMapper JSON = JsonMapper.createDefault();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void generatedInputs_neverAnswer5xx_andReadBackAsSentLessUnstorableCharacters(TestStore store) throws Exception {
        long seed = Long.getLong("chats.test.seed", System.nanoTime());
        Random random = new Random(seed);
        Map<String, Object> properties = new HashMap<>();
        try (TestStore.Place place = store.open()) {
            properties.putAll(place.properties());
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
                Session session = new Session(URI.create(server.getURL().toString()), "seed " + seed + " on " + store);
                session.signUp();
                String chat = session.createdChatId();
                for (int i = 0; i < CASES; i++) {
                    switch (i % 7) {
                        case 0 -> session.create(document(random, 3), text(random), text(random), text(random));
                        case 1 -> session.merge(chat, text(random));
                        case 2 -> session.importChat(document(random, 3), text(random));
                        case 3 -> session.tag(chat, text(random));
                        case 4 -> session.folder(text(random));
                        case 5 -> session.pathIds(chat, text(random));
                        default -> session.malformed(random);
                    }
                }
                session.longValues(chat);
            }
        }
    }

    // -------------------------------------------------------------------------------------------- routes

    /** One signed-in user of the server under test, and the checks of each route. */
    private final class Session {
        private final URI base;
        private final String context;
        private String token;

        Session(URI base, String context) {
            this.base = base;
            this.context = context;
        }

        void signUp() throws Exception {
            token = (String) object(send("POST", "/api/v1/auths/signup", write(Map.of("name", "Fuzz",
                    "email", "fuzz@example.com", "password", "correct horse battery staple")))).get("token");
        }

        String createdChatId() throws Exception {
            return (String) object(send("POST", "/api/v1/chats/new", write(Map.of("chat", Map.of("title", "t")))))
                    .get("id");
        }

        void create(Map<String, Object> extra, String title, String messageKey, String content) throws Exception {
            Map<String, Object> document = new LinkedHashMap<>(extra);
            document.put("title", title);
            document.put("history", Map.of("currentId", messageKey, "messages", Map.of(messageKey,
                    Map.of("id", messageKey, "role", "user", "content", content))));
            Reply created = send("POST", "/api/v1/chats/new", write(Map.of("chat", document)));
            if (created.ok()) {
                String id = (String) object(created).get("id");
                assertReadBack(id, document);
            }
        }

        void merge(String chat, String title) throws Exception {
            Reply merged = send("POST", "/api/v1/chats/" + chat, write(Map.of("chat", Map.of("title", title))));
            if (merged.ok()) {
                Map<String, Object> read = object(send("GET", "/api/v1/chats/" + chat, null));
                assertThat(read.get("title")).as(context + ": merged title of " + quoted(title))
                        .isEqualTo(expected(title));
            }
        }

        void importChat(Map<String, Object> document, String title) throws Exception {
            Map<String, Object> sent = new LinkedHashMap<>(document);
            sent.put("title", title);
            Reply imported = send("POST", "/api/v1/chats/import", write(Map.of("chat", sent)));
            if (imported.ok()) {
                assertReadBack((String) object(imported).get("id"), sent);
            }
        }

        void tag(String chat, String name) throws Exception {
            Reply tagged = send("POST", "/api/v1/chats/" + chat + "/tags", write(Map.of("name", name)));
            if (tagged.ok()) {
                String id = ((String) expected(name)).replace(" ", "_").toLowerCase(Locale.ROOT);
                List<Object> tags = list(send("GET", "/api/v1/chats/" + chat + "/tags", null));
                assertThat(tags).as(context + ": tag " + quoted(name))
                        .anySatisfy(tag -> assertThat(((Map<?, ?>) tag).get("id")).isEqualTo(id));
            }
        }

        void folder(String name) throws Exception {
            Reply created = send("POST", "/api/v1/folders/", write(Map.of("name", name)));
            if (created.ok()) {
                String id = (String) object(created).get("id");
                Map<String, Object> read = object(send("GET", "/api/v1/folders/" + id, null));
                assertThat(read.get("name")).as(context + ": folder " + quoted(name))
                        .isEqualTo(expected(name));
            }
        }

        void pathIds(String chat, String id) throws Exception {
            String raw = percentEncoded(id);
            send("GET", "/api/v1/chats/" + raw, null);
            send("GET", "/api/v1/folders/" + raw, null);
            send("GET", "/api/v1/chats/share/" + raw, null);
            send("POST", "/api/v1/chats/" + chat + "/messages/" + raw, write(Map.of("content", "x")));
            send("POST", "/api/v1/chats/" + raw + "/pin", null);
        }

        void malformed(Random random) throws Exception {
            String valid = write(Map.of("chat", Map.of("title", "never stored")));
            byte[][] bodies = {
                    (valid + " trailing").getBytes(StandardCharsets.UTF_8),
                    (valid + valid).getBytes(StandardCharsets.UTF_8),
                    "{\"chat\": {\"title\": \"a\", \"title\": \"b\"}}".getBytes(StandardCharsets.UTF_8),
                    {'{', '"', 'c', 'h', 'a', 't', '"', ':', '{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28,
                            '"', '}', '}'},
                    valid.substring(0, random.nextInt(valid.length())).getBytes(StandardCharsets.UTF_8),
            };
            for (byte[] body : bodies) {
                Reply reply = send("POST", "/api/v1/chats/new", body);
                assertThat(reply.status()).as(context + ": malformed body " + new String(body,
                        StandardCharsets.UTF_8)).isEqualTo(422);
            }
            byte[] noise = new byte[random.nextInt(64)];
            random.nextBytes(noise);
            send("POST", "/api/v1/chats/new", noise);
            send("POST", "/api/v1/folders/", noise);
        }

        /** Lengths at and beyond what the stores' columns hold: refused with 422 naming the field, or kept whole. */
        void longValues(String chat) throws Exception {
            for (int length : new int[]{255, 256, 1_000_000, 1_000_001}) {
                String text = "é".repeat(length);
                create(Map.of(), text, "m", "x");
                merge(chat, text);
                tag(chat, text);
                folder(text);
                create(Map.of(), "t", "k".repeat(Math.min(length, 100_000)), "x");
            }
            // one message of 10 MB: stored whole on every store, or refused with a 4xx naming the store's limit
            String content = "ü".repeat(10 * 1024 * 1024);
            Reply big = send("POST", "/api/v1/chats/new", write(Map.of("chat", Map.of("title", "big", "history",
                    Map.of("currentId", "b", "messages", Map.of("b", Map.of("id", "b", "content", content)))))));
            if (big.ok()) {
                assertReadBack((String) object(big).get("id"), Map.of("title", "big", "history",
                        Map.of("currentId", "b", "messages", Map.of("b", Map.of("id", "b", "content", content)))));
            }
            Reply folder = send("POST", "/api/v1/folders/", write(Map.of("name", "large data")));
            String id = (String) object(folder).get("id");
            Map<String, Object> large = Map.of("note", "é".repeat(70_000));
            Reply updated = send("POST", "/api/v1/folders/" + id + "/update",
                    write(Map.of("name", "large data", "data", large, "meta", large)));
            if (updated.ok()) {
                Map<String, Object> read = object(send("GET", "/api/v1/folders/" + id, null));
                assertThat(read.get("data")).as(context + ": folder data").isEqualTo(large);
                assertThat(read.get("meta")).as(context + ": folder meta").isEqualTo(large);
            }
        }

        private void assertReadBack(String id, Map<String, Object> sent) throws Exception {
            Map<String, Object> read = object(send("GET", "/api/v1/chats/" + id, null));
            assertThat(read.get("chat")).as(context + ": document of chat " + id)
                    .isEqualTo(JSON.readValue(write(expected(sent)), Argument.OBJECT_ARGUMENT));
        }

        private Reply send(String method, String path, Object body) throws IOException, InterruptedException {
            byte[] bytes = body == null ? new byte[0]
                    : body instanceof byte[] raw ? raw : ((String) body).getBytes(StandardCharsets.UTF_8);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(bytes));
            if (body != null) {
                request.header("content-type", "application/json");
            }
            if (token != null) {
                request.header("authorization", "Bearer " + token);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String shown = bytes.length > 300 ? new String(bytes, 0, 300, StandardCharsets.UTF_8) + "…" 
                    : new String(bytes, StandardCharsets.UTF_8);
            assertThat(response.statusCode()).as(context + ": " + method + " " + abbreviated(path) + " " + shown
                    + " answered " + abbreviated(response.body())).isLessThan(500);
            return new Reply(response.statusCode(), response.body());
        }
    }

    private record Reply(int status, String body) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    private static Map<String, Object> object(Reply reply) throws IOException {
        assertThat(reply.ok()).as("answered " + abbreviated(reply.body())).isTrue();
        return JSON.readValue(reply.body(), Argument.mapOf(String.class, Object.class));
    }

    private static List<Object> list(Reply reply) throws IOException {
        assertThat(reply.ok()).as("answered " + abbreviated(reply.body())).isTrue();
        return JSON.readValue(reply.body(), Argument.listOf(Object.class));
    }

    // ------------------------------------------------------------------------------------------ generators

    /** Text from the whole UTF-16 range: ASCII, controls, U+0000, any BMP unit (lone surrogates too), pairs. */
    static String text(Random random) {
        int length = switch (random.nextInt(10)) {
            case 0 -> 0;
            case 1 -> 200 + random.nextInt(120);
            default -> 1 + random.nextInt(24);
        };
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(6)) {
                case 0 -> text.append((char) (0x20 + random.nextInt(0x5f)));
                case 1 -> text.append((char) random.nextInt(0x20));
                case 2 -> text.append('\u0000');
                case 3 -> text.append((char) (0xD800 + random.nextInt(0x800)));
                case 4 -> text.appendCodePoint(0x10000 + random.nextInt(0x100000 - 0x10000));
                default -> text.append((char) random.nextInt(0x10000));
            }
        }
        return text.toString();
    }

    /** A JSON document of generated keys and values, nested up to the depth. */
    static Map<String, Object> document(Random random, int depth) {
        Map<String, Object> document = new LinkedHashMap<>();
        int keys = random.nextInt(4);
        for (int i = 0; i < keys; i++) {
            String key = text(random);
            if (!key.equals("title") && !key.equals("history") && !key.equals("messages")) {
                document.put(key, value(random, depth - 1));
            }
        }
        return document;
    }

    private static Object value(Random random, int depth) {
        return switch (random.nextInt(depth <= 0 ? 5 : 7)) {
            case 0 -> text(random);
            case 1 -> random.nextInt();
            case 2 -> random.nextInt(1000) / 4.0;
            case 3 -> random.nextBoolean();
            case 4 -> null;
            case 5 -> document(random, depth);
            default -> {
                List<Object> list = new ArrayList<>();
                int items = random.nextInt(4);
                for (int i = 0; i < items; i++) {
                    list.add(value(random, depth - 1));
                }
                yield list;
            }
        };
    }

    // ----------------------------------------------------------------------------- the rule, independently

    /** The expected stored form: every string and key without U+0000 and without unpaired surrogates. */
    static Object expected(Object value) {
        if (value instanceof String text) {
            StringBuilder kept = new StringBuilder();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (pair) {
                    kept.append(c).append(text.charAt(++i));
                } else if (c != 0 && !Character.isSurrogate(c)) {
                    kept.append(c);
                }
            }
            return kept.toString();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) expected(k), expected(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(GeneratedInputTest::expected).toList();
        }
        return value;
    }

    // ------------------------------------------------------------------------- JSON and URLs as clients send

    /** JSON as a browser's {@code JSON.stringify} writes it: lone surrogates as {@code \\uXXXX} escapes. */
    static String write(Object value) {
        StringBuilder json = new StringBuilder();
        write(value, json);
        return json.toString();
    }

    private static void write(Object value, StringBuilder json) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof String text) {
            json.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"' || c == '\\') {
                    json.append('\\').append(c);
                } else if (c < 0x20 || Character.isSurrogate(c)) {
                    json.append(String.format("\\u%04x", (int) c));
                } else {
                    json.append(c);
                }
            }
            json.append('"');
        } else if (value instanceof Map<?, ?> map) {
            json.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    json.append(',');
                }
                first = false;
                write(entry.getKey(), json);
                json.append(':');
                write(entry.getValue(), json);
            }
            json.append('}');
        } else if (value instanceof List<?> list) {
            json.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    json.append(',');
                }
                write(list.get(i), json);
            }
            json.append(']');
        } else {
            json.append(value);
        }
    }

    /** Percent-encodes every byte but unreserved ASCII; a lone surrogate goes as its (invalid) CESU-8 bytes. */
    static String percentEncoded(String text) {
        if (text.isEmpty()) {
            return "%00";
        }
        StringBuilder encoded = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
                continue;
            }
            byte[] bytes;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes = new byte[]{(byte) (0xE0 | (c >> 12)), (byte) (0x80 | ((c >> 6) & 0x3F)),
                        (byte) (0x80 | (c & 0x3F))};
            } else {
                bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
            }
            for (byte b : bytes) {
                encoded.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return encoded.toString();
    }

    private static String quoted(String text) {
        return abbreviated(write(text));
    }

    private static String abbreviated(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
