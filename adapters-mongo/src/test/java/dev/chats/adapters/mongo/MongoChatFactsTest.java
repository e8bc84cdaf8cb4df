package dev.chats.adapters.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatStorage;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.PageRequest;
import dev.chats.domain.chat.SortDirection;
import dev.chats.domain.stats.ChatFacts;
import dev.chats.domain.stats.MessageFacts;
import dev.chats.domain.user.UserId;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Statistics facts on MongoDB are read from message documents the database projects ({@link MessageFactsReader}):
 * they must equal the facts of the whole chat for every shape of message, and follow the write protocol as whole
 * reads do — a recorded change set laid over, a chat written meanwhile read again.
 */
class MongoChatFactsTest {

    private final TestMongo mongo = TestMongo.get();
    private final MongoChatRepository chats = new MongoChatRepository(mongo.store(), Duration.ofSeconds(30),
            ConsistentRead.DEFAULT_READ_WAIT);
    private final MongoCollection<BsonDocument> chatDocuments = mongo.store().collection(MongoStore.CHATS);
    private final MongoCollection<BsonDocument> messageDocuments = mongo.store().collection(MongoStore.CHAT_MESSAGES);

    @BeforeEach
    void clean() {
        mongo.clean();
    }

    @Test
    void givenMessagesOfEveryContentShape_findFacts_equalsTheFactsOfTheWholeChat() {
        UserId owner = newOwner();
        ChatId id = newChatId();
        chats.add(Chat.imported(id, owner, document(
                message("text", "user", "aé 東京\u2028", "annotation", object("rating", 1, "tags", List.of("good"))),
                message("parts", "user", List.of(
                        object("type", "text", "text", "look ü"),
                        object("type", "image_url", "image_url", object("url", "data:image/png;base64,AAAA")),
                        object("type", "text", "text", "京!"),
                        object("type", "text", "text", 42),
                        object("text", "untyped"),
                        "a bare string",
                        List.of(object("type", "text", "text", "nested")))),
                message("missing", "assistant", null, "model", "llama3:8b", "annotation",
                        List.of(object("rating", -1))),
                message("null", "assistant", null, "content", null, "timestamp", 17_000_000_000_000L),
                message("number", null, null, "content", 12, "a.b", "escaped key", "$c", "escaped too"),
                message("empty", "user", "", "annotation", "not an object"),
                message("list-empty", "user", List.of(), "annotation", object("rating", null))),
                Map.of("tags", List.of("work")), false, null, 100, 200));

        ChatFacts expected = wholeFacts(id);
        assertThat(chats.findFacts(id)).contains(expected);
        assertThat(chats.findFacts(owner, OptionalLong.empty(), SortDirection.DESC, new PageRequest(0, 10)))
                .containsExactly(expected);
        // Not only equal to the whole read, but right: code points, items, text parts only.
        assertThat(expected.messages().get("text").contentLength()).isEqualTo(6);
        assertThat(expected.messages().get("parts").contentLength()).isEqualTo(7);
        assertThat(expected.messages().get("parts").textLength()).isEqualTo(8);
        assertThat(expected.messages().get("text").rating()).isEqualTo(1);
        assertThat(expected.messages().keySet()).containsExactly("text", "parts", "missing", "null", "number",
                "empty", "list-empty");
    }

    /**
     * MongoDB's {@code $strLenCP} counts a character beyond the BMP once; the in-process test server (1.47) counts
     * its two UTF-16 units, so there this test is skipped, and the one above keeps to the BMP.
     */
    @Test
    void givenCharactersBeyondTheBmp_findFacts_countsEachAsOneCodePoint() {
        UserId owner = newOwner();
        ChatId id = newChatId();
        chats.add(Chat.imported(id, owner, document(message("text", "user", "a😀𝄞 é"),
                message("parts", "user", List.of(object("type", "text", "text", "look 😀"),
                        object("type", "image_url", "image_url", object("url", "x")),
                        object("type", "text", "text", "𝄞!")))), Map.of(), false, null, 100, 200));
        assumeTrue(serverCountsCodePoints(id), "this MongoDB server's $strLenCP counts UTF-16 units");

        ChatFacts expected = wholeFacts(id);
        assertThat(chats.findFacts(id)).contains(expected);
        assertThat(expected.messages().get("text").contentLength()).isEqualTo(5);
        assertThat(expected.messages().get("parts").textLength()).isEqualTo(8);
    }

    private boolean serverCountsCodePoints(ChatId anyChat) {
        BsonDocument probe = messageDocuments.aggregate(List.of(Aggregates.match(Filters.eq("_id.chatId",
                anyChat.value())), Aggregates.limit(1), Aggregates.project(new BsonDocument("n",
                new BsonDocument("$strLenCP", new BsonDocument("$literal", new BsonString("😀"))))))).first();
        return probe.getNumber("n").intValue() == 1;
    }

    @Test
    void factsReader_fetchesNoMessageContentFromTheDatabase() {
        ChatId id = newChatId();
        chats.add(Chat.imported(id, newOwner(), document(message("text", "user", "secret words"),
                message("parts", "user", List.of(object("type", "text", "text", "secret part")))),
                Map.of(), false, null, 100, 200));

        List<BsonDocument> fetched = new ArrayList<>();
        MessageFactsReader.INSTANCE.find(messageDocuments, Filters.eq("_id.chatId", id.value()), 10)
                .forEach(fetched::add);

        assertThat(fetched).hasSize(2).allSatisfy(document -> {
            assertThat(document).containsOnlyKeys("_id", "rev", "position", "facts");
            assertThat(document.toJson()).doesNotContain("secret");
        });
    }

