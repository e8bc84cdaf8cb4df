package dev.chats.app.e2e;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end over real HTTP: the call shapes of Open WebUI's current web front-end — {@code src/lib/apis/chats/index.ts}
 * and {@code src/lib/apis/folders/index.ts} — exactly as they leave the browser: method, path (trailing slashes
 * included), query string built the way {@code URLSearchParams} builds it, headers ({@code Accept},
 * {@code Content-Type}, lower-case {@code authorization}) and JSON bodies as {@code JSON.stringify} writes them,
 * including keys whose value is {@code undefined} being left out. Each call checks what the front-end reads from the
 * answer ({@code res.ok}, then the fields it uses), so a change that breaks the front-end breaks this test.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatsFrontEndCallsTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    @Inject
    EmbeddedServer server;

    Api api;
    TestUsers.Account admin;
    TestUsers.Account user;
    TestUsers.Account friend;
    final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();

    @BeforeAll
    void signUp() {
        api = new Api(client, json);
        admin = TestUsers.signUp(client, "Admin");
        user = TestUsers.signUp(client, "Front End");
        friend = TestUsers.signUp(client, "Friend");
    }

    // ------------------------------------------------------------------------------------------------ transport

    /** One answer as {@code fetch} sees it: {@code ok}, the status and the text of the body. */
    record FetchResponse(int status, String contentType, String text) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** {@code fetch(url, {method, headers, body})}. */
    private FetchResponse fetch(String method, String path, Map<String, String> headers, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1" + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(api.write(body)));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new FetchResponse(response.statusCode(),
                    response.headers().firstValue("content-type").orElse(""), response.body());
        } catch (Exception e) {
            throw new AssertionError(method + " " + path, e);
        }
    }

    /** The headers of {@code apiRequest} and of the hand-written {@code fetch} calls. */
    private static Map<String, String> jsonHeaders(String token) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        headers.put("Content-Type", "application/json");
        headers.put("authorization", "Bearer " + token);
        return headers;
    }

    /** {@code apiRequest(url, {method, token, body})}: throws the {@code detail} unless {@code res.ok}. */
    private Object apiRequest(String method, String path, String token, Object body) {
        FetchResponse response = fetch(method, path, jsonHeaders(token), body);
        assertThat(response.ok()).as(method + " " + path + " answered " + response.status() + " " + response.text())
                .isTrue();
        return api.parse(response.text());
    }

    private Object get(String path, String token) {
        return apiRequest("GET", path, token, null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Map<String, Object>>) value;
    }

    /** What {@code res.map(chat => ({...chat, time_range: getTimeRange(chat.updated_at)}))} needs. */
    private static List<Object> idsWithUpdatedAt(Object value) {
        List<Object> ids = new ArrayList<>();
        for (Map<String, Object> chat : list(value)) {
            assertThat(chat.get("updated_at")).isInstanceOf(Number.class);
            ids.add(chat.get("id"));
        }
        return ids;
    }

    private static String query(Map<String, String> params) {
        List<String> pairs = new ArrayList<>();
        params.forEach((key, value) -> pairs.add(URLEncoder.encode(key, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> messagesOf(Map<String, Object> chatResponse) {
        Map<String, Object> chat = (Map<String, Object>) chatResponse.get("chat");
        return (Map<String, Object>) ((Map<String, Object>) chat.get("history")).get("messages");
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static final Map<String, Object> CONVERSATION = map("title", "Front end chat", "models", List.of("m1"),
            "history", map("currentId", "a1", "messages", map(
                    "u1", map("id", "u1", "parentId", null, "childrenIds", List.of("a1"), "role", "user",
                            "content", "hi", "timestamp", 1_700_000_000),
                    "a1", map("id", "a1", "parentId", "u1", "childrenIds", List.of(), "role", "assistant",
                            "content", "hello", "model", "m1", "timestamp", 1_700_000_003))),
            "messages", List.of(), "tags", List.of(), "timestamp", 1_700_000_000_000L);

    // ------------------------------------------------------------------------------------------------ chats

    @Test
    void chatsModule_everyCallTheSidebarAndSettingsMake_succeedsAndReadsWhatItNeeds() {
        String token = user.token();

        // createNewChat(token, chat, folderId) with no variables: {chat, folder_id: null}
        Map<String, Object> created = object(apiRequest("POST", "/chats/new", token,
                map("chat", CONVERSATION, "folder_id", null)));
        String id = (String) created.get("id");
        assertThat(created.get("title")).isEqualTo("Front end chat");
        assertThat(created.get("chat")).isEqualTo(api.parse(api.write(CONVERSATION)));

        // getChatList(token, page) → /chats/?page=1 ; getChatList(token, null, true, true) → /chats/?include_folders…
        assertThat(idsWithUpdatedAt(get("/chats/?page=1", token))).contains(id);
        assertThat(idsWithUpdatedAt(get("/chats/?include_folders=true&include_pinned=true", token))).contains(id);
        assertThat(idsWithUpdatedAt(get("/chats/?", token))).contains(id);

        // updateChatById(token, id, {title}) : {chat: {title}}
        Map<String, Object> updated = object(apiRequest("POST", "/chats/" + id, token,
                map("chat", map("title", "Renamed"))));
        assertThat(updated.get("title")).isEqualTo("Renamed");

        // updateChatById(token, id, chat, deletedMessageIds): the newest front-end saves the whole history without
        // the messages the user deleted and names them in deleted_message_ids.
        Map<String, Object> regenerated = map("currentId", "u1", "messages", map(
                "u1", map("id", "u1", "parentId", null, "childrenIds", List.of(), "role", "user",
                        "content", "hi", "timestamp", 1_700_000_000)));
        Map<String, Object> afterDelete = object(apiRequest("POST", "/chats/" + id, token,
                map("chat", map("title", "Renamed", "history", regenerated), "deleted_message_ids", List.of("a1"))));
        assertThat(afterDelete.get("title")).isEqualTo("Renamed");
        assertThat(messagesOf(object(get("/chats/" + id, token)))).containsOnlyKeys("u1");
        assertThat(idsWithUpdatedAt(get("/chats/search?" + query(map2("text", "hello")), token))).doesNotContain(id);
        apiRequest("POST", "/chats/" + id, token, map("chat", map("history", CONVERSATION.get("history"))));
        assertThat(messagesOf(object(get("/chats/" + id, token)))).containsOnlyKeys("u1", "a1");

        // getChatById, getChatPinnedStatusById, toggleChatPinnedStatusById, getPinnedChatList
        assertThat(object(get("/chats/" + id, token)).get("id")).isEqualTo(id);
        assertThat(get("/chats/" + id + "/pinned", token)).isEqualTo(false);
        assertThat(object(apiRequest("POST", "/chats/" + id + "/pin", token, null)).get("pinned")).isEqualTo(true);
        assertThat(idsWithUpdatedAt(get("/chats/pinned", token))).containsExactly(id);

        // getChatListBySearchText(token, text, page): text then page
        assertThat(idsWithUpdatedAt(get("/chats/search?" + query(map2("text", "renamed", "page", "1")), token)))
                .contains(id);

        // tags: addTagById, getTagsById, getAllTags, getChatListByTagName, deleteTagById
        assertThat(list(apiRequest("POST", "/chats/" + id + "/tags", token, map("name", "Front End"))))
                .extracting(tag -> tag.get("id")).containsExactly("front_end");
        assertThat(list(get("/chats/" + id + "/tags", token))).extracting(tag -> tag.get("name"))
                .containsExactly("Front End");
        assertThat(list(get("/chats/all/tags", token))).extracting(tag -> tag.get("id")).contains("front_end");
        assertThat(idsWithUpdatedAt(apiRequest("POST", "/chats/tags", token, map("name", "Front End"))))
                .containsExactly(id);
        assertThat(list(apiRequest("DELETE", "/chats/" + id + "/tags", token, map("name", "Front End")))).isEmpty();

        // cloneChatById(token, id) sends {} ; cloneChatById(token, id, title) sends {title}
        String clone = (String) object(apiRequest("POST", "/chats/" + id + "/clone", token, map())).get("id");
        assertThat(object(apiRequest("POST", "/chats/" + id + "/clone", token, map("title", "Copy")))
                .get("title")).isEqualTo("Copy");

        // shareChatById, getChatByShareId, getSharedChatList, access grants, cloneSharedChatById, deleteSharedChatById
        String shareId = (String) object(apiRequest("POST", "/chats/" + id + "/share", token, null)).get("share_id");
        assertThat(shareId).isNotBlank();
        assertThat(object(get("/chats/share/" + shareId, friend.token())).get("title")).isEqualTo("Renamed");
        List<Map<String, Object>> shared = list(get("/chats/shared?page=1", token));
        assertThat(shared).extracting(item -> item.get("share_id")).containsExactly(shareId);
        assertThat(idsWithUpdatedAt(shared)).containsExactly(id);
        Map<String, Object> grant = map("principal_type", "user", "principal_id", friend.id(), "permission", "read");
        assertThat(object(apiRequest("POST", "/chats/shared/" + id + "/access/update", token,
                map("access_grants", List.of(grant)))).get("id")).isEqualTo(id);
        assertThat(list(get("/chats/shared/" + id + "/access", token))).extracting(g -> g.get("principal_id"))
                .containsExactly(friend.id());
        assertThat(object(apiRequest("POST", "/chats/" + shareId + "/clone/shared", friend.token(), null))
                .get("title")).isEqualTo("Clone of Renamed");
        assertThat(apiRequest("DELETE", "/chats/" + id + "/share", token, null)).isEqualTo(true);

        // archiveChatById, getArchivedChatList(token, page, filter), getAllArchivedChats, archive/unarchive all
        assertThat(object(apiRequest("POST", "/chats/" + clone + "/archive", token, null)).get("archived"))
                .isEqualTo(true);
        assertThat(idsWithUpdatedAt(get("/chats/archived?" + query(map2("page", "1", "query", "renamed",
                "order_by", "updated_at", "direction", "desc")), token))).containsExactly(clone);
        assertThat(list(get("/chats/all/archived", token))).extracting(chat -> chat.get("id")).containsExactly(clone);
        assertThat(apiRequest("POST", "/chats/archive/all", token, null)).isEqualTo(true);
        assertThat(apiRequest("POST", "/chats/unarchive/all", token, null)).isEqualTo(true);

        // getAllChats: Accept application/x-ndjson, no Content-Type; reads line by line
        FetchResponse all = fetch("GET", "/chats/all", Map.of("Accept", "application/x-ndjson",
                "authorization", "Bearer " + token), null);
        assertThat(all.ok()).isTrue();
        List<Object> exported = new ArrayList<>();
        for (String line : all.text().split("\n")) {
            if (!line.trim().isEmpty()) {
                exported.add(object(api.parse(line.trim())).get("id"));
            }
        }
        assertThat(exported).contains(id, clone);

        // importChats(token, chats): {chats}
        List<Map<String, Object>> imported = list(apiRequest("POST", "/chats/import", token, map("chats",
                List.of(map("chat", map("title", "Imported"), "meta", map(), "pinned", false, "folder_id", null,
                        "created_at", 1_600_000_000, "updated_at", 1_600_000_100)))));
        assertThat(imported).hasSize(1);
        assertThat(imported.get(0).get("created_at")).isEqualTo(1_600_000_000);

        // stats: exportChatStats(token, page, params), exportSingleChatStats, downloadChatStats (no Accept)
        Map<String, Object> stats = object(get("/chats/stats/export?" + query(map2("page", "1")), token));
        assertThat(stats.get("type")).isEqualTo("chats");
        assertThat(object(get("/chats/stats/export/" + id, token)).get("id")).isEqualTo(id);
        FetchResponse download = fetch("GET", "/chats/stats/export?stream=true&updated_at=1", Map.of(
                "Content-Type", "application/json", "Authorization", "Bearer " + token), null);
        assertThat(download.ok()).isTrue();
        assertThat(download.contentType()).startsWith("application/x-ndjson");
        assertThat(download.text().lines().toList()).isNotEmpty();
        assertThat(object(get("/chats/stats/usage", token)).get("total")).isInstanceOf(Number.class);

        // admin: getAllUserChats (/chats/all/db), getChatListByUserId(token, userId, page, filter)
        assertThat(list(get("/chats/all/db", admin.token()))).extracting(chat -> chat.get("id")).contains(id);
        assertThat(idsWithUpdatedAt(get("/chats/list/user/" + user.id() + "?" + query(map2("page", "1",
                "order_by", "updated_at", "direction", "desc")), admin.token()))).contains(id);

        // deleteChatById, deleteAllChats
        assertThat(apiRequest("DELETE", "/chats/" + clone, token, null)).isEqualTo(true);
        assertThat(apiRequest("DELETE", "/chats/", token, null)).isEqualTo(true);
        assertThat(list(get("/chats/?page=1", token))).isEmpty();
    }

    @Test
    void chatsModule_errorsReachTheFrontEndAsDetailStrings() {
        FetchResponse missing = fetch("GET", "/chats/" + java.util.UUID.randomUUID(), jsonHeaders(user.token()),
                null);
        assertThat(missing.ok()).isFalse();
        assertThat(object(api.parse(missing.text())).get("detail")).isInstanceOf(String.class);
        FetchResponse invalid = fetch("POST", "/chats/new", jsonHeaders(user.token()), map("folder_id", null));
        assertThat(invalid.status()).isEqualTo(422);
        // getErrorDetail maps an array detail to its msg fields.
        assertThat(list(object(api.parse(invalid.text())).get("detail")).get(0).get("msg")).isInstanceOf(String.class);
    }

    // ------------------------------------------------------------------------------------------------ folders

    @Test
    void foldersModule_everyCall_succeedsAndReadsWhatItNeeds() {
        TestUsers.Account owner = TestUsers.signUp(client, "Folder Front End");
        String token = owner.token();

        // createNewFolder(token, {name, …}) → POST /folders/
        Map<String, Object> folder = object(apiRequest("POST", "/folders/", token, map("name", "Work")));
        String id = (String) folder.get("id");
        Map<String, Object> child = object(apiRequest("POST", "/folders/", token, map("name", "Sub", "parent_id", id)));

        // getFolders, getFolderById
        assertThat(list(get("/folders/", token))).extracting(f -> f.get("id")).contains(id, child.get("id"));
        assertThat(object(get("/folders/" + id, token)).get("name")).isEqualTo("Work");

        // updateFolderNameById / updateFolderById(token, id, {name, meta, data})
        assertThat(object(apiRequest("POST", "/folders/" + id + "/update", token, map("name", "Work 2")))
                .get("name")).isEqualTo("Work 2");
        // updateFolderIsExpandedById, updateFolderParentIdById(token, id, undefined) sends {}
        assertThat(object(apiRequest("POST", "/folders/" + id + "/update/expanded", token,
                map("is_expanded", true))).get("is_expanded")).isEqualTo(true);
        assertThat(object(apiRequest("POST", "/folders/" + child.get("id") + "/update/parent", token, map()))
                .get("parent_id")).isNull();
        // updateFolderItemsById(token, id, {chat_ids, file_ids}) — the older front-end
        assertThat(object(apiRequest("POST", "/folders/" + id + "/update/items", token,
                map("items", map("chat_ids", List.of(), "file_ids", List.of())))).get("id")).isEqualTo(id);

        // chats in folders: createNewChat with folder, getChatsByFolderId, getChatListByFolderId(token, id, page)
        String chat = (String) object(apiRequest("POST", "/chats/new", token,
                map("chat", map("title", "In folder"), "folder_id", id))).get("id");
        assertThat(list(get("/chats/folder/" + id, token))).extracting(c -> c.get("id")).containsExactly(chat);
        assertThat(list(get("/chats/folder/" + id + "/list?page=1", token))).extracting(c -> c.get("id"))
                .containsExactly(chat);
        // updateChatFolderIdById(token, id, undefined) sends {} → root
        assertThat(object(apiRequest("POST", "/chats/" + chat + "/folder", token, map())).get("folder_id")).isNull();

        // deleteFolderById(token, id, deleteContents) → ?delete_contents=true|false
        assertThat(apiRequest("DELETE", "/folders/" + child.get("id") + "?delete_contents=false", token, null))
                .isEqualTo(true);
        assertThat(apiRequest("DELETE", "/folders/" + id + "?delete_contents=true", token, null)).isEqualTo(true);
        assertThat(list(get("/folders/", token))).isEmpty();
    }

    private static Map<String, String> map2(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
