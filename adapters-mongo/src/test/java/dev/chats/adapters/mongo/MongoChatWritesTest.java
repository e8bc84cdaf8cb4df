package dev.chats.adapters.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatStorage;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.InvalidChatDocumentException;
import dev.chats.domain.chat.ChatQuery;
import dev.chats.domain.chat.PageRequest;
import dev.chats.domain.port.ChatVersionConflictException;
import dev.chats.domain.tag.TagName;
import dev.chats.domain.user.UserId;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonMinKey;
import org.bson.BsonString;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the MongoDB chat adapter does beyond the contract: how it lays chats out in documents, and how its writes
 * behave without multi-document transactions — when a writer dies half-way, when a reader meets a write in flight,
 * and when a chat cannot be stored at all.
 */
class MongoChatWritesTest {

    private final TestMongo mongo = TestMongo.get();
    private final MongoChatRepository chats = new MongoChatRepository(mongo.store(), Duration.ofSeconds(30),
            ConsistentRead.DEFAULT_READ_WAIT);
    private final MongoCollection<BsonDocument> chatDocuments = mongo.store().collection(MongoStore.CHATS);
    private final MongoCollection<BsonDocument> messageDocuments = mongo.store().collection(MongoStore.CHAT_MESSAGES);

    @BeforeEach
    void clean() {
        mongo.clean();
    }

    // ---------------------------------------------------------------------------------------------------------
    // layout

    @Test
    void givenChat_add_storesItsDocumentWithoutMessagesAndOneDocumentPerMessageWithTheTextOnce() {
        Chat chat = Chat.imported(newChatId(), newOwner(), conversation("Layout", "a", "b"),
                Map.of("tags", List.of("Road Trip", "work")), false, null, 100, 200);

        chats.add(chat);

        BsonDocument stored = chatDocuments.find(Filters.eq("_id", chat.id().value())).first();
        assertThat(stored.getDocument("body").getDocument("history").getDocument("messages")).isEmpty();
        assertThat(stored.getArray("tagIds")).containsExactly(new BsonString("road_trip"), new BsonString("work"));
        assertThat(stored.getInt64("version").getValue()).isEqualTo(1);
        assertThat(stored.containsKey("lease")).isFalse();
        List<BsonDocument> messages = messageDocuments.find(Filters.eq("_id.chatId", chat.id().value()))
                .into(new ArrayList<>());
        assertThat(messages).hasSize(2);
        BsonDocument a = messages.stream().filter(m -> m.getDocument("_id").getString("messageId").getValue()
                .equals("a")).findFirst().orElseThrow();
        assertThat(a.getString("contentText").getValue()).isEqualTo("content of a");
        assertThat(a.getDocument("body").get("content")).isInstanceOf(BsonMinKey.class);
        assertThat(a.getString("userId").getValue()).isEqualTo(chat.ownerId().value());
    }

    @Test
    void givenMessagesWithKeysBsonCannotStoreAsTheyAre_addAndFind_returnThemUnchanged() {
        Map<String, Object> document = conversation("Keys", "a");
        Map<String, Object> message = messageOf(document, "a");
        message.put("content", List.of(Map.of("type", "text", "text", "parts")));
        message.put("tool", object("$schema", "x", "a.b", object("$ref", "#/y"), "%", "p", "nul\0key", 1));
        message.put("sources", List.of(object("$id", 1, "k.v", List.of(object("$x", null)))));
        ChatId id = newChatId();

        chats.add(Chat.start(id, newOwner(), document, null, 1_000));

        assertThat(chats.findById(id).orElseThrow().document()).isEqualTo(document);
    }

