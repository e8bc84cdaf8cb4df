package dev.chats.adapters.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.ChatQuery;
import dev.chats.domain.chat.PageRequest;
import dev.chats.domain.port.ChatVersionConflictException;
import dev.chats.domain.user.UserId;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A writer that dies or hangs in the middle of a chat write, on another "instance" (its own client and repository,
 * reaching the database through a relay that the test cuts or a listener that the test stalls): the chat stays
 * readable at once, in its last committed state, and writable again long before the old 30 s lease would have run
 * out. Nothing is mocked: the writer runs the adapter's real protocol against the real test database.
 */
class MongoChatWriterFailureTest {

    /** Where in its write the writer dies or hangs: around its first write of message documents. */
    enum Moment { BEFORE_FIRST_MESSAGE_WRITE, AFTER_FIRST_MESSAGE_WRITE }

    private final TestMongo mongo = TestMongo.get();
    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeEach
    void clean() {
        mongo.clean();
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Moment.class)
    void givenWriterWhoseInstanceDiedMidWrite_aRestartedInstance_readsAtOnceAndWritesWellWithinTheOldLease(
            Moment moment) throws Exception {
        ChatId id = new ChatId(UUID.randomUUID().toString());
        UserId owner = new UserId(UUID.randomUUID().toString());
        new MongoChatRepository(mongo.store()).add(Chat.start(id, owner, conversation("a", "b"), null, 1_000));
        Relay relay = new Relay(mongo.hostAndPort());
        opened.add(relay);
        MongoChatRepository dying = repositoryThrough(relay, new MessageWriteListener(moment, relay::cut));

        Chat read = dying.findById(id).orElseThrow();
        read.upsertMessageContent("a", "edited a", "user", 2_000);
        read.upsertMessageContent("c", "new c", "assistant", 2_000);
        Map<String, Object> written = read.document();
        try {
            dying.update(read);
        } catch (RuntimeException died) {
            // The instance is gone; what it answered no longer matters.
        }

        MongoChatRepository restarted = new MongoChatRepository(mongo.store());
        long started = System.nanoTime();
        Chat back = restarted.findById(id).orElseThrow();
        long readMillis = millisSince(started);
        assertCommitted(back, written);
        assertThat(restarted.findChats(ChatQuery.allOf(owner, new PageRequest(0, 10))))
                .singleElement().satisfies(chat -> assertCommitted(chat, written));
        assertThat(readMillis).as("read right after the restart, ms").isLessThan(1_000);

        started = System.nanoTime();
        Chat after = retried(() -> {
            Chat chat = restarted.findById(id).orElseThrow();
            chat.upsertMessageContent("d", "after the restart", "user", 3_000);
            return restarted.update(chat);
        });
        long writeMillis = millisSince(started);
        System.out.printf("Writer died %s: read after %d ms, write after %d ms%n", moment, readMillis, writeMillis);
        assertThat(writeMillis).as("write right after the restart, ms").isLessThan(10_000);
        Chat last = restarted.findById(id).orElseThrow();
        assertThat(last.version()).isEqualTo(after.version());
        assertThat(messagesOf(last.document())).containsKeys("a", "b", "d");
        assertThat(mongo.store().collection(MongoStore.CHATS).find(Filters.eq("_id", id.value())).first()
                .containsKey("applying")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Moment.class)
    void givenWriterStuckMidWrite_readers_getTheCommittedStateAtOnceWithoutError(Moment moment) throws Exception {
        ChatId id = new ChatId(UUID.randomUUID().toString());
        UserId owner = new UserId(UUID.randomUUID().toString());
        MongoChatRepository chats = new MongoChatRepository(mongo.store());
        chats.add(Chat.start(id, owner, conversation("a", "b"), null, 1_000));
        Relay relay = new Relay(mongo.hostAndPort());
        opened.add(relay);
        CountDownLatch stuck = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MongoChatRepository stuckWriter = repositoryThrough(relay, new MessageWriteListener(moment, () -> {
            stuck.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        Chat read = stuckWriter.findById(id).orElseThrow();
        read.upsertMessageContent("a", "edited a", "user", 2_000);
        read.upsertMessageContent("c", "new c", "assistant", 2_000);
        Map<String, Object> written = read.document();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Chat> writer = pool.submit(() -> stuckWriter.update(read));
            assertThat(stuck.await(30, TimeUnit.SECONDS)).isTrue();

            for (int i = 0; i < 20; i++) {
                long started = System.nanoTime();
                Chat back = chats.findById(id).orElseThrow();
                assertThat(millisSince(started)).as("read while the writer is stuck, ms").isLessThan(1_000);
                assertCommitted(back, written);
                assertThat(chats.findChats(ChatQuery.allOf(owner, new PageRequest(0, 10))))
                        .singleElement().satisfies(chat -> assertCommitted(chat, written));
            }

            release.countDown();
            assertThat(writer.get(30, TimeUnit.SECONDS).version()).isEqualTo(2);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        assertThat(chats.findById(id).orElseThrow().document()).isEqualTo(written);
    }

    /** The chat as one committed version shows it: the original one, or the one the writer wrote. */
    private static void assertCommitted(Chat chat, Map<String, Object> written) {
        if (chat.version() == 1) {
            assertThat(chat.document()).isEqualTo(conversation("a", "b"));
        } else {
            assertThat(chat.version()).isEqualTo(2);
            assertThat(chat.document()).isEqualTo(written);
        }
    }

    private MongoChatRepository repositoryThrough(Relay relay, CommandListener listener) {
        MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(relay.uri())).addCommandListener(listener).build());
        opened.add(client);
        return new MongoChatRepository(new MongoStore(client.getDatabase(mongo.database().getName())));
    }

    /** Runs {@code action} once, at the given moment around the first write of {@code chat_messages}. */
    private static final class MessageWriteListener implements CommandListener {

        private final Moment moment;
        private final Runnable action;
        private final AtomicBoolean done = new AtomicBoolean();
        private final AtomicLong request = new AtomicLong(-1);

        MessageWriteListener(Moment moment, Runnable action) {
            this.moment = moment;
            this.action = action;
        }

        @Override
        public void commandStarted(CommandStartedEvent event) {
            if (done.get() || !writesMessages(event)) {
                return;
            }
            if (moment == Moment.BEFORE_FIRST_MESSAGE_WRITE) {
                if (done.compareAndSet(false, true)) {
                    action.run();
                }
            } else {
                request.compareAndSet(-1, event.getRequestId());
            }
        }

        @Override
        public void commandSucceeded(CommandSucceededEvent event) {
            if (event.getRequestId() == request.get() && done.compareAndSet(false, true)) {
                action.run();
            }
        }

        private static boolean writesMessages(CommandStartedEvent event) {
            BsonDocument command = event.getCommand();
            return List.of("insert", "update", "delete").contains(event.getCommandName())
                    && command.get(event.getCommandName()).isString()
                    && command.getString(event.getCommandName()).getValue().equals(MongoStore.CHAT_MESSAGES);
        }
    }

    /** A read-modify-write retried on conflicts as the application retries it (VersionedWrite). */
    private static Chat retried(java.util.concurrent.Callable<Chat> write) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return write.call();
            } catch (ChatVersionConflictException conflict) {
                if (attempt >= 200) {
                    throw conflict;
                }
                Thread.sleep(ThreadLocalRandom.current().nextLong(Math.min(50, 1L << Math.min(attempt, 6)) + 1));
            }
        }
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> messagesOf(Map<String, Object> document) {
        return (Map<String, Object>) ((Map<String, Object>) document.get("history")).get("messages");
    }

    private static Map<String, Object> conversation(String... messageIds) {
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
        return object("id", "", "title", "Interrupted", "models", new ArrayList<>(List.of("llama3:8b")),
                "history", object("messages", messages, "currentId", messageIds[messageIds.length - 1]),
                "timestamp", 1_700_000_000_000L);
    }

    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }
}
