package dev.chats.adapters.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import dev.chats.domain.port.StoreUnavailableException;
import org.bson.BsonDocument;
import org.bson.conversions.Bson;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import static dev.chats.adapters.mongo.ChatDocumentMapper.APPLYING;
import static dev.chats.adapters.mongo.ChatDocumentMapper.ID;
import static dev.chats.adapters.mongo.ChatDocumentMapper.MESSAGE_ID;
import static dev.chats.adapters.mongo.ChatDocumentMapper.POSITION;
import static dev.chats.adapters.mongo.ChatDocumentMapper.REVISION;
import static dev.chats.adapters.mongo.ChatDocumentMapper.VERSION;

/**
 * The read side of {@link CommitThenApply}: a chat as committed at one version, although its messages live in other
 * documents and the last write's change set may not be applied yet. A reader takes the chat document, the message
 * documents, and the chat document again, lays the change sets the two looks record over the messages, and reads
 * again if a write came in between that the overlay does not cover. It never waits for a writer, live or dead.
 */
final class ConsistentRead {

    /** A safety valve: how long a read retries before it reports the chat unavailable. Not reached in practice. */
    static final Duration DEFAULT_READ_WAIT = Duration.ofSeconds(30);
    /**
     * Every read of a chat document projects it. The result is then a copy taken by the server; without one, the
     * in-process test server hands out the stored document and fails when a concurrent update changes it.
     */
    static final Bson WHOLE = Projections.exclude("notAField");

    private static final int MESSAGE_BATCH = 500;

    private final MongoCollection<BsonDocument> chats;
    private final MongoCollection<BsonDocument> messages;
    private final RecordedChanges recorded;
    private final long readWaitMillis;

    ConsistentRead(MongoStore store, RecordedChanges recorded, Duration readWait) {
        this.chats = store.collection(MongoStore.CHATS);
        this.messages = store.collection(MongoStore.CHAT_MESSAGES);
        this.recorded = recorded;
        this.readWaitMillis = readWait.toMillis();
    }

    /**
     * The chat as committed at one version, or empty: chat document, messages, chat document again, with the
     * recorded change sets laid over the messages. Consistent when no write committed in between, or exactly one
     * whose change set is still recorded, or only bulk changes (archive, move) while a change set stayed recorded;
     * otherwise it is read again, without waiting for any writer.
     */
    <M, T> Optional<T> read(String id, MessageReader<M> reader,
                            BiFunction<BsonDocument, List<M>, Optional<T>> build) {
        long deadline = Holds.now() + readWaitMillis;
        BsonDocument before = chats.find(Filters.eq(ID, id)).projection(WHOLE).first();
        for (int attempt = 0; ; attempt++) {
            if (before == null || Holds.isHidden(before)) {
                return Optional.empty();
            }
            Map<String, BsonDocument> live = liveMessages(List.of(id), reader).getOrDefault(id,
                    new LinkedHashMap<>());
            BsonDocument after = chats.find(Filters.eq(ID, id)).projection(WHOLE).first();
            if (after == null || Holds.isHidden(after)) {
                return Optional.empty();
            }
            if (consistent(before, after)) {
                Optional<T> chat = overlaid(id, live, before, after, reader).flatMap(m -> build.apply(after, m));
                if (chat.isPresent()) {
                    return chat;
                }
            }
            if (Holds.now() >= deadline) {
                throw new StoreUnavailableException("chat " + id + " could not be read consistently; try again",
                        null);
            }
            if (attempt >= 3) {
                Holds.pause(attempt);
            }
            before = after;
        }
    }