    @Test
    void givenLegacyListMirroringTheMessages_add_storesItsTextOnlyOnceAndSearchStillFindsIt() {
        UserId owner = newOwner();
        Map<String, Object> document = conversation("Mirror", "a", "b");
        List<Object> legacy = new ArrayList<>(messagesOf(document).values());
        legacy.add(object("role", "user", "content", "only in the legacy list"));
        document.put("messages", legacy);
        ChatId id = newChatId();

        chats.add(Chat.start(id, owner, document, null, 1_000));

        BsonDocument stored = chatDocuments.find(Filters.eq("_id", id.value())).first();
        assertThat(stored.getString("legacyText").getValue()).isEqualTo("only in the legacy list");
        assertThat(search(owner, "CONTENT OF B")).containsExactly(id);
        assertThat(search(owner, "only in the LEGACY")).containsExactly(id);
        assertThat(chats.findById(id).orElseThrow().document()).isEqualTo(document);
    }

    @Test
    void givenLegacyTextTooLongForTheChatDocument_add_storesItInPartsThatSearchFinds() {
        UserId owner = newOwner();
        StringBuilder longText = new StringBuilder();
        while (longText.length() < 3 * Parts.TEXT_PIECE_CHARS) {
            longText.append("filler words ").append(longText.length()).append(' ');
        }
        // A needle right across the first piece boundary, which the pieces' overlap must cover.
        longText.insert(Parts.TEXT_PIECE_CHARS - 5, " Needle-Across-Boundary ");
        Map<String, Object> document = object("title", "Old client", "messages",
                new ArrayList<>(List.of(object("role", "user", "content", longText.toString()))));
        ChatId id = newChatId();

        chats.add(Chat.start(id, owner, document, null, 1_000));

        BsonDocument stored = chatDocuments.find(Filters.eq("_id", id.value())).first();
        assertThat(stored.getString("legacyText").getValue()).isEmpty();
        assertThat(stored.getDocument("legacyParts").getInt32("count").getValue()).isGreaterThan(1);
        assertThat(search(owner, "needle-across-boundary")).containsExactly(id);
        assertThat(search(newOwner(), "needle-across-boundary")).isEmpty();
        assertThat(chats.findById(id).orElseThrow().document()).isEqualTo(document);

        Chat read = chats.findById(id).orElseThrow();
        read.mergeDocument(object("messages", List.of()), 2_000);
        chats.update(read);
        assertThat(search(owner, "needle-across-boundary")).isEmpty();
        assertThat(mongo.store().collection(MongoStore.CHAT_PARTS).countDocuments()).isZero();
    }

    // ---------------------------------------------------------------------------------------------------------
    // a writer that died

    @Test
    void givenWriterThatDiedAfterItsCommit_readsAnswerItsWriteAtOnceAndTheNextWriterAppliesItWhenItsHoldRunsOut() {
        ChatId id = newChatId();
        chats.add(Chat.start(id, newOwner(), conversation("Held", "a"), null, 1_000));
        Chat read = chats.findById(id).orElseThrow();
        read.upsertMessageContent("a", "edited", "user", 2_000);
        read.upsertMessageContent("b", "added", "assistant", 2_000);
        Map<String, Object> written = read.document();
        chats.update(read);
        // What a writer that died right after its commit leaves: the change set recorded, none of it applied.
        BsonDocument changes = new BsonDocument("upserts", new org.bson.BsonArray(messageDocuments.find(
                Filters.eq("_id.chatId", id.value())).into(new ArrayList<>()).stream()
                .map(org.bson.BsonValue.class::cast).toList())).append("removed", new org.bson.BsonArray());
        messageDocuments.deleteMany(Filters.eq("_id.chatId", id.value()));
        messageDocuments.insertOne(messageDocumentOf(id, "a"));
        holdChangeSet(id, changes, System.currentTimeMillis() + 1_500);

        Chat back = chats.findById(id).orElseThrow();
        assertThat(back.version()).isEqualTo(2);
        assertThat(back.document()).isEqualTo(written);
        back.upsertMessageContent("c", "next", "user", 3_000);
        long started = System.nanoTime();
        Chat updated = chats.update(back);

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(1_000L, 5_000L);
        assertThat(updated.version()).isEqualTo(3);
        assertThat(chats.findById(id).orElseThrow().document()).isEqualTo(back.document());
        BsonDocument stored = chatDocuments.find(Filters.eq("_id", id.value())).first();
        assertThat(stored.containsKey("applying")).isFalse();
        assertThat(messageDocuments.countDocuments(Filters.eq("_id.chatId", id.value()))).isEqualTo(3);
    }