    @Test
    void givenChangeSetRecordedAndNotApplied_findFacts_laysItOverTheMessagesRead() {
        UserId owner = newOwner();
        ChatId id = newChatId();
        chats.add(Chat.start(id, owner, document(message("a", "user", "first")), null, 1_000));
        Chat read = chats.findById(id).orElseThrow();
        read.upsertMessageContent("a", "edited ü!", "user", 2_000);
        read.upsertMessageContent("b", "added", "assistant", 2_000);
        chats.update(read);
        ChatFacts written = wholeFacts(id);
        // What a writer that died right after its commit leaves: the change set recorded, none of it applied.
        List<BsonValue> upserts = new ArrayList<>(messageDocuments.find(Filters.eq("_id.chatId", id.value()))
                .into(new ArrayList<>()));
        messageDocuments.deleteMany(Filters.eq("_id.chatId", id.value()));
        messageDocuments.insertOne(firstVersionOfA(upserts, id));
        chatDocuments.updateOne(Filters.eq("_id", id.value()), Updates.set("applying",
                new BsonDocument("token", new BsonString("dead-writer")).append("rev", new BsonInt64(2))
                        .append("until", new BsonInt64(System.currentTimeMillis() + 60_000))
                        .append("changes", new BsonDocument("upserts", new BsonArray(upserts))
                                .append("removed", new BsonArray()))));

        assertThat(chats.findFacts(id)).contains(written);
        assertThat(chats.findFacts(owner, OptionalLong.empty(), SortDirection.ASC, new PageRequest(0, 10)))
                .containsExactly(written);
        assertThat(written.messages().get("a").contentLength()).isEqualTo(9);
        assertThat(written.messages()).containsKeys("a", "b");
    }

    @Test
    void givenWriterAppendingMessages_concurrentFactReaders_alwaysSeeACommittedConversation() throws Exception {
        UserId owner = newOwner();
        ChatId id = newChatId();
        chats.add(Chat.start(id, owner, document(message("root", "user", "root")), null, 1_000));
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> writer = pool.submit(() -> {
                try {
                    for (int i = 0; i < 100; i++) {
                        Chat chat = chats.findById(id).orElseThrow();
                        chat.upsertMessageContent("m" + i, "message " + i, i % 2 == 0 ? "assistant" : "user",
                                2_000 + i);
                        chats.update(chat);
                    }
                    return 100;
                } finally {
                    writing.set(false);
                }
            });
            Future<Integer> reader = pool.submit(() -> {
                int reads = 0;
                while (writing.get()) {
                    assertCommitted(chats.findFacts(id).orElseThrow());
                    chats.findFacts(owner, OptionalLong.empty(), SortDirection.DESC, new PageRequest(0, 5))
                            .forEach(MongoChatFactsTest::assertCommitted);
                    reads++;
                }
                return reads;
            });
            assertThat(writer.get(60, TimeUnit.SECONDS)).isEqualTo(100);
            assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
        } finally {
            pool.shutdownNow();
        }
        assertThat(chats.findFacts(id)).contains(wholeFacts(id));
        assertThat(wholeFacts(id).messages()).hasSize(101);
    }

    /** Every update of the writer above adds a message and makes it current: committed facts hold the chain. */
    private static void assertCommitted(ChatFacts facts) {
        assertThat(facts.messages()).containsKey((String) facts.currentId());
        int added = facts.messages().size() - 1;
        for (int i = 0; i < added; i++) {
            MessageFacts message = facts.messages().get("m" + i);
            assertThat(message).as("message m%d of %d", i, added).isNotNull();
            assertThat(message.contentLength()).isEqualTo(("message " + i).length());
        }
    }

    /** The facts as computed from the whole chat, read by the whole-message path. */
    private ChatFacts wholeFacts(ChatId id) {
        Chat chat = chats.findById(id).orElseThrow();
        return ChatFacts.of(chat.id(), chat.ownerId(), chat.createdAt(), chat.updatedAt(), chat.meta(),
                ChatStorage.of(chat).document().body(), ChatStorage.of(chat).document().messages());
    }

    /** The document of message {@code a} as the first version wrote it, the edit's own stamp taken back. */
    private static BsonDocument firstVersionOfA(List<BsonValue> upserts, ChatId id) {
        BsonDocument a = upserts.stream().map(BsonValue::asDocument)
                .filter(d -> d.getDocument("_id").getString("messageId").getValue().equals("a"))
                .findFirst().orElseThrow().clone();
        a.put("contentText", new BsonString("first"));
        a.put("rev", new BsonInt64(1));
        return a;
    }

    private static Map<String, Object> message(String id, String role, Object content, Object... more) {
        Map<String, Object> message = object("id", id, "parentId", null, "childrenIds", List.of(),
                "role", role, "timestamp", 1_700_000_000);
        if (content != null) {
            message.put("content", content);
        }
        Map<String, Object> extra = object(more);
        message.putAll(extra);
        return message;
    }

    @SafeVarargs
    private static Map<String, Object> document(Map<String, Object>... messages) {
        Map<String, Object> byId = new LinkedHashMap<>();
        Arrays.stream(messages).forEach(message -> byId.put((String) message.get("id"), message));
        return object("id", "", "title", "Facts", "models", List.of("llama3:8b"),
                "history", object("messages", byId, "currentId", messages[messages.length - 1].get("id")),
                "timestamp", 1_700_000_000_000L);
    }

    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }

    private static ChatId newChatId() {
        return new ChatId(UUID.randomUUID().toString());
    }

    private static UserId newOwner() {
        return new UserId(UUID.randomUUID().toString());
    }
}
