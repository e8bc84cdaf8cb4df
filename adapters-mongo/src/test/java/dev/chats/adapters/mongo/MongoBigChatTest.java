package dev.chats.adapters.mongo;

import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatStorage;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.ChatQuery;
import dev.chats.domain.chat.PageRequest;
import dev.chats.domain.share.Share;
import dev.chats.domain.user.UserId;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Long conversations: a chat of 1,250 messages totalling about 36 MB is stored and read back intact, and no document
 * in any collection comes near MongoDB's 16 MB limit — also when the client keeps the legacy linear {@code messages}
 * list beside {@code history}, as Open WebUI does, which doubles the document.
 */
class MongoBigChatTest {

    private static final int MESSAGES = 1_250;
    private static final int MONGO_DOCUMENT_LIMIT = 16 * 1024 * 1024;

    private final TestMongo mongo = TestMongo.get();
    private final MongoChatRepository chats = new MongoChatRepository(mongo.store());
    private final MongoShareRepository shares = new MongoShareRepository(mongo.store());

    @BeforeEach
    void clean() {
        mongo.clean();
    }

    @Test
    void givenChatOf1250MessagesAnd36MB_addFindUpdateAndList_keepItIntact() {
        Map<String, Object> document = conversation(false);
        long bytes = jsonBytes(document);
        assertThat(bytes).isBetween(35_000_000L, 38_000_000L);
        ChatId id = new ChatId(UUID.randomUUID().toString());
        UserId owner = new UserId(UUID.randomUUID().toString());

        long start = System.nanoTime();
        chats.add(Chat.start(id, owner, document, null, 1_000));
        long added = System.nanoTime();
        Chat back = chats.findById(id).orElseThrow();
        long read = System.nanoTime();

        assertThat(back.document()).isEqualTo(document);
        assertThat(ChatStorage.of(back).document().messages()).hasSize(MESSAGES);

        back.upsertMessageContent("m" + MESSAGES, "one more question", "user", 2_000);
        long updateStart = System.nanoTime();
        Chat updated = chats.update(back);
        long updatedAt = System.nanoTime();
        assertThat(chats.findById(id).orElseThrow().document()).isEqualTo(updated.document());
        assertThat(chats.findChats(ChatQuery.allOf(owner, new PageRequest(0, 10)))).hasSize(1)
                .allSatisfy(chat -> assertThat(chat.document()).isEqualTo(updated.document()));
        assertThat(chats.findChats(ChatQuery.allOf(owner, new PageRequest(0, 10))
                .withTextContains("MESSAGE 1249 ENDS HERE"))).extracting(Chat::id).containsExactly(id);

        int largest = largestDocument();
        System.out.printf("36 MB chat: %,d bytes of JSON, %d messages; add %d ms, read %d ms, append one message"
                        + " %d ms; largest document %,d bytes%n", bytes, MESSAGES, millis(start, added),
                millis(added, read), millis(updateStart, updatedAt), largest);
        assertThat(largest).isLessThan(MONGO_DOCUMENT_LIMIT / 4);
    }

    @Test
    void givenOpenWebUiChatWithLegacyMessageList_addUpdateAndShare_keepItIntactInDocumentsUnder16MB() {
        Map<String, Object> document = conversation(true);
        long bytes = jsonBytes(document);
        assertThat(bytes).isGreaterThan(70_000_000L);
        ChatId id = new ChatId(UUID.randomUUID().toString());
        UserId owner = new UserId(UUID.randomUUID().toString());

        long start = System.nanoTime();
        Chat added = chats.add(Chat.start(id, owner, document, null, 1_000));
        long addedAt = System.nanoTime();
        Chat back = chats.findById(id).orElseThrow();
        long readAt = System.nanoTime();
        assertThat(back.document()).isEqualTo(document);

        back.mergeDocument(Map.of("title", "Renamed"), 2_000);
        Chat renamed = chats.update(back);
        assertThat(chats.findById(id).orElseThrow().document()).isEqualTo(renamed.document());
        assertThat(chats.findSummaries(ChatQuery.allOf(owner, new PageRequest(0, 10))))
                .extracting(summary -> summary.title()).containsExactly("Renamed");

        Share share = Share.of(UUID.randomUUID().toString(), added, 3_000);
        long shareStart = System.nanoTime();
        shares.save(share);
        long sharedAt = System.nanoTime();
        assertThat(shares.findById(share.id()).orElseThrow()).isEqualTo(share);

        int largest = largestDocument();
        System.out.printf("Open WebUI-shaped chat with legacy list: %,d bytes of JSON; add %d ms, read %d ms,"
                        + " share %d ms; largest document %,d bytes%n", bytes, millis(start, addedAt),
                millis(addedAt, readAt), millis(shareStart, sharedAt), largest);
        assertThat(largest).isLessThan(MONGO_DOCUMENT_LIMIT * 3 / 4);

        assertThat(chats.delete(id)).isTrue();
        for (String collection : List.of(MongoStore.CHATS, MongoStore.CHAT_MESSAGES, MongoStore.CHAT_PARTS,
                MongoStore.SHARES, MongoStore.SHARE_PARTS)) {
            assertThat(mongo.store().collection(collection).countDocuments()).as(collection).isZero();
        }
    }