    @Test
    void givenLeaseOfAnEarlierVersionOfTheProtocol_readsAndWritesAreNotHeldUp() {
        ChatId id = newChatId();
        chats.add(Chat.start(id, newOwner(), conversation("Old lease", "a"), null, 1_000));
        holdLease(id, System.currentTimeMillis() + 60_000, false);

        Chat read = chats.findById(id).orElseThrow();
        read.upsertMessageContent("b", "while held", "user", 2_000);

        assertThat(chats.update(read).version()).isEqualTo(2);
        assertThat(chats.findById(id).orElseThrow().document()).isEqualTo(read.document());
    }

    @Test
    void givenMessagesLeftByAWriteThatFailed_readsAnswerTheCommittedChatWithoutWaitingOutTheReadWait() {
        // A read wait far longer than the preemptive timeout below: a read that waited for the commit to come
        // would fail the test rather than pass slowly.
        MongoChatRepository patient = new MongoChatRepository(mongo.store(), Duration.ofSeconds(30),
                Duration.ofMinutes(5));
        ChatId id = newChatId();
        patient.add(Chat.start(id, newOwner(), conversation("Failed write", "a"), null, 1_000));
        BsonDocument left = messageDocuments.find(Filters.eq("_id.chatId", id.value())).first();
        left.put("_id", new BsonDocument("chatId", new BsonString(id.value())).append("messageId",
                new BsonString("never-committed")));
        left.put(ChatDocumentMapper.REVISION, new BsonInt64(2));
        messageDocuments.insertOne(left);

        Chat read = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> patient.findById(id).orElseThrow());

