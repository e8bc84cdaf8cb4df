package dev.chats.adapters.mongo;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.port.ChatVersionConflictException;
import dev.chats.domain.port.StoreUnavailableException;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import static dev.chats.adapters.mongo.ChatDocumentMapper.APPLYING;
import static dev.chats.adapters.mongo.ChatDocumentMapper.BODY;
import static dev.chats.adapters.mongo.ChatDocumentMapper.BODY_PARTS;
import static dev.chats.adapters.mongo.ChatDocumentMapper.ID;
import static dev.chats.adapters.mongo.ChatDocumentMapper.LEASE;
import static dev.chats.adapters.mongo.ChatDocumentMapper.LEGACY_PARTS;
import static dev.chats.adapters.mongo.ChatDocumentMapper.MAX_DOCUMENT_BYTES;
import static dev.chats.adapters.mongo.ChatDocumentMapper.MESSAGE_ID;
import static dev.chats.adapters.mongo.ChatDocumentMapper.POSITION;
import static dev.chats.adapters.mongo.ChatDocumentMapper.REVISION;
import static dev.chats.adapters.mongo.ChatDocumentMapper.VERSION;

/**
 * The write protocol of chats on MongoDB without multi-document transactions: <em>commit, then apply</em>. An
 * update of a chat is committed by one atomic update of its chat document — the new fields, the version moved on, and
 * the write's {@link ChangeSet change set} (its message documents and removed ids) recorded in {@code applying} — and
 * then applied to {@code chat_messages}, after which the record is cleared. So:
 * <ul>
 *   <li>nothing is written to {@code chat_messages} before the commit: the committed state is always there to read.
 *   A reader takes the chat document, the message documents, and the chat document again, and lays the recorded
 *   change sets over the messages it read; it never waits for a writer, live or dead;</li>
 *   <li>a write commits only while no change set is recorded, so writes of one chat are applied one after another.
 *   A writer that finds one being applied waits for it (the applier renews {@code applying.until} while it works);
 *   one that finds it abandoned — its {@code until} passed, the writer died — applies it itself, then commits;</li>
 *   <li>applying is idempotent and never goes back: a message document is replaced only by one of a later
 *   version, and deleted only if it is older than the removal.</li>
 * </ul>
 * The design note {@code docs/mongodb-write-protocol.md} gives the reasoning, the trade-offs and what would replace it.
 */
final class CommitThenApply {

    /** How long a writer's hold (an unapplied change set, an unfinished first write) lasts unless it is renewed. */
    static final Duration DEFAULT_TERM = Duration.ofSeconds(3);
    /** A safety valve: how long a read retries before it reports the chat unavailable. Not reached in practice. */
    static final Duration DEFAULT_READ_WAIT = Duration.ofSeconds(30);
    /** Change sets up to this size are recorded in the chat document itself, larger ones in {@code chat_parts}. */
    static final int INLINE_CHANGES_BYTES = 512 * 1024;

