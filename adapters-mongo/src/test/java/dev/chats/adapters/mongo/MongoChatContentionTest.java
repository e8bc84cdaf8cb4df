package dev.chats.adapters.mongo;

import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatStorage;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.port.ChatVersionConflictException;
import dev.chats.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contention is not an outage: 100 writers on one chat, each retrying on a version conflict as the application does
 * (same attempt limit and back-off), all get through while the store is up, and every write is there afterwards.
 */
class MongoChatContentionTest {

    private static final int WRITERS = 100;
    /** The application's limit (VersionedWrite.MAX_ATTEMPTS). */
    private static final int MAX_ATTEMPTS = 200;

    private final TestMongo mongo = TestMongo.get();
    private final MongoChatRepository chats = new MongoChatRepository(mongo.store());

    @BeforeEach
    void clean() {
        mongo.clean();
    }

    @Test
    void given100WritersOnOneChat_mergeAndMessageWrites_allSucceedAndAllArePresent() throws Exception {
        ChatId id = new ChatId(UUID.randomUUID().toString());
        chats.add(Chat.start(id, new UserId(UUID.randomUUID().toString()), conversation(), null, 1_000));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                results.add(pool.submit(() -> {
                    start.await();
                    int attempts = retried(() -> {
                        Chat chat = chats.findById(id).orElseThrow();
                        chat.upsertMessageContent("message-" + writer, "sent by writer " + writer, "user", 2_000);
                        return chats.update(chat);
                    });
                    attempts += retried(() -> {
                        Chat chat = chats.findById(id).orElseThrow();
                        chat.mergeDocument(Map.of("history", withMessage(chat.document(), "merge-" + writer),
                                "title", "merged by " + writer), 3_000);
                        return chats.update(chat);
                    });
                    return attempts;
                }));
            }
            long began = System.nanoTime();
            start.countDown();
            int attempts = 0;
            for (Future<Integer> result : results) {
                attempts += result.get(5, TimeUnit.MINUTES);
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
            System.out.printf("%d contended writes on one chat by %d writers: %d ms, %d attempts%n", 2 * WRITERS,
                    WRITERS, millis, attempts);
        } finally {
            pool.shutdownNow();
        }

        Chat back = chats.findById(id).orElseThrow();
        assertThat(back.version()).isEqualTo(1 + 2 * WRITERS);
        Map<String, Object> messages = messagesOf(back.document());
        for (int w = 0; w < WRITERS; w++) {
            assertThat(messages).containsKeys("message-" + w, "merge-" + w);
        }
        assertThat(messages).hasSize(1 + 2 * WRITERS);
    }

    @Test
    void given200WritesOneAfterAnother_eachIsOneReadAndOneWrite() {
        ChatId id = new ChatId(UUID.randomUUID().toString());
        chats.add(Chat.start(id, new UserId(UUID.randomUUID().toString()), conversation(), null, 1_000));

        long began = System.nanoTime();
        for (int i = 0; i < 2 * WRITERS; i++) {
            Chat chat = chats.findById(id).orElseThrow();
            chat.upsertMessageContent("message-" + i, "sent " + i, "user", 2_000 + i);
            chats.update(chat);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);

        System.out.printf("%d uncontended read-and-write pairs on one chat: %d ms%n", 2 * WRITERS, millis);
        assertThat(ChatStorage.of(chats.findById(id).orElseThrow()).document().messages()).hasSize(1 + 2 * WRITERS);
    }

    /** Runs one read-modify-write until it is not beaten by another writer, as VersionedWrite does; its attempts. */
    private static int retried(Callable<Chat> write) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                write.call();
                return attempt;
            } catch (ChatVersionConflictException conflict) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw conflict;
                }
                Thread.sleep(ThreadLocalRandom.current().nextLong(Math.min(50, 1L << Math.min(attempt, 6)) + 1));
            }
        }
    }

    /** The history with one more message answering the current one, which becomes current. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withMessage(Map<String, Object> document, String messageId) {
        Map<String, Object> history = new LinkedHashMap<>((Map<String, Object>) document.get("history"));
        Map<String, Object> messages = new LinkedHashMap<>((Map<String, Object>) history.get("messages"));
        String parent = (String) history.get("currentId");
        Map<String, Object> parentBody = new LinkedHashMap<>((Map<String, Object>) messages.get(parent));
        List<Object> children = new ArrayList<>((List<Object>) parentBody.get("childrenIds"));
        children.add(messageId);
        parentBody.put("childrenIds", children);
        messages.put(parent, parentBody);
        messages.put(messageId, object("id", messageId, "parentId", parent, "childrenIds", new ArrayList<>(),
                "role", "assistant", "content", "merged " + messageId, "timestamp", 1_700_000_001));
        history.put("messages", messages);
        history.put("currentId", messageId);
        return history;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> messagesOf(Map<String, Object> document) {
        return (Map<String, Object>) ((Map<String, Object>) document.get("history")).get("messages");
    }

    private static Map<String, Object> conversation() {
        Map<String, Object> messages = new LinkedHashMap<>();
        messages.put("root", object("id", "root", "parentId", null, "childrenIds", new ArrayList<>(), "role", "user",
                "content", "hello", "timestamp", 1_700_000_000));
        return object("id", "", "title", "Contended", "models", new ArrayList<>(List.of("llama3:8b")),
                "history", object("messages", messages, "currentId", "root"), "timestamp", 1_700_000_000_000L);
    }

    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }
}