        assertThat(read.version()).isEqualTo(1);
        assertThat(read.document()).isEqualTo(conversation("Failed write", "a"));
    }

    @Test
    void givenFirstWriteThatDied_theChatIsHiddenAndItsIdFreeOnceTheLeaseExpires() {
        UserId owner = newOwner();
        ChatId id = newChatId();
        Chat first = Chat.start(id, owner, conversation("Half", "a", "b"), null, 1_000);
        first.addTag(TagName.of("ghost"));
        chats.add(first);
        holdLease(id, System.currentTimeMillis() + 60_000, true);

        assertThat(chats.findById(id)).isEmpty();
        assertThat(chats.findSummaries(ChatQuery.allOf(owner, new PageRequest(0, 10)))).isEmpty();
        assertThat(chats.findChats(ChatQuery.allOf(owner, new PageRequest(0, 10)))).isEmpty();
        Chat again = Chat.start(id, owner, conversation("Again", "z"), null, 2_000);
        assertThatThrownBy(() -> chats.add(again)).isInstanceOf(MongoAccessException.class)
                .hasMessageContaining("already stored");
        assertThatThrownBy(() -> chats.update(first)).isInstanceOf(ChatVersionConflictException.class);

        holdLease(id, System.currentTimeMillis() - 1, true);
        assertThatThrownBy(() -> chats.update(first)).isInstanceOf(ChatVersionConflictException.class);
        chats.add(again);

        assertThat(chats.findById(id).orElseThrow().document()).isEqualTo(conversation("Again", "z"));
        assertThat(messageDocuments.countDocuments(Filters.eq("_id.chatId", id.value()))).isEqualTo(1);
    }

    @Test
    void givenWriteInFlight_bulkArchiveStillCoversTheChatAndTheWriteThenConflicts() {
        UserId owner = newOwner();
        ChatId id = newChatId();
        chats.add(Chat.start(id, owner, conversation("Busy", "a"), null, 1_000));
        Chat read = chats.findById(id).orElseThrow();
        holdLease(id, System.currentTimeMillis() + 60_000, false);

        assertThat(chats.setArchivedOfAll(owner, true)).isEqualTo(1);

        holdLease(id, System.currentTimeMillis() - 1, false);
        read.upsertMessageContent("b", "late", "user", 2_000);
        assertThatThrownBy(() -> chats.update(read)).isInstanceOf(ChatVersionConflictException.class);
        assertThat(chats.findById(id).orElseThrow().archived()).isTrue();
    }

    // ---------------------------------------------------------------------------------------------------------
    // readers and writers together

    @Test
    void givenWriterAppendingMessages_concurrentReaders_alwaysSeeACommittedConversation() throws Exception {
        ChatId id = newChatId();
        chats.add(Chat.start(id, newOwner(), conversation("Live", "root"), null, 1_000));
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<Integer> writer = pool.submit(() -> {
                try {
                    for (int i = 0; i < 150; i++) {
                        Chat chat = chats.findById(id).orElseThrow();
                        String role = i % 2 == 0 ? "user" : "assistant";
                        chat.upsertMessageContent("m" + i, "message " + i, role, 2_000 + i);
                        chats.update(chat);
                    }
                    return 150;
                } finally {
                    writing.set(false);
                }
            });
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    int reads = 0;
                    while (writing.get()) {
                        assertCommitted(chats.findById(id).orElseThrow());
                        chats.findChats(ChatQuery.allOf(chats.findById(id).orElseThrow().ownerId(),
                                new PageRequest(0, 5))).forEach(MongoChatWritesTest::assertCommitted);
                        reads++;
                    }
                    return reads;
                }));
            }
            assertThat(writer.get(60, TimeUnit.SECONDS)).isEqualTo(150);
            for (Future<Integer> reader : readers) {
                assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
            }
        } finally {
            pool.shutdownNow();
        }
        Chat last = chats.findById(id).orElseThrow();
        assertThat(last.version()).isEqualTo(151);
        assertThat(ChatStorage.of(last).document().messages()).hasSize(151);
    }

    /** Every update of the writer above adds a message and makes it current: a committed state is one chain. */
    private static void assertCommitted(Chat chat) {
        Map<String, Object> messages = messagesOf(chat.document());
        @SuppressWarnings("unchecked")
        String current = (String) ((Map<String, Object>) chat.document().get("history")).get("currentId");
        assertThat(messages).as("version %s", chat.version()).containsKey(current);
        assertThat(messages).as("version %s", chat.version()).hasSize((int) chat.version());
        messages.forEach((messageId, body) -> {
            Object parent = ((Map<?, ?>) body).get("parentId");
            if (parent != null) {
                assertThat(messages).containsKey((String) parent);
                @SuppressWarnings("unchecked")
                List<Object> children = (List<Object>) ((Map<?, ?>) messages.get(parent)).get("childrenIds");
                assertThat(children).as("children of %s at version %s", parent, chat.version())
                        .contains(messageId);
            }
        });
    }

    // ---------------------------------------------------------------------------------------------------------
    // what cannot be stored

    @Test
    void givenMessageBeyondMongoDbsDocumentLimit_addAndUpdate_refuseItAsABadDocumentAndWriteNothing() {
        ChatId id = newChatId();
        Map<String, Object> document = conversation("Too big", "a");
        messageOf(document, "a").put("content", "x".repeat(17 * 1024 * 1024));

        assertThatThrownBy(() -> chats.add(Chat.start(id, newOwner(), document, null, 1_000)))
                .isInstanceOf(InvalidChatDocumentException.class).hasMessageContaining("16 MB");
        assertThat(chats.findById(id)).isEmpty();
        assertThat(messageDocuments.countDocuments(Filters.eq("_id.chatId", id.value()))).isZero();

        chats.add(Chat.start(id, newOwner(), conversation("Fine", "a"), null, 1_000));
        Chat read = chats.findById(id).orElseThrow();
        read.upsertMessageContent("b", "y".repeat(17 * 1024 * 1024), "user", 2_000);
        assertThatThrownBy(() -> chats.update(read)).isInstanceOf(InvalidChatDocumentException.class);
        assertThat(chats.findById(id).orElseThrow().document()).isEqualTo(conversation("Fine", "a"));
        assertThat(chats.findById(id).orElseThrow().version()).isEqualTo(1);
    }

    // ---------------------------------------------------------------------------------------------------------

    /** The message document of a chat as its first write stored it, read back from a chat like it. */
    private BsonDocument messageDocumentOf(ChatId id, String messageId) {
        ChatId twin = newChatId();
        chats.add(Chat.start(twin, newOwner(), conversation("Held", "a"), null, 1_000));
        BsonDocument document = messageDocuments.find(Filters.eq("_id", ChatDocumentMapper.messageKey(twin.value(),
                messageId))).first();
        BsonDocument copy = document.clone();
        copy.put("_id", ChatDocumentMapper.messageKey(id.value(), messageId));
        copy.put("userId", chatDocuments.find(Filters.eq("_id", id.value())).first().get("userId"));
        return copy;
    }

    /** What a writer that died after its commit leaves on the chat document: its change set, held until then. */
    private void holdChangeSet(ChatId id, BsonDocument changes, long until) {
        chatDocuments.updateOne(Filters.eq("_id", id.value()), Updates.set("applying",
                new BsonDocument("token", new BsonString("dead-writer")).append("rev", new BsonInt64(2))
                        .append("until", new BsonInt64(until)).append("changes", changes)));
    }

    /** What a writer that died leaves on the chat document: its lease, live or run out. */
    private void holdLease(ChatId id, long until, boolean adding) {
        BsonDocument lease = new BsonDocument("token", new BsonString("dead-writer"))
                .append("until", new BsonInt64(until));
        if (adding) {
            lease.append("adding", BsonBoolean.TRUE);
        }
        chatDocuments.updateOne(Filters.eq("_id", id.value()), Updates.set("lease", lease));
    }

    private List<ChatId> search(UserId owner, String text) {
        return chats.findSummaries(ChatQuery.allOf(owner, new PageRequest(0, 10)).withTextContains(text)).stream()
                .map(summary -> summary.id()).toList();
    }

    private static ChatId newChatId() {
        return new ChatId(UUID.randomUUID().toString());
    }

    private static UserId newOwner() {
        return new UserId(UUID.randomUUID().toString());
    }

    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> messagesOf(Map<String, Object> document) {
        return (Map<String, Object>) ((Map<String, Object>) document.get("history")).get("messages");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> messageOf(Map<String, Object> document, String messageId) {
        return (Map<String, Object>) messagesOf(document).get(messageId);
    }

    /** A linear conversation: each message answers the one before, the last is current. */
    private static Map<String, Object> conversation(String title, String... messageIds) {
        Map<String, Object> messages = new LinkedHashMap<>();
        for (int i = 0; i < messageIds.length; i++) {
            List<Object> children = new ArrayList<>();
            if (i + 1 < messageIds.length) {
                children.add(messageIds[i + 1]);
            }
            messages.put(messageIds[i], object("id", messageIds[i], "parentId", i == 0 ? null : messageIds[i - 1],
                    "childrenIds", children, "role", i % 2 == 0 ? "user" : "assistant",
                    "content", "content of " + messageIds[i], "timestamp", 1_700_000_000));
        }
        return object("id", "", "title", title, "models", new ArrayList<>(List.of("llama3:8b")),
                "history", object("messages", messages,
                        "currentId", messageIds.length == 0 ? null : messageIds[messageIds.length - 1]),
                "timestamp", 1_700_000_000_000L);
    }
}