    /**
     * 1,250 messages of about 29 kB each, mostly ASCII with some multi-byte text; with {@code legacyList}, also the
     * linear {@code messages} list of the current branch that Open WebUI keeps beside {@code history}.
     */
    private static Map<String, Object> conversation(boolean legacyList) {
        Map<String, Object> messages = new LinkedHashMap<>();
        List<Object> linear = new ArrayList<>();
        String filler = "Lorem ipsum dolor sit amet, consectetur adipiscing elit — ünïcödé 😀 ".repeat(370);
        for (int i = 0; i < MESSAGES; i++) {
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("id", "m" + i);
            message.put("parentId", i == 0 ? null : "m" + (i - 1));
            message.put("childrenIds", i + 1 < MESSAGES ? new ArrayList<>(List.of("m" + (i + 1))) : new ArrayList<>());
            message.put("role", i % 2 == 0 ? "user" : "assistant");
            message.put("content", "message " + i + " " + filler + " message " + i + " ends here");
            message.put("timestamp", 1_700_000_000 + i);
            if (i % 2 == 1) {
                message.put("model", "llama3:8b");
                message.put("usage", new LinkedHashMap<>(Map.of("total_tokens", 7_000 + i)));
            }
            messages.put("m" + i, message);
            linear.add(new LinkedHashMap<>(message));
        }
        Map<String, Object> history = new LinkedHashMap<>();
        history.put("messages", messages);
        history.put("currentId", "m" + (MESSAGES - 1));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("id", "");
        document.put("title", "A very long conversation");
        document.put("models", new ArrayList<>(List.of("llama3:8b")));
        document.put("params", new LinkedHashMap<>());
        document.put("history", history);
        if (legacyList) {
            document.put("messages", linear);
        }
        document.put("tags", new ArrayList<>());
        document.put("timestamp", 1_700_000_000_000L);
        return document;
    }

    /** The size of the largest document in any of the store's collections. */
    private int largestDocument() {
        int largest = 0;
        for (String collection : MongoStore.COLLECTIONS) {
            for (RawBsonDocument document : mongo.database().getCollection(collection, RawBsonDocument.class)
                    .find().batchSize(2)) {
                largest = Math.max(largest, document.getByteBuffer().remaining());
            }
        }
        return largest;
    }

    /** The size of the tree as compact JSON text in UTF-8. */
    private static long jsonBytes(Object value) {
        if (value instanceof Map<?, ?> map) {
            long bytes = 2 + Math.max(0, map.size() - 1);
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                bytes += jsonBytes(entry.getKey()) + 1 + jsonBytes(entry.getValue());
            }
            return bytes;
        }
        if (value instanceof List<?> list) {
            long bytes = 2 + Math.max(0, list.size() - 1);
            for (Object item : list) {
                bytes += jsonBytes(item);
            }
            return bytes;
        }
        if (value instanceof String text) {
            long escapes = text.chars().filter(c -> c == '"' || c == '\\' || c < 0x20).count();
            return 2 + escapes + text.getBytes(StandardCharsets.UTF_8).length;
        }
        return String.valueOf(value).length();
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
