package dev.chats.app.e2e;

import dev.chats.adapters.openai.FakeOpenAiUpstream;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end over real HTTP: every method of the {@code owui_client} Python client's {@code ChatsClient} and
 * {@code FoldersClient} (github.com/whogben/owui_client at 34e7e5e, {@code src/owui_client/routers/chats.py} and
 * {@code folders.py}, 58 methods), replayed exactly as the client sends it — httpx with {@code base_url}
 * {@code <server>/api}, its default headers ({@code Accept: *}{@code /*}, {@code Accept-Encoding: gzip, deflate}),
 * {@code Authorization: Bearer <api_key>} (an {@code sk-} key), query parameters only when the method sets them
 * (booleans as {@code true}), and bodies as {@code model_dump(exclude_none=True)} writes them: a field left at
 * {@code None} is not sent at all.
 *
 * <p>Each call then checks what the client parses from the answer: its pydantic response model. A required field
 * the server leaves out, or a field of the wrong JSON type, makes {@code model_validate} raise in the client, so
 * every answer is checked against the fields of the model the method names ({@link #CHAT_RESPONSE} and the other
 * field lists below, written {@code name:type}, {@code name:type?} for {@code Optional[...] = None} and
 * {@code name:type=} for a field with a non-null default).
 *
 * <p>{@code chat_completion} runs against a fake OpenAI-compatible upstream as the server's model connection;
 * {@code chat_action} gets what Open WebUI answers when no action function is installed (this server has none).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OwuiClientCallsTest implements TestPropertyProvider {

    /** The model behind {@code chat_completion}: echoes the last message ({@code ECHO[n]: …}). */
    static final FakeOpenAiUpstream UPSTREAM = new FakeOpenAiUpstream();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    @Inject
    EmbeddedServer server;

    Api api;
    TestUsers.Account admin;
    final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    final Map<String, String> apiKeys = new HashMap<>();

    @Override
    public Map<String, String> getProperties() {
        return Map.of("chats.model.openai.base-url", UPSTREAM.baseUrl());
    }

    @AfterAll
    void stopUpstream() {
        UPSTREAM.close();
    }

    @BeforeAll
    void signUpAdmin() {
        api = new Api(client, json);
        // The first account of a fresh database is the admin that get_user_list and get_all_db need.
        admin = TestUsers.signUp(client, "Owui Admin");
    }

    // ------------------------------------------------------------------------------------------- response models

    /** {@code models/chats.py ChatResponse}. */
    static final String[] CHAT_RESPONSE = {"id:str", "user_id:str", "title:str", "chat:dict", "updated_at:int",
            "created_at:int", "share_id:str?", "archived:bool", "pinned:bool?", "meta:dict=", "folder_id:str?",
            "tasks:list?", "summary:str?"};
    /** {@code models/chats.py ChatTitleIdResponse}. */
    static final String[] CHAT_TITLE_ID = {"id:str", "title:str", "updated_at:int", "created_at:int",
            "last_read_at:int?", "snippet:str?"};
    /** {@code models/tags.py TagModel}. */
    static final String[] TAG = {"id:str", "name:str", "user_id:str", "meta:dict?"};
    /** {@code models/chats.py ChatUsageStatsListResponse} and its items, {@code ChatUsageStatsResponse}. */
    static final String[] USAGE_LIST = {"items:list", "total:int"};
    static final String[] USAGE = {"id:str", "models:dict=", "message_count:int", "history_models:dict=",
            "history_message_count:int", "history_user_message_count:int", "history_assistant_message_count:int",
            "average_response_time:float", "average_user_message_content_length:float",
            "average_assistant_message_content_length:float", "tags:strs=", "last_message_at:int",
            "updated_at:int", "created_at:int"};
    /** {@code models/chats.py ChatStatsExportList}, {@code ChatStatsExport} and what they nest. */
    static final String[] STATS_EXPORT_LIST = {"type:str=", "items:list", "total:int", "page:int"};
    static final String[] STATS_EXPORT = {"id:str", "user_id:str", "created_at:int", "updated_at:int", "tags:strs=",
            "stats:dict", "chat:dict"};
    static final String[] AGGREGATE_STATS = {"average_response_time:float",
            "average_user_message_content_length:float", "average_assistant_message_content_length:float",
            "models:ints", "message_count:int", "history_models:ints", "history_message_count:int",
            "history_user_message_count:int", "history_assistant_message_count:int"};
    static final String[] HISTORY_STATS = {"messages:dict", "currentId:str?"};
    static final String[] MESSAGE_STATS = {"id:str", "role:str", "model:str?", "content_length:int",
            "token_count:int?", "timestamp:int?", "rating:int?", "tags:strs?"};
    /** {@code models/folders.py FolderModel}; its {@code access_grants} items are {@code AccessGrantModel}. */
    static final String[] FOLDER = {"id:str", "parent_id:str?", "user_id:str", "name:str", "items:dict?",
            "meta:dict?", "data:dict?", "is_expanded:bool=", "created_at:int", "updated_at:int", "access_grants:list="};
    static final String[] ACCESS_GRANT_MODEL = {"id:str", "resource_type:str", "resource_id:str",
            "principal_type:str", "principal_id:str", "permission:str", "created_at:int"};
    /** {@code models/folders.py FolderNameIdResponse}; {@code meta} is a {@code FolderMetadataResponse}. */
    static final String[] FOLDER_NAME_ID = {"id:str", "name:str", "meta:dict?", "parent_id:str?",
            "is_expanded:bool=", "created_at:int", "updated_at:int"};
    static final String[] FOLDER_METADATA = {"icon:str?"};
    /** {@code models/folders.py SharedFolderResponse}. */
    static final String[] SHARED_FOLDER = {"id:str", "name:str", "parent_id:str?", "user_id:str", "owner_name:str?",
            "permission:str=", "access_grants:list=", "is_expanded:bool=", "meta:dict?", "created_at:int",
            "updated_at:int"};
    /** The entries {@code get_shared_chat_access} documents: {@code id, principal_type, principal_id, permission}. */
    static final String[] SHARED_CHAT_GRANT = {"id:str", "principal_type:str", "principal_id:str", "permission:str"};

    // ------------------------------------------------------------------------------------------------ transport

    /** One answer as httpx hands it over: status, and the body decoded as {@code response.json()} reads it. */
    record Answer(String call, int status, String text) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * {@code client._request(method, url, params=…, json=…)}: {@code url} is relative to the {@code /api} base URL,
     * {@code params} are sent in insertion order, {@code body} is JSON (null: no body and no {@code Content-Type}).
     */
    private Answer send(String method, String url, Map<String, Object> params, Object body, String key) {
        String query = params.isEmpty() ? "" : "?" + query(params);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + "/api" + url + query))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(api.write(body)))
                .header("Accept", "*/*")
                .header("Accept-Encoding", "gzip, deflate")
                .header("User-Agent", "python-httpx/0.28.1")
                .header("Authorization", "Bearer " + key);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        String call = method + " /api" + url + query;
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            String encoding = response.headers().firstValue("content-encoding").orElse("identity");
            return new Answer(call, response.statusCode(), decode(encoding, response.body()));
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(call, e);
        }
    }

    /** httpx decompresses what it asked for with {@code Accept-Encoding}. */
    private static String decode(String encoding, byte[] raw) throws IOException {
        InputStream in = new ByteArrayInputStream(raw);
        if (encoding.equalsIgnoreCase("gzip")) {
            in = new GZIPInputStream(in);
        } else if (encoding.equalsIgnoreCase("deflate")) {
            in = new InflaterInputStream(in);
        }
        try (InputStream body = in) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** httpx's query encoding: {@code True} as {@code true}, spaces as {@code %20}. */
    private static String query(Map<String, Object> params) {
        List<String> pairs = new ArrayList<>();
        params.forEach((name, value) -> pairs.add(encode(name) + "=" + encode(String.valueOf(value))));
        return String.join("&", pairs);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * The {@code api_key} the client is built with: an {@code sk-} key the user created, as integrations use; the
     * admin passes its session token instead, which Open WebUI also takes there and the client sends the same way.
     */
    private String key(TestUsers.Account who) {
        if (who == admin) {
            return who.token();
        }
        return apiKeys.computeIfAbsent(who.id(), id -> {
            Api.Reply created = api.post(who.token(), "/api/v1/auths/api_key", "");
            assertThat(created.status()).as("api key for " + who.name()).isEqualTo(200);
            return (String) created.get("api_key");
        });
    }

    /** {@code response.raise_for_status()} then {@code response.json()}. */
    private Object request(String method, String url, Map<String, Object> params, Object body,
                           TestUsers.Account who) {
        Answer answer = send(method, url, params, body, key(who));
        assertThat(answer.ok()).as(answer.call() + " answered " + answer.status() + " " + answer.text()).isTrue();
        return api.parse(answer.text());
    }

    private Object get(String url, TestUsers.Account who) {
        return request("GET", url, Map.of(), null, who);
    }

    private Object get(String url, Map<String, Object> params, TestUsers.Account who) {
        return request("GET", url, params, null, who);
    }

    private Object post(String url, Object body, TestUsers.Account who) {
        return request("POST", url, Map.of(), body, who);
    }

    private Object delete(String url, TestUsers.Account who) {
        return request("DELETE", url, Map.of(), null, who);
    }

    // ------------------------------------------------------------------------------------------------ model checks

    /** {@code Model.model_validate(value)} succeeds: an object with every required field, each of its type. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> validate(String model, Object value, String... fields) {
        assertThat(value).as(model + " must be a JSON object: " + value).isInstanceOf(Map.class);
        Map<String, Object> object = (Map<String, Object>) value;
        for (String field : fields) {
            boolean nullable = field.endsWith("?");
            boolean defaulted = field.endsWith("=");
            String spec = nullable || defaulted ? field.substring(0, field.length() - 1) : field;
            String name = spec.substring(0, spec.indexOf(':'));
            String type = spec.substring(spec.indexOf(':') + 1);
            if (!nullable && !defaulted) {
                assertThat(object).as(model + " requires " + name + ": " + object).containsKey(name);
            }
            if (!object.containsKey(name)) {
                continue;
            }
            Object item = object.get(name);
            if (item == null) {
                assertThat(nullable).as(model + "." + name + " may not be null: " + object).isTrue();
            } else {
                assertThat(hasType(type, item)).as(model + "." + name + " must be " + type + ", is " + item).isTrue();
            }
        }
        return object;
    }

    @SuppressWarnings("unchecked")
    private static boolean hasType(String type, Object value) {
        return switch (type) {
            case "str" -> value instanceof String;
            case "int" -> isInt(value);
            case "float" -> value instanceof Number;
            case "bool" -> value instanceof Boolean;
            case "dict" -> value instanceof Map;
            case "list" -> value instanceof List;
            case "strs" -> value instanceof List<?> list && list.stream().allMatch(String.class::isInstance);
            case "ints" -> value instanceof Map<?, ?> map
                    && map.values().stream().allMatch(OwuiClientCallsTest::isInt);
            default -> throw new IllegalArgumentException(type);
        };
    }

    /** What pydantic takes for an {@code int}: a whole number. */
    private static boolean isInt(Object value) {
        return value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> validateList(String model, Object value, String... fields) {
        assertThat(value).as("List[" + model + "] must be a JSON array: " + value).isInstanceOf(List.class);
        List<Map<String, Object>> items = new ArrayList<>();
        for (Object item : (List<Object>) value) {
            items.add(validate(model, item, fields));
        }
        return items;
    }

    private static Map<String, Object> chatResponse(Object value) {
        return validate("ChatResponse", value, CHAT_RESPONSE);
    }

    private static List<Map<String, Object>> chatResponses(Object value) {
        return validateList("ChatResponse", value, CHAT_RESPONSE);
    }

    private static List<Object> titleIds(Object value) {
        return validateList("ChatTitleIdResponse", value, CHAT_TITLE_ID).stream().map(chat -> chat.get("id"))
                .toList();
    }

    private static List<Object> tagIds(Object value) {
        return validateList("TagModel", value, TAG).stream().map(tag -> tag.get("id")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> folderModel(Object value) {
        Map<String, Object> folder = validate("FolderModel", value, FOLDER);
        for (Object grant : (List<Object>) folder.getOrDefault("access_grants", List.of())) {
            validate("AccessGrantModel", grant, ACCESS_GRANT_MODEL);
        }
        return folder;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> folderNameIds(Object value) {
        List<Map<String, Object>> folders = validateList("FolderNameIdResponse", value, FOLDER_NAME_ID);
        folders.stream().map(folder -> folder.get("meta")).filter(meta -> meta != null)
                .forEach(meta -> validate("FolderMetadataResponse", meta, FOLDER_METADATA));
        return folders;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> statsExport(Object value) {
        Map<String, Object> export = validate("ChatStatsExport", value, STATS_EXPORT);
        validate("AggregateChatStats", export.get("stats"), AGGREGATE_STATS);
        Map<String, Object> body = validate("ChatBody", export.get("chat"), "history:dict");
        Map<String, Object> history = validate("ChatHistoryStats", body.get("history"), HISTORY_STATS);
        ((Map<String, Object>) history.get("messages")).values()
                .forEach(message -> validate("MessageStats", message, MESSAGE_STATS));
        return export;
    }

    // ------------------------------------------------------------------------------------------------ fixtures

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** A conversation built the way the client's own tests build one: uuid message ids, millisecond timestamps. */
    private static Map<String, Object> conversation(String title, String question, String answer) {
        String user = UUID.randomUUID().toString();
        String assistant = UUID.randomUUID().toString();
        long now = System.currentTimeMillis();
        return map("id", UUID.randomUUID().toString(), "title", title, "models", List.of("llama3.1:latest"),
                "params", map("temperature", 0.7),
                "history", map("currentId", assistant, "messages", map(
                        user, map("id", user, "parentId", null, "childrenIds", List.of(assistant), "role", "user",
                                "content", question, "timestamp", now),
                        assistant, map("id", assistant, "parentId", user, "childrenIds", List.of(),
                                "role", "assistant", "content", answer, "done", true, "model", "llama3.1:latest",
                                "timestamp", now + 2000))),
                "messages", List.of(map("id", user, "role", "user", "content", question, "timestamp", now),
                        map("id", assistant, "role", "assistant", "content", answer, "timestamp", now + 2000)),
                "tags", List.of(), "timestamp", now / 1000);
    }

    /** {@code create_new(ChatForm(chat=…))}: {@code folder_id=None} is left out of the body. */
    private Map<String, Object> createNew(TestUsers.Account who, Map<String, Object> chat) {
        return chatResponse(post("/v1/chats/new", map("chat", chat), who));
    }

    private String newChat(TestUsers.Account who, String title) {
        return (String) createNew(who, conversation(title, "What's the weather in Paris?", "Sunny.")).get("id");
    }

    private TestUsers.Account newUser(String name) {
        return TestUsers.signUp(client, name);
    }

    @SuppressWarnings("unchecked")
    private static String firstMessageId(Map<String, Object> chatResponse) {
        Map<String, Object> chat = (Map<String, Object>) chatResponse.get("chat");
        Map<String, Object> messages = (Map<String, Object>) ((Map<String, Object>) chat.get("history"))
                .get("messages");
        return messages.keySet().iterator().next();
    }

    @SuppressWarnings("unchecked")
    private static Object messageContent(Map<String, Object> chatResponse, String messageId) {
        Map<String, Object> chat = (Map<String, Object>) chatResponse.get("chat");
        Map<String, Object> messages = (Map<String, Object>) ((Map<String, Object>) chat.get("history"))
                .get("messages");
        return ((Map<String, Object>) messages.get(messageId)).get("content");
    }

    // ------------------------------------------------------------------------------------------------ ChatsClient

    @Test
    void chatsClient_createGetUpdateListSearchMessagesCloneDelete() {
        TestUsers.Account user = newUser("Owui Lifecycle");

        // create_new(ChatForm(chat=…)) → POST /api/v1/chats/new {"chat": …}
        Map<String, Object> created = createNew(user, conversation("Paris weather", "What's the weather in Paris?",
                "Sunny in Paris."));
        String id = (String) created.get("id");
        assertThat(created.get("title")).isEqualTo("Paris weather");
        assertThat(created.get("archived")).isEqualTo(false);

        // get(id) → GET /api/v1/chats/{id}
        assertThat(chatResponse(get("/v1/chats/" + id, user)).get("id")).isEqualTo(id);

        // update(id, ChatForm(chat={"title": …})) → POST /api/v1/chats/{id} {"chat": {"title": …}}
        assertThat(chatResponse(post("/v1/chats/" + id, map("chat", map("title", "Paris forecast")), user))
                .get("title")).isEqualTo("Paris forecast");

        // get_list() → GET /api/v1/chats/ (no query); get_list(page=1) → ?page=1;
        // get_list(include_pinned=True, include_folders=True) → ?include_pinned=true&include_folders=true
        assertThat(titleIds(get("/v1/chats/", user))).contains(id);
        assertThat(titleIds(get("/v1/chats/", map("page", 1), user))).contains(id);
        assertThat(titleIds(get("/v1/chats/", map("include_pinned", true, "include_folders", true), user)))
                .contains(id);

        // search(text) → GET /api/v1/chats/search?text=…; search(text, page=1) → ?text=…&page=1
        assertThat(titleIds(get("/v1/chats/search", map("text", "paris forecast"), user))).contains(id);
        assertThat(titleIds(get("/v1/chats/search", map("text", "sunny", "page", 1), user))).contains(id);

        // update_message(id, message_id, MessageForm(content=…)) → POST /api/v1/chats/{id}/messages/{message_id}
        String messageId = firstMessageId(created);
        Map<String, Object> edited = chatResponse(post("/v1/chats/" + id + "/messages/" + messageId,
                map("content", "Edited by owui_client"), user));
        assertThat(messageContent(edited, messageId)).isEqualTo("Edited by owui_client");

        // send_message_event(id, message_id, EventForm(type, data)) → POST …/messages/{message_id}/event → bool
        assertThat(post("/v1/chats/" + id + "/messages/" + messageId + "/event",
                map("type", "status", "data", map("description", "Searching", "done", false)), user))
                .isEqualTo(true);

        // clone(id, CloneForm()) sends {}; clone(id, CloneForm(title=…)) sends {"title": …}
        String clone = (String) chatResponse(post("/v1/chats/" + id + "/clone", map(), user)).get("id");
        assertThat(clone).isNotEqualTo(id);
        assertThat(chatResponse(post("/v1/chats/" + id + "/clone", map("title", "Copy"), user)).get("title"))
                .isEqualTo("Copy");

        // delete(id) → DELETE /api/v1/chats/{id} → bool
        assertThat(delete("/v1/chats/" + clone, user)).isEqualTo(true);
        assertThat(titleIds(get("/v1/chats/", user))).doesNotContain(clone);

        // delete_all() → DELETE /api/v1/chats/ → bool
        assertThat(delete("/v1/chats/", user)).isEqualTo(true);
        assertThat(titleIds(get("/v1/chats/", user))).isEmpty();
    }

    @Test
    void chatsClient_pinning() {
        TestUsers.Account user = newUser("Owui Pins");
        String id = newChat(user, "Pin me");

        // get_pinned_status(id) → GET /api/v1/chats/{id}/pinned → bool
        assertThat(get("/v1/chats/" + id + "/pinned", user)).isEqualTo(false);
        // pin(id) → POST /api/v1/chats/{id}/pin (no body) → ChatResponse
        assertThat(chatResponse(post("/v1/chats/" + id + "/pin", null, user)).get("pinned")).isEqualTo(true);
        assertThat(get("/v1/chats/" + id + "/pinned", user)).isEqualTo(true);
        // get_pinned() → GET /api/v1/chats/pinned → List[ChatTitleIdResponse]
        assertThat(titleIds(get("/v1/chats/pinned", user))).containsExactly(id);
    }

    @Test
    void chatsClient_archiving() {
        TestUsers.Account user = newUser("Owui Archive");
        String id = newChat(user, "Archive me");
        String other = newChat(user, "Stay");

        // archive(id) → POST /api/v1/chats/{id}/archive (no body) → ChatResponse
        assertThat(chatResponse(post("/v1/chats/" + id + "/archive", null, user)).get("archived")).isEqualTo(true);

        // get_archived_list() → GET /api/v1/chats/archived; with every argument → ?page&query&order_by&direction
        assertThat(titleIds(get("/v1/chats/archived", user))).containsExactly(id);
        assertThat(titleIds(get("/v1/chats/archived", map("page", 1, "query", "archive", "order_by", "updated_at",
                "direction", "desc"), user))).containsExactly(id);

        // get_all_archived() → GET /api/v1/chats/all/archived → List[ChatResponse]
        assertThat(chatResponses(get("/v1/chats/all/archived", user))).extracting(chat -> chat.get("id"))
                .containsExactly(id);

        // archive_all() → POST /api/v1/chats/archive/all → bool; unarchive_all() → POST …/unarchive/all → bool
        assertThat(post("/v1/chats/archive/all", null, user)).isEqualTo(true);
        assertThat(titleIds(get("/v1/chats/archived", user))).containsExactlyInAnyOrder(id, other);
        assertThat(post("/v1/chats/unarchive/all", null, user)).isEqualTo(true);
        assertThat(titleIds(get("/v1/chats/archived", user))).isEmpty();
    }

    @Test
    void chatsClient_getArchivedCount() {
        TestUsers.Account user = newUser("Owui Archive Count");
        String id = newChat(user, "Archive me");
        post("/v1/chats/" + id + "/archive", null, user);

        // get_archived_count() → GET /api/v1/chats/archived/count → int(response.json())
        assertThat(get("/v1/chats/archived/count", user)).isEqualTo(1);
    }

    @Test
    void chatsClient_tags() {
        TestUsers.Account user = newUser("Owui Tags");
        String id = newChat(user, "Tagged");

        // add_tag(id, TagForm(name)) → POST /api/v1/chats/{id}/tags {"name"} → List[TagModel]
        assertThat(tagIds(post("/v1/chats/" + id + "/tags", map("name", "Travel Plans"), user)))
                .containsExactly("travel_plans");
        post("/v1/chats/" + id + "/tags", map("name", "Weather"), user);
        // get_tags(id) → GET /api/v1/chats/{id}/tags → List[TagModel]
        assertThat(tagIds(get("/v1/chats/" + id + "/tags", user))).containsExactlyInAnyOrder("travel_plans",
                "weather");
        // get_all_tags() → GET /api/v1/chats/all/tags → List[TagModel]
        assertThat(tagIds(get("/v1/chats/all/tags", user))).contains("travel_plans", "weather");
        // get_by_tags(TagFilterForm(name)) → POST /api/v1/chats/tags {"name", "skip": 0, "limit": 50}
        assertThat(titleIds(post("/v1/chats/tags", map("name", "Travel Plans", "skip", 0, "limit", 50), user)))
                .containsExactly(id);
        // delete_tag(id, TagForm(name)) → DELETE /api/v1/chats/{id}/tags with the JSON body → List[TagModel]
        assertThat(tagIds(request("DELETE", "/v1/chats/" + id + "/tags", Map.of(), map("name", "Travel Plans"),
                user))).containsExactly("weather");
        // delete_all_tags(id) → DELETE /api/v1/chats/{id}/tags/all → bool
        assertThat(delete("/v1/chats/" + id + "/tags/all", user)).isEqualTo(true);
        assertThat(tagIds(get("/v1/chats/" + id + "/tags", user))).isEmpty();
    }

    @Test
    void chatsClient_sharing() {
        TestUsers.Account owner = newUser("Owui Sharer");
        TestUsers.Account friend = newUser("Owui Friend");
        String id = newChat(owner, "Shared forecast");

        // share(id) → POST /api/v1/chats/{id}/share (no body) → ChatResponse with share_id
        String shareId = (String) chatResponse(post("/v1/chats/" + id + "/share", null, owner)).get("share_id");
        assertThat(shareId).isNotBlank();

        // get_shared(share_id) → GET /api/v1/chats/share/{share_id} → ChatResponse
        assertThat(chatResponse(get("/v1/chats/share/" + shareId, friend)).get("title"))
                .isEqualTo("Shared forecast");

        // update_shared_chat_access(id, ChatAccessGrantsForm(access_grants=[…])) → POST
        // /api/v1/chats/shared/{id}/access/update {"access_grants": […]} → ChatResponse
        Map<String, Object> grant = map("principal_type", "user", "principal_id", friend.id(), "permission", "read");
        assertThat(chatResponse(post("/v1/chats/shared/" + id + "/access/update",
                map("access_grants", List.of(grant)), owner)).get("id")).isEqualTo(id);
        // get_shared_chat_access(id) → GET /api/v1/chats/shared/{id}/access → raw list of grant dicts
        assertThat(validateList("shared chat grant", get("/v1/chats/shared/" + id + "/access", owner),
                SHARED_CHAT_GRANT)).extracting(g -> g.get("principal_id")).containsExactly(friend.id());

        // clone_shared(share_id) → POST /api/v1/chats/{share_id}/clone/shared (no body) → ChatResponse
        Map<String, Object> copy = chatResponse(post("/v1/chats/" + shareId + "/clone/shared", null, friend));
        assertThat(copy.get("user_id")).isEqualTo(friend.id());

        // delete_shared(id) → DELETE /api/v1/chats/{id}/share → bool
        assertThat(delete("/v1/chats/" + id + "/share", owner)).isEqualTo(true);
        assertThat(send("GET", "/v1/chats/share/" + shareId, Map.of(), null, key(friend)).ok()).isFalse();
    }

    @Test
    void chatsClient_unshareAll() {
        TestUsers.Account owner = newUser("Owui Unshare");
        String id = newChat(owner, "Shared");
        String shareId = (String) chatResponse(post("/v1/chats/" + id + "/share", null, owner)).get("share_id");

        // unshare_all() → DELETE /api/v1/chats/share/all → bool
        assertThat(delete("/v1/chats/share/all", owner)).isEqualTo(true);
        assertThat(chatResponse(get("/v1/chats/" + id, owner)).get("share_id")).isNull();
        assertThat(send("GET", "/v1/chats/share/" + shareId, Map.of(), null, key(owner)).ok()).isFalse();
    }

    @Test
    void chatsClient_folders() {
        TestUsers.Account user = newUser("Owui Chat Folders");
        String folder = (String) folderModel(post("/v1/folders/", map("name", "Trips"), user)).get("id");

        // create_new(ChatForm(chat=…, folder_id=…)) → {"chat": …, "folder_id": …}
        String inFolder = (String) chatResponse(post("/v1/chats/new", map("chat", conversation("In folder", "q", "a"),
                "folder_id", folder), user)).get("id");
        assertThat(chatResponse(get("/v1/chats/" + inFolder, user)).get("folder_id")).isEqualTo(folder);

        // get_by_folder_id(folder_id) → GET /api/v1/chats/folder/{folder_id} → List[ChatResponse]
        assertThat(chatResponses(get("/v1/chats/folder/" + folder, user))).extracting(chat -> chat.get("id"))
                .containsExactly(inFolder);
        // get_list_by_folder_id(folder_id) → GET /api/v1/chats/folder/{folder_id}/list?page=1 → [dict(item)]
        List<Map<String, Object>> page = validateList("dict", get("/v1/chats/folder/" + folder + "/list",
                map("page", 1), user));
        assertThat(page).extracting(chat -> chat.get("id")).containsExactly(inFolder);

        // update_folder(id, ChatFolderIdForm(folder_id=…)) → POST /api/v1/chats/{id}/folder {"folder_id": …}
        String loose = newChat(user, "Loose");
        assertThat(chatResponse(post("/v1/chats/" + loose + "/folder", map("folder_id", folder), user))
                .get("folder_id")).isEqualTo(folder);
        // update_folder(id, ChatFolderIdForm()) sends {} (folder_id=None is left out): back to the root
        assertThat(chatResponse(post("/v1/chats/" + loose + "/folder", map(), user)).get("folder_id")).isNull();
    }

    @Test
    void chatsClient_getAllImportAndAdminViews() {
        TestUsers.Account user = newUser("Owui Export");
        String id = newChat(user, "Exported");

        // get_all() → GET /api/v1/chats/all with Accept: */* → List[ChatResponse] (one JSON array)
        assertThat(chatResponses(get("/v1/chats/all", user))).extracting(chat -> chat.get("id")).contains(id);

        // import_chats(ChatsImportForm(chats=[ChatImportForm(chat=…, created_at=…, updated_at=…)])) → POST
        // /api/v1/chats/import; the defaults meta={} and pinned=False are sent, folder_id=None is not.
        List<Map<String, Object>> imported = chatResponses(post("/v1/chats/import", map("chats", List.of(
                map("chat", conversation("Imported", "old question", "old answer"), "meta", map(), "pinned", false,
                        "created_at", 1_600_000_000, "updated_at", 1_600_000_100),
                map("chat", conversation("Imported pinned", "q", "a"), "meta", map("tags", List.of("archive_2020")),
                        "pinned", true))), user));
        assertThat(imported).extracting(chat -> chat.get("title")).containsExactly("Imported", "Imported pinned");
        assertThat(imported.get(0).get("created_at")).isEqualTo(1_600_000_000);

        // get_all_db() (admin) → GET /api/v1/chats/all/db → List[ChatResponse]
        assertThat(chatResponses(get("/v1/chats/all/db", admin))).extracting(chat -> chat.get("id")).contains(id);

        // get_user_list(user_id) (admin) → GET /api/v1/chats/list/user/{user_id}; with every argument →
        // ?page&query&order_by&direction
        assertThat(titleIds(get("/v1/chats/list/user/" + user.id(), admin))).contains(id);
        assertThat(titleIds(get("/v1/chats/list/user/" + user.id(), map("page", 1, "query", "exported",
                "order_by", "updated_at", "direction", "desc"), admin))).containsExactly(id);
    }

    @Test
    void chatsClient_statistics() {
        TestUsers.Account user = newUser("Owui Stats");
        String id = newChat(user, "Counted");

        // get_chat_usage_stats() → GET /api/v1/chats/stats/usage?items_per_page=50&page=1
        Map<String, Object> usage = validate("ChatUsageStatsListResponse", get("/v1/chats/stats/usage",
                map("items_per_page", 50, "page", 1), user), USAGE_LIST);
        assertThat(validateList("ChatUsageStatsResponse", usage.get("items"), USAGE))
                .extracting(item -> item.get("id")).containsExactly(id);

        // export_chat_stats() → GET /api/v1/chats/stats/export?page=1;
        // export_chat_stats(updated_at=…) → ?updated_at=…&page=1
        Map<String, Object> export = validate("ChatStatsExportList", get("/v1/chats/stats/export", map("page", 1),
                user), STATS_EXPORT_LIST);
        List<Object> exported = new ArrayList<>();
        for (Object item : (List<?>) export.get("items")) {
            exported.add(statsExport(item).get("id"));
        }
        assertThat(exported).containsExactly(id);
        assertThat(validate("ChatStatsExportList", get("/v1/chats/stats/export", map("updated_at", 0, "page", 1),
                user), STATS_EXPORT_LIST).get("total")).isEqualTo(1);

        // export_single_chat_stats(chat_id) → GET /api/v1/chats/stats/export/{chat_id} → ChatStatsExport
        assertThat(statsExport(get("/v1/chats/stats/export/" + id, user)).get("id")).isEqualTo(id);
    }

    @Test
    void chatsClient_compact() {
        TestUsers.Account user = newUser("Owui Compact");
        String id = newChat(user, "Long chat");

        // compact(id) → POST /api/v1/chats/{id}/compact with no body → dict {ok, compacted, reason?}
        // (compaction is off by default, as in Open WebUI: {"ok": true, "compacted": false, "reason": "disabled"})
        Map<String, Object> outcome = validate("compact outcome", request("POST", "/v1/chats/" + id + "/compact",
                Map.of(), null, user), "ok:bool", "compacted:bool", "reason:str?");
        assertThat(outcome).containsEntry("ok", true).containsEntry("compacted", false)
                .containsEntry("reason", "disabled");
        // compact(id, CompactChatForm()) sends {}; compact(id, CompactChatForm(model=…)) names the model
        validate("compact outcome", post("/v1/chats/" + id + "/compact", map(), user), "ok:bool", "compacted:bool");
        validate("compact outcome", post("/v1/chats/" + id + "/compact", map("model", "m"), user), "ok:bool",
                "compacted:bool");
        // another user's chat answers as a missing one: 401 with Open WebUI's NOT_FOUND detail
        Answer foreign = send("POST", "/v1/chats/" + id + "/compact", Map.of(), null, key(newUser("Owui Other")));
        assertThat(foreign.status()).isEqualTo(401);
        assertThat(api.parse(foreign.text()))
                .isEqualTo(Map.of("detail", "We could not find what you're looking for :/"));
    }

    /** {@code chat_completion(form)}: the client adds a {@code local:api-…} chat id when the form has none. */
    @Test
    void chatsClient_chatCompletion() {
        TestUsers.Account user = newUser("Owui Completion");
        // chat_completion(ChatCompletionForm(model, messages)) → POST /api/chat/completions → ChatCompletionResponse
        // (status and task_id are optional: without a session_id Open WebUI answers the completion itself)
        Map<String, Object> completion = validate("ChatCompletionResponse", post("/chat/completions", map("model",
                "llama3.1:latest", "messages", List.of(map("role", "user", "content", "Hi")), "chat_id",
                "local:api-" + UUID.randomUUID()), user), "status:bool?", "task_id:str?");
        assertThat(completion).containsEntry("object", "chat.completion");
        assertThat(completion.get("choices").toString()).contains("ECHO[1]: Hi");
    }

    /** {@code chat_completion_api} posts {@code /api/chat/completions} on the {@code /api} base: {@code /api/api/…}. */
    @Test
    void chatsClient_chatCompletionApi() {
        TestUsers.Account user = newUser("Owui Completion Api");
        Map<String, Object> completion = validate("ChatCompletionResponse", post("/api/chat/completions",
                map("model", "llama3.1:latest", "messages", List.of(map("role", "user", "content", "Hi"))), user),
                "status:bool?", "task_id:str?");
        assertThat(completion.get("choices").toString()).contains("ECHO[1]: Hi");
    }

    /** Open WebUI runs the model's outlet filters here; with none, the form comes back as sent. */
    @Test
    void chatsClient_chatCompleted() {
        TestUsers.Account user = newUser("Owui Completed");
        String id = newChat(user, "Completed");
        // chat_completed(ChatCompletedForm(model, messages, chat_id, session_id)) → POST /api/chat/completed
        Map<String, Object> form = map("model", "llama3.1:latest", "messages", List.of(), "chat_id", id,
                "session_id", "owui-session");
        assertThat(validate("ChatCompletedResponse", post("/chat/completed", form, user))).isEqualTo(form);
    }

    @Test
    void chatsClient_chatCompletedApi() {
        TestUsers.Account user = newUser("Owui Completed Api");
        String id = newChat(user, "Completed");
        Map<String, Object> form = map("model", "llama3.1:latest", "messages", List.of(), "chat_id", id,
                "session_id", "owui-session");
        assertThat(validate("ChatCompletedResponse", post("/api/chat/completed", form, user))).isEqualTo(form);
    }

    /**
     * {@code chat_action} runs an action function installed in Open WebUI; this server installs none, so it answers
     * as Open WebUI does for an action that is not installed: 400 naming the action, which the client raises.
     */
    @Test
    void chatsClient_chatAction() {
        TestUsers.Account user = newUser("Owui Action");
        Map<String, Object> chat = createNew(user, conversation("Action", "q", "a"));
        // chat_action(action_id, ChatActionForm(model, messages, chat_id, id, session_id)) → ChatActionResponse
        Answer answer = send("POST", "/chat/actions/summarise.short", Map.of(), map("model", "llama3.1:latest",
                "messages", List.of(), "chat_id", chat.get("id"), "id", firstMessageId(chat),
                "session_id", "owui-session"), key(user));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(api.parse(answer.text())).isEqualTo(Map.of("detail", "Action not found: summarise"));
    }

    // ------------------------------------------------------------------------------------------------ FoldersClient

    @Test
    void foldersClient_everyOwnFolderCall() {
        TestUsers.Account user = newUser("Owui Folders");

        // create_folder(FolderForm(name)) → POST /api/v1/folders/ {"name"} → FolderModel
        Map<String, Object> work = folderModel(post("/v1/folders/", map("name", "Work"), user));
        String id = (String) work.get("id");
        assertThat(work.get("user_id")).isEqualTo(user.id());
        // create_folder(FolderForm(name, data, meta, parent_id)) → every field set is sent
        Map<String, Object> child = folderModel(post("/v1/folders/", map("name", "Reports",
                "data", map("system_prompt", "Be brief", "model_ids", List.of("llama3.1:latest")),
                "meta", map("icon", "📁"), "parent_id", id), user));
        String childId = (String) child.get("id");
        assertThat(child.get("parent_id")).isEqualTo(id);

        // get_folders() → GET /api/v1/folders/ → List[FolderNameIdResponse]
        assertThat(folderNameIds(get("/v1/folders/", user))).extracting(folder -> folder.get("id"))
                .containsExactlyInAnyOrder(id, childId);

        // get_folder_by_id(id) → GET /api/v1/folders/{id} → Optional[FolderModel]
        assertThat(folderModel(get("/v1/folders/" + childId, user)).get("meta")).isEqualTo(map("icon", "📁"));

        // update_folder_name_by_id(id, FolderUpdateForm(name=…)) → POST /api/v1/folders/{id}/update {"name"}
        assertThat(folderModel(post("/v1/folders/" + id + "/update", map("name", "Work 2"), user)).get("name"))
                .isEqualTo("Work 2");
        // update_folder_name_by_id(id, FolderUpdateForm(meta=…, data=…)) → only the fields set
        Map<String, Object> restyled = folderModel(post("/v1/folders/" + id + "/update", map("meta",
                map("icon", "🗂️"), "data", map("system_prompt", "Formal")), user));
        assertThat(restyled.get("name")).isEqualTo("Work 2");
        assertThat(restyled.get("meta")).isEqualTo(map("icon", "🗂️"));

        // update_folder_is_expanded_by_id(id, FolderIsExpandedForm(is_expanded=True)) → POST …/update/expanded
        assertThat(folderModel(post("/v1/folders/" + id + "/update/expanded", map("is_expanded", true), user))
                .get("is_expanded")).isEqualTo(true);

        // update_folder_parent_id_by_id(id, FolderParentIdForm()) sends {} (parent_id=None left out): to the root
        assertThat(folderModel(post("/v1/folders/" + childId + "/update/parent", map(), user)).get("parent_id"))
                .isNull();
        // update_folder_parent_id_by_id(id, FolderParentIdForm(parent_id=…)) → {"parent_id": …}
        assertThat(folderModel(post("/v1/folders/" + childId + "/update/parent", map("parent_id", id), user))
                .get("parent_id")).isEqualTo(id);

        // delete_folder_by_id(id, delete_contents=False) → DELETE /api/v1/folders/{id}?delete_contents=false → bool
        String kept = (String) chatResponse(post("/v1/chats/new", map("chat", conversation("Kept", "q", "a"),
                "folder_id", childId), user)).get("id");
        assertThat(request("DELETE", "/v1/folders/" + childId, map("delete_contents", false), null, user))
                .isEqualTo(true);
        assertThat(chatResponse(get("/v1/chats/" + kept, user)).get("folder_id")).isNull();
        // delete_folder_by_id(id) → ?delete_contents=true (the default is sent)
        String dropped = (String) chatResponse(post("/v1/chats/new", map("chat", conversation("Dropped", "q", "a"),
                "folder_id", id), user)).get("id");
        assertThat(request("DELETE", "/v1/folders/" + id, map("delete_contents", true), null, user)).isEqualTo(true);
        assertThat(folderNameIds(get("/v1/folders/", user))).isEmpty();
        assertThat(send("GET", "/v1/chats/" + dropped, Map.of(), null, key(user)).ok()).isFalse();
    }

    @Test
    void foldersClient_updateFolderAccessById() {
        TestUsers.Account owner = newUser("Owui Folder Sharer");
        TestUsers.Account friend = newUser("Owui Folder Friend");
        String id = (String) folderModel(post("/v1/folders/", map("name", "Team"), owner)).get("id");

        // update_folder_access_by_id(id, FolderAccessGrantsForm(access_grants=[…])) → FolderModel with its grants
        Map<String, Object> shared = folderModel(post("/v1/folders/" + id + "/access/update", map("access_grants",
                List.of(map("principal_type", "user", "principal_id", friend.id(), "permission", "read"))), owner));
        assertThat((List<?>) shared.get("access_grants")).hasSize(1);
        // get_folder_by_id also returns the grants
        assertThat((List<?>) folderModel(get("/v1/folders/" + id, owner)).get("access_grants")).hasSize(1);
    }

    @Test
    void foldersClient_getSharedFolders() {
        TestUsers.Account user = newUser("Owui Shared Folders");
        // get_shared_folders() → GET /api/v1/folders/shared → List[SharedFolderResponse] (empty when none)
        assertThat(validateList("SharedFolderResponse", get("/v1/folders/shared", user), SHARED_FOLDER)).isEmpty();
    }

    @Test
    void foldersClient_getSharedFolderChats() {
        TestUsers.Account owner = newUser("Owui Folder Chats");
        String folder = (String) folderModel(post("/v1/folders/", map("name", "Team"), owner)).get("id");
        String chat = (String) chatResponse(post("/v1/chats/new", map("chat", conversation("Team chat", "q", "a"),
                "folder_id", folder), owner)).get("id");

        // get_shared_folder_chats(id) → GET /api/v1/folders/{id}/shared/chats → dict {chats, folder_permission}
        Map<String, Object> payload = validate("shared folder chats", get("/v1/folders/" + folder + "/shared/chats",
                owner), "chats:list", "folder_permission:str");
        assertThat(validateList("shared folder chat", payload.get("chats"), "id:str", "title:str", "user_id:str",
                "updated_at:int", "created_at:int", "last_read_at:int?", "owner_name:str", "readonly:bool"))
                .extracting(item -> item.get("id")).containsExactly(chat);
        assertThat(payload.get("folder_permission")).isEqualTo("write");
    }
}