    /**
     * The chats of these documents (read by one query, projected {@link #WHOLE}), each as committed at one version;
     * those written while being read are read again on their own.
     */
    <M, T> List<T> readAll(List<BsonDocument> documents, MessageReader<M> reader,
                           BiFunction<BsonDocument, List<M>, Optional<T>> build) {
        List<String> ids = documents.stream().map(d -> d.getString(ID).getValue()).toList();
        Map<String, Map<String, BsonDocument>> live = liveMessages(ids, reader);
        Map<String, BsonDocument> states = new HashMap<>();
        chats.find(Filters.in(ID, ids)).projection(Holds.STATE)
                .forEach(state -> states.put(state.getString(ID).getValue(), state));
        List<T> found = new ArrayList<>(documents.size());
        for (BsonDocument document : documents) {
            String id = document.getString(ID).getValue();
            BsonDocument state = states.get(id);
            Optional<T> chat = Optional.empty();
            if (state != null && state.getNumber(VERSION).longValue() == document.getNumber(VERSION).longValue()) {
                chat = overlaid(id, live.getOrDefault(id, new LinkedHashMap<>()), document, state, reader)
                        .flatMap(m -> build.apply(document, m));
            }
            (chat.isPresent() ? chat : read(id, reader, build)).ifPresent(found::add);
        }
        return found;
    }

    /**
     * Whether messages read between these two looks at a chat document, overlaid with the change sets both record,
     * are the messages of the second look's version.
     */
    private static boolean consistent(BsonDocument before, BsonDocument after) {
        long was = before.getNumber(VERSION).longValue();
        long is = after.getNumber(VERSION).longValue();
        if (is == was) {
            return true;
        }
        if (!(after.get(APPLYING) instanceof BsonDocument applying)) {
            return false;
        }
        // Only bulk changes since: no write commits while a change set is recorded.
        if (before.get(APPLYING) instanceof BsonDocument earlier && earlier.getString("token").equals(
                applying.getString("token"))) {
            return true;
        }
        // Exactly one write since, its change set still recorded: it covers whatever of it was applied meanwhile.
        return is == was + 1 && applying.getNumber(REVISION).longValue() == is;
    }

    /**
     * The live messages with the change sets of both looks laid over them, as the reader's values in position order
     * (the change sets' documents are whole, the live ones as the reader fetched them); empty when a change set
     * kept in parts is gone meanwhile (applied and cleared: read again). Message documents stamped later than the
     * chat's version were left by an earlier version of this adapter's protocol and are not part of the chat.
     */
    private <M> Optional<List<M>> overlaid(String id, Map<String, BsonDocument> live, BsonDocument before,
                                           BsonDocument after, MessageReader<M> reader) {
        long version = after.getNumber(VERSION).longValue();
        live.values().removeIf(document -> ChatDocumentMapper.revision(document) > version);
        String seen = null;
        for (BsonDocument look : List.of(before, after)) {
            if (look.get(APPLYING) instanceof BsonDocument applying
                    && !applying.getString("token").getValue().equals(seen)) {
                seen = applying.getString("token").getValue();
                Optional<ChangeSet> changes = recorded.read(id, applying);
                if (changes.isEmpty()) {
                    return Optional.empty();
                }
                changes.get().overlay(live);
            }
        }
        List<BsonDocument> ordered = new ArrayList<>(live.values());
        ordered.sort(Comparator.comparingInt(document -> document.getNumber(POSITION).intValue()));
        List<M> result = new ArrayList<>(ordered.size());
        ordered.forEach(document -> result.add(reader.value(document)));
        return Optional.of(result);
    }

    /** The message documents of these chats, as the reader fetches them, by message id, in the order read. */
    private Map<String, Map<String, BsonDocument>> liveMessages(List<String> chatIds, MessageReader<?> reader) {
        Map<String, Map<String, BsonDocument>> byChat = new LinkedHashMap<>();
        for (int from = 0; from < chatIds.size(); from += WriteBatches.DOCUMENTS) {
            List<String> batch = chatIds.subList(from, Math.min(chatIds.size(), from + WriteBatches.DOCUMENTS));
            Bson filter = batch.size() == 1 ? Filters.eq("_id.chatId", batch.get(0)) : Filters.in("_id.chatId", batch);
            for (BsonDocument document : reader.find(messages, filter, MESSAGE_BATCH)) {
                BsonDocument key = document.getDocument(ID);
                byChat.computeIfAbsent(key.getString("chatId").getValue(), chat -> new LinkedHashMap<>())
                        .put(key.getString(MESSAGE_ID).getValue(), document);
            }
        }
        return byChat;
    }
}