    private static final int MESSAGE_BATCH = 500;
    private static final String CHANGES_SUFFIX = ".changes";
    /**
     * Every read of a chat document projects it. The result is then a copy taken by the server; without one, the
     * in-process test server hands out the stored document and fails when a concurrent update changes it.
     */
    private static final Bson WHOLE = Projections.exclude("notAField");
    private static final Bson STATE = Projections.include(ID, VERSION, APPLYING, LEASE);
    private static final Logger LOG = LoggerFactory.getLogger(CommitThenApply.class);
    private static final ScheduledExecutorService RENEWALS = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "mongo-chat-lease-renewal");
        thread.setDaemon(true);
        return thread;
    });

    private final MongoStore store;
    private final MongoCollection<BsonDocument> chats;
    private final MongoCollection<BsonDocument> messages;
    private final Parts parts;
    private final long termMillis;
    private final long readWaitMillis;

    CommitThenApply(MongoStore store, Parts parts, Duration term, Duration readWait) {
        this.store = store;
        this.chats = store.collection(MongoStore.CHATS);
        this.messages = store.collection(MongoStore.CHAT_MESSAGES);
        this.parts = parts;
        this.termMillis = term.toMillis();
        this.readWaitMillis = readWait.toMillis();
    }

    // ---------------------------------------------------------------------------------------------------------
    // writes

    /**
     * Stores the write of a chat read at {@link Chat#version()}: commits it, then applies its change set.
     *
     * @throws ChatVersionConflictException if the chat changed, vanished or is unfinished since it was read
     */
    void update(Chat chat, ChatWrite write) {
        String id = chat.id().value();
        long next = chat.version() + 1;
        String token = UUID.randomUUID().toString();
        RawBsonDocument changes = write.changesMessages() ? write.changeSet() : null;
        boolean changesInParts = changes != null && (ChatDocumentMapper.size(changes) > INLINE_CHANGES_BYTES
                || write.fieldsBytes() + ChatDocumentMapper.size(changes) > MAX_DOCUMENT_BYTES);
        BsonDocument before;
        try {
            // Parts of a new revision first: no document refers to them yet, so no reader can see them.
            write.writeParts(parts, id, token, chat.ownerId());
            List<Bson> updates = commitUpdates(write, token);
            if (changes != null) {
                BsonDocument applying = new BsonDocument("token", new BsonString(token))
                        .append(REVISION, new BsonInt64(next)).append("until", new BsonInt64(now() + termMillis));
                if (changesInParts) {
                    applying.append("parts", new BsonInt32(parts.writeBytes(id, token + CHANGES_SUFFIX,
                            bytes(changes))));
                } else {
                    applying.append("changes", changes);
                }
                updates.add(Updates.set(APPLYING, applying));
            }
            before = commit(chat.id(), chat.version(), Updates.combine(updates));
        } catch (RuntimeException e) {
            quietly(() -> {
                parts.deleteRevision(id, token);
                parts.deleteRevision(id, token + CHANGES_SUFFIX);
            });
            throw e;
        }
        if (changes != null) {
            try {
                apply(id, token, next, ChangeSet.of(changes));
            } catch (RuntimeException e) {
                // Committed all the same: readers lay the recorded change set over the messages, and the next
                // writer of the chat applies it once this one's hold has run out.
                LOG.warn("Chat {} is updated to version {}, but applying its messages failed; the next write of the"
                        + " chat completes it: {}", id, next, e.toString());
            }
        }
        deleteReplacedParts(id, before);
    }

    /** The fields a committed write sets, the version moved on. */
    private static List<Bson> commitUpdates(ChatWrite write, String token) {
        List<Bson> updates = new ArrayList<>();
        write.fields(token).forEach((name, value) -> updates.add(Updates.set(name, value)));
        updates.add(write.body.spilled() ? Updates.unset(BODY) : Updates.unset(BODY_PARTS));
        if (write.legacyInline()) {
            updates.add(Updates.unset(LEGACY_PARTS));
        }
        updates.add(Updates.inc(VERSION, 1L));
        return updates;
    }

    /**
     * The commit: one update of the chat document at the version it was read, with no change set recorded and no
     * unfinished first write. A change set being applied is waited for; one whose applier is gone is applied here.
     *
     * @return the chat document before the commit, its parts references only
     */
    private BsonDocument commit(ChatId id, long version, Bson update) {
        Bson committable = Filters.and(Filters.eq(ID, id.value()), Filters.eq(VERSION, version),
                Filters.exists(APPLYING, false), Filters.ne(LEASE + ".adding", true));
        long deadline = now() + 2 * termMillis + 1_000;
        for (int attempt = 0; ; attempt++) {
            BsonDocument before = chats.findOneAndUpdate(committable, update, new FindOneAndUpdateOptions()
                    .projection(Projections.include(BODY_PARTS, LEGACY_PARTS)).returnDocument(ReturnDocument.BEFORE));
            if (before != null) {
                return before;
            }
            BsonDocument state = chats.find(Filters.eq(ID, id.value())).projection(STATE).first();
            if (state == null || state.getNumber(VERSION).longValue() != version || isHidden(state)
                    || !(state.get(APPLYING) instanceof BsonDocument applying) || now() >= deadline) {
                store.countVersionConflict();
                throw new ChatVersionConflictException(id, version);
            }
            if (applying.getNumber("until").longValue() < now()) {
                complete(id.value(), applying);
            } else {
                pause(attempt);
            }
        }
    }

    /** Applies a change set whose writer is gone (its hold ran out) and clears it; nothing if another got there. */
    private void complete(String id, BsonDocument applying) {
        String token = applying.getString("token").getValue();
        long taken = chats.updateOne(Filters.and(Filters.eq(ID, id), Filters.eq(APPLYING + ".token", token),
                        Filters.lt(APPLYING + ".until", now())),
                Updates.set(APPLYING + ".until", now() + termMillis)).getMatchedCount();
        if (taken == 0) {
            return;
        }
        Optional<ChangeSet> changes = changesOf(id, applying);
        if (changes.isEmpty()) {
            LOG.warn("Chat {}: the change set of an abandoned write is gone; clearing it", id);
            chats.updateOne(Filters.and(Filters.eq(ID, id), Filters.eq(APPLYING + ".token", token)),
                    Updates.unset(APPLYING));
            return;
        }
        LOG.info("Chat {}: applying the change set of a write whose writer is gone", id);
        apply(id, token, applying.getNumber(REVISION).longValue(), changes.get());
    }

    /**
     * Applies a committed change set to the message documents, renewing its hold meanwhile, then clears it. Stops
     * early, without error, if another writer has taken it over (this one stalled past the term).
     */
    private void apply(String id, String token, long revision, ChangeSet changes) {
        Bson mine = Filters.and(Filters.eq(ID, id), Filters.eq(APPLYING + ".token", token));
        try (Hold hold = hold(mine, APPLYING + ".until")) {
            // A document of a later version stays: this change set is older than what is there.
            Bson older = Filters.or(Filters.lt(REVISION, revision), Filters.exists(REVISION, false));
            for (List<BsonDocument> batch : WriteBatches.of(changes.upserts())) {
                if (hold.lost()) {
                    return;
                }
                List<WriteModel<BsonDocument>> upserts = new ArrayList<>(batch.size());
                for (BsonDocument document : batch) {
                    upserts.add(new ReplaceOneModel<>(Filters.and(Filters.eq(ID, document.get(ID)), older),
                            document, new ReplaceOptions().upsert(true)));
                }
                try {
                    messages.bulkWrite(upserts, new BulkWriteOptions().ordered(false));
                } catch (MongoBulkWriteException e) {
                    // A duplicate key is an upsert that met a later version of the message: it stays.
                    if (e.getWriteErrors().stream().anyMatch(error -> error.getCode() != 11000)) {
                        throw e;
                    }
                }
            }
            List<BsonDocument> keys = changes.removed().stream()
                    .map(messageId -> ChatDocumentMapper.messageKey(id, messageId)).toList();
            for (int from = 0; from < keys.size(); from += WriteBatches.DOCUMENTS) {
                if (hold.lost()) {
                    return;
                }
                messages.deleteMany(Filters.and(Filters.in(ID, keys.subList(from, Math.min(keys.size(),
                        from + WriteBatches.DOCUMENTS))), older));
            }
            chats.updateOne(mine, Updates.unset(APPLYING));
        }
        quietly(() -> parts.deleteRevision(id, token + CHANGES_SUFFIX));
    }

    /** A new hold for a first write: the hidden chat document's {@code lease}, renewed while the write runs. */
    BsonDocument firstWriteLease(String token) {
        return new BsonDocument("token", new BsonString(token)).append("until", new BsonInt64(now() + termMillis))
                .append("adding", BsonBoolean.TRUE);
    }

    /** Renews the hold of the chat document matching {@code mine} every third of the term until closed. */
    Hold hold(Bson mine, String untilField) {
        Hold hold = new Hold();
        long period = Math.max(1, termMillis / 3);
        hold.renewal = RENEWALS.scheduleAtFixedRate(() -> {
            try {
                if (chats.updateOne(mine, Updates.set(untilField, now() + termMillis)).getMatchedCount() == 0) {
                    hold.lost = true;
                }
            } catch (RuntimeException e) {
                LOG.debug("Renewing a chat write's hold failed: {}", e.toString());
            }
        }, period, period, TimeUnit.MILLISECONDS);
        return hold;
    }

    /** A writer's renewed hold on one chat document. */
    static final class Hold implements AutoCloseable {

        private volatile boolean lost;
        private ScheduledFuture<?> renewal;

        /** Whether a renewal found the hold gone: another writer took it over. */
        boolean lost() {
            return lost;
        }

        @Override
        public void close() {
            renewal.cancel(false);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // reads

    /**
     * The chat as committed at one version, or empty: chat document, messages, chat document again, with the
     * recorded change sets laid over the messages. Consistent when no write committed in between, or exactly one
     * whose change set is still recorded, or only bulk changes (archive, move) while a change set stayed recorded;
     * otherwise it is read again, without waiting for any writer.
     */
    <M, T> Optional<T> read(String id, MessageReader<M> reader,
                            BiFunction<BsonDocument, List<M>, Optional<T>> build) {
        long deadline = now() + readWaitMillis;
        BsonDocument before = chats.find(Filters.eq(ID, id)).projection(WHOLE).first();
        for (int attempt = 0; ; attempt++) {
            if (before == null || isHidden(before)) {
                return Optional.empty();
            }
            Map<String, BsonDocument> live = liveMessages(List.of(id), reader).getOrDefault(id,
                    new LinkedHashMap<>());
            BsonDocument after = chats.find(Filters.eq(ID, id)).projection(WHOLE).first();
            if (after == null || isHidden(after)) {
                return Optional.empty();
            }
            if (consistent(before, after)) {
                Optional<T> chat = overlaid(id, live, before, after, reader).flatMap(m -> build.apply(after, m));
                if (chat.isPresent()) {
                    return chat;
                }
            }
            if (now() >= deadline) {
                throw new StoreUnavailableException("chat " + id + " could not be read consistently; try again",
                        null);
            }
            if (attempt >= 3) {
                pause(attempt);
            }
            before = after;
        }
    }

    /**
     * The chats of these documents (read by one query), each as committed at one version; those written while being
     * read are read again on their own.
     */
    <M, T> List<T> readAll(List<BsonDocument> documents, MessageReader<M> reader,
                           BiFunction<BsonDocument, List<M>, Optional<T>> build) {
        List<String> ids = documents.stream().map(d -> d.getString(ID).getValue()).toList();
        Map<String, Map<String, BsonDocument>> live = liveMessages(ids, reader);
        Map<String, BsonDocument> states = new HashMap<>();
        chats.find(Filters.in(ID, ids)).projection(STATE)
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

    /** Chat documents as every read of this adapter takes them (a server-side copy). */
    static Bson whole() {
        return WHOLE;
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
                Optional<ChangeSet> changes = changesOf(id, applying);
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

    /** The change set a chat document records, from the document itself or from parts; empty if they are gone. */
    private Optional<ChangeSet> changesOf(String id, BsonDocument applying) {
        if (applying.get("changes") instanceof BsonDocument inline) {
            return Optional.of(ChangeSet.of(inline));
        }
        if (!applying.containsKey("parts")) {
            return Optional.empty();
        }
        byte[] bytes = parts.readBytes(id, applying.getString("token").getValue() + CHANGES_SUFFIX,
                applying.getNumber("parts").intValue());
        return bytes == null ? Optional.empty() : Optional.of(ChangeSet.of(new RawBsonDocument(bytes)));
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

    static boolean isHidden(BsonDocument document) {
        return document.get(LEASE) instanceof BsonDocument lease && lease.getBoolean("adding", BsonBoolean.FALSE)
                .getValue();
    }

    // ---------------------------------------------------------------------------------------------------------

    private static byte[] bytes(RawBsonDocument document) {
        java.nio.ByteBuffer buffer = document.getByteBuffer().asNIO();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static long now() {
        return System.currentTimeMillis();
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(10, 1L << Math.min(attempt, 4)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MongoAccessException("interrupted while waiting for a chat write to land", e);
        }
    }

    /**
     * Deletes the parts the chat document referred to before a committed write. Only that revision: a later writer
     * may already have committed parts of its own.
     */
    private void deleteReplacedParts(String id, BsonDocument before) {
        for (String ref : List.of(BODY_PARTS, LEGACY_PARTS)) {
            if (before.get(ref) instanceof BsonDocument replaced) {
                String rev = replaced.getString("rev").getValue();
                quietly(() -> parts.deleteRevision(id, rev));
            }
        }
    }

    /**
     * Runs a clean-up whose failure must not hide the outcome being reported: what is left is unreachable, and a
     * later write or the chat's deletion clears it.
     */
    static void quietly(Runnable cleanUp) {
        try {
            cleanUp.run();
        } catch (RuntimeException ignored) {
            // See above.
        }
    }
}
