package dev.chats.app.e2e;

import dev.chats.app.TestClock;
import dev.chats.app.InProcessChatEvents;
import dev.chats.app.ws.SeenEvent;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.chats.app.e2e.ChatLifecycleEndpointsTest.ACCESS_PROHIBITED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end over real HTTP on H2: {@code POST /api/v1/chats/{id}/messages/{mid}} and {@code …/event} (reference
 * §4.32–4.33, §7.2–7.3, checks 33–34) with COMPATIBILITY.md's upsert rule: a new message gets id, parentId,
 * childrenIds, role and timestamp and becomes current; an existing one keeps its keys and {@code currentId} stays;
 * a chat without {@code history} works. Events are observed on the {@link InProcessChatEvents} bean.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatMessagesEndpointsTest {

    static final String CHATS = "/api/v1/chats";

    static final String TWO_MESSAGES = """
            {"title":"Talk","models":["m"],
             "history":{"currentId":"m2","messages":{
               "m1":{"id":"m1","parentId":null,"childrenIds":["m2"],"role":"user","content":"question","timestamp":1700000000},
               "m2":{"id":"m2","parentId":"m1","childrenIds":[],"role":"assistant","content":"answer","model":"m","done":true,"timestamp":1700000005}}}}""";

    /** Moved forward where a test needs a later timestamp, instead of sleeping. */
    @Inject
    TestClock clock;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    @Inject
    InProcessChatEvents events;

    Api api;
    TestUsers.Account admin;
    TestUsers.Account u1;
    TestUsers.Account u2;

    final List<SeenEvent> seen = new CopyOnWriteArrayList<>();
    Runnable unsubscribe;

    @BeforeAll
    void signUpUsers() {
        api = new Api(client, json);
        admin = TestUsers.signUp(client, "Admin");
        u1 = TestUsers.signUp(client, "Owner");
        u2 = TestUsers.signUp(client, "Intruder");
        assertThat(admin.role()).isEqualTo("admin");
        assertThat(u1.role()).isEqualTo("user");
    }

    @BeforeEach
    void collectEvents() {
        seen.clear();
        unsubscribe = events.subscribe(event -> seen.add(SeenEvent.of(event)));
    }

    @AfterEach
    void stopCollecting() {
        unsubscribe.run();
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private String create(TestUsers.Account who, String chatJson) {
        Api.Reply reply = api.post(who.token(), CHATS + "/new", "{\"chat\":" + chatJson + "}");
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return (String) reply.get("id");
    }

    private Api.Reply upsert(TestUsers.Account who, String chatId, String messageId, String content) {
        return api.post(who.token(), CHATS + "/" + chatId + "/messages/" + messageId,
                "{\"content\":" + api.write(content) + "}");
    }

    private Api.Reply event(TestUsers.Account who, String chatId, String messageId, String body) {
        return api.post(who.token(), CHATS + "/" + chatId + "/messages/" + messageId + "/event", body);
    }

    private Map<String, Object> document(String chatId) {
        Api.Reply reply = api.get(u1.token(), CHATS + "/" + chatId);
        assertThat(reply.status()).isEqualTo(200);
        return map(reply.get("chat"));
    }

    private static Map<String, Object> history(Map<String, Object> document) {
        return map(document.get("history"));
    }

    private static Map<String, Object> messages(Map<String, Object> document) {
        return map(history(document).get("messages"));
    }

    private static Map<String, Object> message(Map<String, Object> document, String id) {
        return map(messages(document).get(id));
    }

    /** The message events (those naming a message) published for the chat; sidebar events are left out. */
    private List<SeenEvent> eventsFor(String chatId) {
        return seen.stream().filter(e -> chatId.equals(e.chatId()) && e.messageId() != null).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private static Map<String, Object> messageEventData(String chatId, String messageId, String content) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("chat_id", chatId);
        data.put("message_id", messageId);
        data.put("content", content);
        return data;
    }

    // ---------------------------------------------------------------------------------------------- upsert

    @Test
    void upsertExisting_replacesOnlyTheContent_keepsCurrentId_bumpsUpdatedAt_andNotifiesTheOwner() {
        String id = create(u1, TWO_MESSAGES);
        long createdUpdatedAt = number(api.get(u1.token(), CHATS + "/" + id).get("updated_at"));
        clock.advance(Duration.ofSeconds(1));

        Api.Reply reply = upsert(u1, id, "m1", "edited");

        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(reply.get("id")).isEqualTo(id);
        Map<String, Object> expected = map(api.parse(TWO_MESSAGES));
        map(map(map(expected.get("history")).get("messages")).get("m1")).put("content", "edited");
        assertThat(reply.get("chat")).isEqualTo(expected);
        assertThat(api.write(message(map(reply.get("chat")), "m1")))
                .isEqualTo("{\"id\":\"m1\",\"parentId\":null,\"childrenIds\":[\"m2\"],\"role\":\"user\","
                        + "\"content\":\"edited\",\"timestamp\":1700000000}");
        assertThat(history(map(reply.get("chat"))).get("currentId")).isEqualTo("m2");
        assertThat(reply.get("title")).isEqualTo("Talk");
        assertThat(number(reply.get("updated_at"))).isGreaterThan(createdUpdatedAt);
        assertThat(document(id)).isEqualTo(expected);

        List<SeenEvent> published = eventsFor(id);
        assertThat(published).hasSize(1);
        SeenEvent event = published.get(0);
        assertThat(event.recipient().value()).isEqualTo(u1.id());
        assertThat(event.type()).isEqualTo("chat:message");
        assertThat(event.chatId()).isEqualTo(id);
        assertThat(event.messageId()).isEqualTo("m1");
        assertThat(event.data()).isEqualTo(messageEventData(id, "m1", "edited"));
    }

    @Test
    void upsertWithPreferReturnMinimal_answers204WithoutTheChat_andStoresTheMessage() {
        String id = create(u1, TWO_MESSAGES);

        HttpResponse<String> reply = client.toBlocking().exchange(HttpRequest.POST(CHATS + "/" + id
                        + "/messages/m3", "{\"content\":\"short answer\"}").contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("Prefer", "respond-async, return=minimal").bearerAuth(u1.token()), String.class);

        assertThat(reply.code()).isEqualTo(204);
        assertThat(reply.header("Preference-Applied")).isEqualTo("return=minimal");
        assertThat(reply.getBody(String.class)).isEmpty();
        assertThat(message(document(id), "m3")).containsEntry("content", "short answer");
    }

    @Test
    void upsertWithPreferReturnMinimal_onAnotherUsersChat_answersAsWithoutIt() {
        String id = create(u1, TWO_MESSAGES);

        Api.Reply plain = upsert(u2, id, "m3", "intrusion");
        Api.Reply minimal = api.send(HttpRequest.POST(CHATS + "/" + id + "/messages/m3",
                "{\"content\":\"intrusion\"}").contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("Prefer", "return=minimal"), u2.token());

        assertThat(minimal.status()).isEqualTo(plain.status());
        assertThat(minimal.raw()).isEqualTo(plain.raw());
        assertThat(messages(document(id))).doesNotContainKey("m3");
    }

    @Test
    void upsertNew_createsALinkedUserMessage_thatBecomesCurrent() {
        String id = create(u1, TWO_MESSAGES);
        long before = now();

        Api.Reply reply = upsert(u1, id, "m3", "follow-up");

        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        Map<String, Object> document = map(reply.get("chat"));
        assertThat(history(document).get("currentId")).isEqualTo("m3");
        Map<String, Object> m3 = message(document, "m3");
        assertThat(m3).containsOnlyKeys("id", "parentId", "childrenIds", "role", "content", "timestamp");
        assertThat(m3.get("id")).isEqualTo("m3");
        assertThat(m3.get("parentId")).isEqualTo("m2");
        assertThat(m3.get("childrenIds")).isEqualTo(List.of());
        assertThat(m3.get("role")).isEqualTo("user");
        assertThat(m3.get("content")).isEqualTo("follow-up");
        assertThat(number(m3.get("timestamp"))).isBetween(before, now() + 1);
        assertThat(message(document, "m2").get("childrenIds")).isEqualTo(List.of("m3"));
        assertThat(message(document, "m1")).isEqualTo(message(map(api.parse(TWO_MESSAGES)), "m1"));
        assertThat(document(id)).isEqualTo(document);

        assertThat(eventsFor(id)).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("chat:message");
            assertThat(e.recipient().value()).isEqualTo(u1.id());
            assertThat(e.messageId()).isEqualTo("m3");
            assertThat(e.data()).isEqualTo(messageEventData(id, "m3", "follow-up"));
        });
    }

    @Test
    void upsertNew_thenEditingIt_keepsItCurrent_andASecondNewMessageChainsOn() {
        String id = create(u1, TWO_MESSAGES);

        upsert(u1, id, "m3", "one");
        upsert(u1, id, "m4", "two");
        Api.Reply edit = upsert(u1, id, "m3", "one, edited");

        assertThat(edit.status()).isEqualTo(200);
        Map<String, Object> document = document(id);
        assertThat(history(document).get("currentId")).isEqualTo("m4");
        assertThat(message(document, "m3").get("content")).isEqualTo("one, edited");
        assertThat(message(document, "m3").get("childrenIds")).isEqualTo(List.of("m4"));
        assertThat(message(document, "m4").get("parentId")).isEqualTo("m3");
        assertThat(message(document, "m2").get("childrenIds")).isEqualTo(List.of("m3"));
    }

    @Test
    void upsert_onAChatWithoutHistory_createsTheHistory() {
        String id = create(u1, "{\"title\":\"Bare\",\"models\":[\"x\"]}");
        long before = now();

        Api.Reply reply = upsert(u1, id, "first", "hello");

        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        Map<String, Object> document = map(reply.get("chat"));
        assertThat(document.get("title")).isEqualTo("Bare");
        assertThat(document.get("models")).isEqualTo(List.of("x"));
        assertThat(history(document).get("currentId")).isEqualTo("first");
        assertThat(messages(document)).containsOnlyKeys("first");
        Map<String, Object> first = message(document, "first");
        assertThat(first.get("id")).isEqualTo("first");
        assertThat(first).containsKey("parentId");
        assertThat(first.get("parentId")).isNull();
        assertThat(first.get("childrenIds")).isEqualTo(List.of());
        assertThat(first.get("role")).isEqualTo("user");
        assertThat(first.get("content")).isEqualTo("hello");
        assertThat(number(first.get("timestamp"))).isBetween(before, now() + 1);
        assertThat(document(id)).isEqualTo(document);
    }

    @Test
    void upsert_onAChatWhoseHistoryHasNoMessages_orAListOfMessages_neverAnswers500() {
        String noMessages = create(u1, "{\"history\":{\"currentId\":null}}");
        String listMessages = create(u1, "{\"history\":{\"currentId\":\"1\",\"messages\":[]}}");
        String notAnObject = create(u1, "{\"history\":\"weird\"}");

        Api.Reply first = upsert(u1, noMessages, "a", "x");
        Api.Reply second = upsert(u1, listMessages, "a", "x");
        Api.Reply third = upsert(u1, notAnObject, "a", "x");

        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(message(document(noMessages), "a").get("content")).isEqualTo("x");
        assertThat(message(document(noMessages), "a").get("parentId")).isNull();
        assertThat(second.status()).as(second.raw()).isLessThan(500);
        assertThat(third.status()).as(third.raw()).isLessThan(500);
    }

    @Test
    void upsertNew_whenTheCurrentIdNamesNoMessage_takesItAsParent_withoutLinking() {
        String id = create(u1, "{\"history\":{\"currentId\":\"1\",\"messages\":{}}}");

        Api.Reply reply = upsert(u1, id, "2", "after a ghost");

        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        Map<String, Object> document = document(id);
        assertThat(history(document).get("currentId")).isEqualTo("2");
        assertThat(messages(document)).containsOnlyKeys("2");
        assertThat(message(document, "2").get("parentId")).isEqualTo("1");
        assertThat(message(document, "2").get("content")).isEqualTo("after a ghost");
    }

    @Test
    void upsert_stripsNulCharacters() {
        String id = create(u1, TWO_MESSAGES);

        Api.Reply reply = upsert(u1, id, "m1", "a\u0000b");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(message(document(id), "m1").get("content")).isEqualTo("ab");
    }

    @Test
    void upsert_byAnotherUser_answers401AccessProhibited_andChangesNothing() {
        String id = create(u1, TWO_MESSAGES);

        Api.Reply existing = upsert(u2, id, "m1", "hijacked");
        Api.Reply fresh = upsert(u2, id, "m9", "hijacked");
        Api.Reply missing = upsert(u2, "00000000-0000-4000-8000-000000000000", "m1", "x");

        for (Api.Reply reply : List.of(existing, fresh, missing)) {
            assertThat(reply.status()).as(reply.raw()).isEqualTo(401);
            assertThat(reply.object()).isEqualTo(Map.of("detail", ACCESS_PROHIBITED));
        }
        assertThat(document(id)).isEqualTo(api.parse(TWO_MESSAGES));
        assertThat(eventsFor(id)).isEmpty();
    }

    @Test
    void upsert_byAnAdmin_onAUsersChat_isAllowed_andTheOwnerIsNotified() {
        String id = create(u1, TWO_MESSAGES);

        Api.Reply reply = upsert(admin, id, "m2", "moderated");

        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(reply.get("user_id")).isEqualTo(u1.id());
        assertThat(message(document(id), "m2").get("content")).isEqualTo("moderated");
        assertThat(eventsFor(id)).singleElement().satisfies(e -> {
            assertThat(e.recipient().value()).isEqualTo(u1.id());
            assertThat(e.type()).isEqualTo("chat:message");
            assertThat(e.data()).isEqualTo(messageEventData(id, "m2", "moderated"));
        });
    }

    @Test
    void upsert_withABadBody_answers422_andChangesNothing() {
        String id = create(u1, TWO_MESSAGES);
        String[] bodies = {"", "{}", "{bad", "[]", "{\"content\":5}", "{\"content\":null}", "{\"content\":[\"x\"]}"};

        for (String body : bodies) {
            Api.Reply reply = api.post(u1.token(), CHATS + "/" + id + "/messages/m1", body);
            assertThat(reply.status()).as(body + " -> " + reply.raw()).isEqualTo(422);
            assertThat(reply.detail()).as(body).isInstanceOf(List.class);
        }
        assertThat(document(id)).isEqualTo(api.parse(TWO_MESSAGES));
        assertThat(eventsFor(id)).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void fiftyConcurrentUpserts_ofNewMessages_loseNothing() throws Exception {
        String id = create(u1, "{\"title\":\"busy\",\"history\":{\"currentId\":\"root\",\"messages\":{"
                + "\"root\":{\"id\":\"root\",\"parentId\":null,\"childrenIds\":[],\"role\":\"user\",\"content\":\"start\"}}}}");
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Callable<Api.Reply>> writers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int n = i;
                writers.add(() -> upsert(u1, id, "n" + n, "content " + n));
            }
            for (Future<Api.Reply> reply : pool.invokeAll(writers)) {
                assertThat(reply.get().status()).as(reply.get().raw()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        Map<String, Object> document = document(id);
        Map<String, Object> messages = messages(document);
        assertThat(messages).hasSize(51).containsKey("root");
        for (int i = 0; i < 50; i++) {
            Map<String, Object> message = map(messages.get("n" + i));
            assertThat(message).as("n" + i).isNotNull();
            assertThat(message.get("content")).isEqualTo("content " + i);
            String parent = (String) message.get("parentId");
            assertThat(messages).as("parent of n" + i).containsKey(parent);
            assertThat((List<Object>) map(messages.get(parent)).get("childrenIds")).as("children of " + parent)
                    .contains("n" + i);
        }
        // Every write saw the one before it: the new messages form one chain from root to the current message.
        Set<Object> visited = new HashSet<>();
        Object cursor = history(document).get("currentId");
        while (cursor != null && !"root".equals(cursor)) {
            assertThat(visited.add(cursor)).as("cycle at " + cursor).isTrue();
            cursor = map(messages.get(cursor)).get("parentId");
        }
        assertThat(cursor).isEqualTo("root");
        assertThat(visited).hasSize(50);
        assertThat(document.get("title")).isEqualTo("busy");
        assertThat(eventsFor(id)).hasSize(50);
    }

    // ---------------------------------------------------------------------------------------------- events

    @Test
    void statusEvent_answersTrue_appendsToStatusHistory_andIsRelayedToTheOwner() {
        String id = create(u1, TWO_MESSAGES);

        Api.Reply first = event(u1, id, "m2", "{\"type\":\"status\",\"data\":{\"description\":\"x\"}}");
        Api.Reply second = event(u1, id, "m2", "{\"type\":\"status\",\"data\":{\"description\":\"y\",\"done\":true}}");

        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(first.body()).isEqualTo(true);
        assertThat(second.body()).isEqualTo(true);
        Map<String, Object> m2 = message(document(id), "m2");
        assertThat(m2.get("statusHistory")).isEqualTo(api.parse("[{\"description\":\"x\"},"
                + "{\"description\":\"y\",\"done\":true}]"));
        assertThat(m2.get("content")).isEqualTo("answer");
        assertThat(history(document(id)).get("currentId")).isEqualTo("m2");

        List<SeenEvent> published = eventsFor(id);
        assertThat(published).hasSize(2);
        SeenEvent event = published.get(0);
        assertThat(event.recipient().value()).isEqualTo(u1.id());
        assertThat(event.type()).isEqualTo("status");
        assertThat(event.chatId()).isEqualTo(id);
        assertThat(event.messageId()).isEqualTo("m2");
        assertThat(event.data()).isEqualTo(Map.of("description", "x"));
    }

    @Test
    void statusAndMessageEvents_forAMissingMessage_storeNothing() {
        String id = create(u1, TWO_MESSAGES);

        Api.Reply status = event(u1, id, "ghost", "{\"type\":\"status\",\"data\":{\"description\":\"x\"}}");
        Api.Reply message = event(u1, id, "ghost", "{\"type\":\"message\",\"data\":{\"content\":\"x\"}}");

        assertThat(status.body()).isEqualTo(true);
        assertThat(message.body()).isEqualTo(true);
        assertThat(document(id)).isEqualTo(api.parse(TWO_MESSAGES));
    }

    @Test
    void messageEvent_appendsToTheContent() {
        String id = create(u1, TWO_MESSAGES);

        event(u1, id, "m2", "{\"type\":\"message\",\"data\":{\"content\":\" and more\"}}");
        Api.Reply reply = event(u1, id, "m2", "{\"type\":\"message\",\"data\":{\"content\":\"!\"}}");

        assertThat(reply.body()).isEqualTo(true);
        Map<String, Object> m2 = message(document(id), "m2");
        assertThat(m2.get("content")).isEqualTo("answer and more!");
        assertThat(m2.get("model")).isEqualTo("m");
        assertThat(eventsFor(id)).extracting(SeenEvent::type).containsExactly("message", "message");
    }

    @Test
    void replaceEvent_replacesTheContent_andCreatesAMissingMessage() {
        String id = create(u1, TWO_MESSAGES);

        Api.Reply replaced = event(u1, id, "m2", "{\"type\":\"replace\",\"data\":{\"content\":\"new answer\"}}");
        Api.Reply created = event(u1, id, "m3", "{\"type\":\"replace\",\"data\":{\"content\":\"brand new\"}}");

        assertThat(replaced.body()).isEqualTo(true);
        assertThat(created.body()).isEqualTo(true);
        Map<String, Object> document = document(id);
        assertThat(message(document, "m2").get("content")).isEqualTo("new answer");
        assertThat(message(document, "m2").get("role")).isEqualTo("assistant");
        assertThat(message(document, "m3").get("content")).isEqualTo("brand new");
        assertThat(message(document, "m3").get("parentId")).isEqualTo("m2");
        assertThat(history(document).get("currentId")).isEqualTo("m3");
    }

    @Test
    void embedsAndFilesEvents_prependTheNewItems() {
        String id = create(u1, "{\"history\":{\"currentId\":\"m\",\"messages\":{\"m\":{\"id\":\"m\",\"content\":\"c\","
                + "\"embeds\":[\"old-embed\"],\"files\":[{\"id\":\"f-old\"}]}}}}");

        Api.Reply embeds = event(u1, id, "m", "{\"type\":\"embeds\",\"data\":{\"embeds\":[\"e1\",\"e2\"]}}");
        Api.Reply files = event(u1, id, "m", "{\"type\":\"files\",\"data\":{\"files\":[{\"id\":\"f-new\"}]}}");

        assertThat(embeds.body()).isEqualTo(true);
        assertThat(files.body()).isEqualTo(true);
        Map<String, Object> m = message(document(id), "m");
        assertThat(m.get("embeds")).isEqualTo(List.of("e1", "e2", "old-embed"));
        assertThat(m.get("files")).isEqualTo(api.parse("[{\"id\":\"f-new\"},{\"id\":\"f-old\"}]"));
        assertThat(m.get("content")).isEqualTo("c");
    }

    @Test
    void sourceAndCitationEvents_appendToSources_unlessTheyCarryAType() {
        String id = create(u1, TWO_MESSAGES);
        String source = "{\"source\":{\"name\":\"doc.pdf\"},\"document\":[\"text\"],\"metadata\":[{\"page\":1}]}";
        String citation = "{\"source\":{\"name\":\"web\"},\"document\":[\"more\"]}";

        Api.Reply first = event(u1, id, "m2", "{\"type\":\"source\",\"data\":" + source + "}");
        Api.Reply second = event(u1, id, "m2", "{\"type\":\"citation\",\"data\":" + citation + "}");
        Api.Reply typed = event(u1, id, "m2", "{\"type\":\"source\",\"data\":{\"type\":\"code_execution\",\"id\":\"1\"}}");

        assertThat(first.body()).isEqualTo(true);
        assertThat(second.body()).isEqualTo(true);
        assertThat(typed.body()).isEqualTo(true);
        assertThat(message(document(id), "m2").get("sources")).isEqualTo(api.parse("[" + source + "," + citation + "]"));
    }

    @Test
    void relayOnlyEvent_answersTrue_isPublished_andStoresNothing() {
        String id = create(u1, TWO_MESSAGES);

        Api.Reply reply = event(u1, id, "m2", "{\"type\":\"notification\",\"data\":{\"type\":\"info\",\"content\":\"hi\"}}");

        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo(true);
        assertThat(document(id)).isEqualTo(api.parse(TWO_MESSAGES));
        assertThat(eventsFor(id)).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("notification");
            assertThat(e.recipient().value()).isEqualTo(u1.id());
            assertThat(e.data()).isEqualTo(Map.of("type", "info", "content", "hi"));
        });
    }

    @Test
    void unknownEventType_answers400WithADetail_andStoresAndPublishesNothing() {
        String id = create(u1, TWO_MESSAGES);

        Api.Reply reply = event(u1, id, "m2", "{\"type\":\"no-such-type\",\"data\":{\"content\":\"x\"}}");

        assertThat(reply.status()).as(reply.raw()).isEqualTo(400);
        assertThat(reply.detail()).isInstanceOf(String.class);
        assertThat((String) reply.detail()).isNotBlank();
        assertThat(document(id)).isEqualTo(api.parse(TWO_MESSAGES));
        assertThat(eventsFor(id)).isEmpty();
    }

    @Test
    void eventWithABadBody_answers422_andStoresNothing() {
        String id = create(u1, TWO_MESSAGES);
        String[] bodies = {"", "{}", "{oops", "[]", "{\"type\":\"status\"}", "{\"data\":{}}",
                "{\"type\":\"status\",\"data\":\"x\"}", "{\"type\":\"status\",\"data\":[1]}",
                "{\"type\":\"status\",\"data\":null}", "{\"type\":5,\"data\":{}}"};

        for (String body : bodies) {
            Api.Reply reply = event(u1, id, "m2", body);
            assertThat(reply.status()).as(body + " -> " + reply.raw()).isEqualTo(422);
            assertThat(reply.detail()).as(body).isInstanceOf(List.class);
        }
        assertThat(document(id)).isEqualTo(api.parse(TWO_MESSAGES));
        assertThat(eventsFor(id)).isEmpty();
    }

    @Test
    void events_byAnotherUser_answer401AccessProhibited_butAnAdminMayPushThem() {
        String id = create(u1, TWO_MESSAGES);

        Api.Reply intruder = event(u2, id, "m2", "{\"type\":\"status\",\"data\":{\"description\":\"x\"}}");
        Api.Reply missing = event(u2, "00000000-0000-4000-8000-000000000000", "m2",
                "{\"type\":\"status\",\"data\":{}}");
        assertThat(intruder.status()).isEqualTo(401);
        assertThat(intruder.object()).isEqualTo(Map.of("detail", ACCESS_PROHIBITED));
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.object()).isEqualTo(Map.of("detail", ACCESS_PROHIBITED));
        assertThat(message(document(id), "m2")).doesNotContainKey("statusHistory");
        assertThat(eventsFor(id)).isEmpty();

        Api.Reply byAdmin = event(admin, id, "m2", "{\"type\":\"status\",\"data\":{\"description\":\"by admin\"}}");

        assertThat(byAdmin.status()).as(byAdmin.raw()).isEqualTo(200);
        assertThat(byAdmin.body()).isEqualTo(true);
        assertThat(message(document(id), "m2").get("statusHistory"))
                .isEqualTo(List.of(Map.of("description", "by admin")));
        assertThat(eventsFor(id)).singleElement()
                .satisfies(e -> assertThat(e.recipient().value()).isEqualTo(u1.id()));
    }

    @Test
    void twentyConcurrentStatusEvents_onOneMessage_loseNothing() throws Exception {
        String id = create(u1, TWO_MESSAGES);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Api.Reply>> writers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                writers.add(() -> event(u1, id, "m2", "{\"type\":\"status\",\"data\":{\"n\":" + n + "}}"));
            }
            for (Future<Api.Reply> reply : pool.invokeAll(writers)) {
                assertThat(reply.get().status()).as(reply.get().raw()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        List<?> history = (List<?>) message(document(id), "m2").get("statusHistory");
        assertThat(history).hasSize(20);
        Set<Object> numbers = new HashSet<>();
        history.forEach(item -> numbers.add(map(item).get("n")));
        assertThat(numbers).hasSize(20);
    }
}
