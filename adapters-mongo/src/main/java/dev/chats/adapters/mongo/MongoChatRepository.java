package dev.chats.adapters.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import dev.chats.adapters.mongo.ChatDocumentMapper.StoredBody;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.ChatQuery;
import dev.chats.domain.chat.ChatSummary;
import dev.chats.domain.chat.Message;
import dev.chats.domain.chat.MessageChanges;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.port.ChatVersionConflictException;
import dev.chats.domain.port.StoreUnavailableException;
import dev.chats.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonRegularExpression;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static dev.chats.adapters.mongo.ChatDocumentMapper.BODY;
import static dev.chats.adapters.mongo.ChatDocumentMapper.BODY_PARTS;
import static dev.chats.adapters.mongo.ChatDocumentMapper.CONTENT_TEXT;
import static dev.chats.adapters.mongo.ChatDocumentMapper.CREATED;
import static dev.chats.adapters.mongo.ChatDocumentMapper.FOLDER;
import static dev.chats.adapters.mongo.ChatDocumentMapper.ID;
import static dev.chats.adapters.mongo.ChatDocumentMapper.LEASE;
import static dev.chats.adapters.mongo.ChatDocumentMapper.LEGACY_PARTS;
import static dev.chats.adapters.mongo.ChatDocumentMapper.LEGACY_TEXT;
import static dev.chats.adapters.mongo.ChatDocumentMapper.MAX_DOCUMENT_BYTES;
import static dev.chats.adapters.mongo.ChatDocumentMapper.TITLE;
import static dev.chats.adapters.mongo.ChatDocumentMapper.UPDATED;
import static dev.chats.adapters.mongo.ChatDocumentMapper.USER;
import static dev.chats.adapters.mongo.ChatDocumentMapper.VERSION;

/**
 * Persistence adapter: stores chats in MongoDB, one document per chat in {@code chats} (see
 * {@link ChatDocumentMapper}) and one per message in {@code chat_messages}.
 *
 * <h2>Writes without multi-document transactions</h2>
 * A chat write touches the chat document and some message documents, and MongoDB changes one document atomically
 * (transactions need a replica set, and the in-process test server has none). The chat document's {@code version} is
 * the commit point, and a <em>lease</em> on the chat document keeps writers apart while message documents change:
 * <ol>
 *   <li><b>Claim.</b> {@code findOneAndUpdate({_id, version: expected, no live lease}, {$set: {lease: {token,
 *   until}}})}. No match: the chat changed, vanished or is being written — {@link ChatVersionConflictException}, and
 *   nothing was written. The visible fields and the version do not change yet.</li>
 *   <li><b>New and changed messages</b>: an unordered bulk of {@code replaceOne(…, upsert)}, in batches, the lease
 *   renewed between them (a writer that has lost it stops with a conflict). A body or legacy text too large for the
 *   chat document goes to {@code chat_parts} under a new revision.</li>
 *   <li><b>Commit.</b> {@code updateOne({_id, lease.token, version: expected}, {$set: new fields, $inc: {version:
 *   1}})}: the new title, body, flags and version appear together. No match (the lease was taken over after expiry,
 *   the chat was deleted, or a bulk archive or move moved its version on): conflict.</li>
 *   <li><b>Removed messages</b> are deleted after the commit, still under the lease, which is then given up (it is
 *   given up at the commit when there is nothing to delete). Then the parts the commit replaced are deleted.</li>
 * </ol>
 * A write that changes no message and keeps the body inline is a single guarded {@code findOneAndUpdate}.
 *
 * <p><b>What this order buys.</b> No update is lost: only the lease holder writes messages, every other write of the
 * chat waits for the lease to go (as a conflict, which callers retry on a fresh read), and a writer that read the
 * chat while another's messages were landing cannot commit on top, because the version it holds is superseded at the
 * other's commit. Readers validate without waiting for leases: every message document carries the version whose
 * commit makes it visible, so a read takes the chat document, then the messages, and is consistent when no message
 * is stamped later than the document's version and the version has not moved meanwhile; otherwise it reads again.
 * A chat that cannot be read consistently within {@link #DEFAULT_READ_WAIT} answers "unavailable, try again"
 * rather than a torn conversation (messages left by a writer that died are skipped once its lease has run out).
 *
 * <p><b>If the process dies mid-write</b>, the chat is left at a committed version. Before the commit: the previous
 * document, with some of the write's new and changed message documents already in place — new messages show up as
 * unreferenced entries or a new branch, edited ones with their new body. After the commit: the new document with
 * every message it refers to, plus removed messages not yet deleted, which stay listed until a later update of the
 * history removes them. Deletes come last for that reason: a death can leave extra messages, never take away one a
 * committed document refers to. The lease runs out after {@link #DEFAULT_LEASE}; until then writes of that chat
 * conflict. A first write ({@link #add}) is hidden from every read and list until its commit; if it dies, the chat
 * stays hidden and its id is free again once the lease expires.
 *
 * <p>Deleting chats deletes their shares first, then the chat documents (the commit point: readers find nothing),
 * then messages and parts; a death in between leaves unreachable messages, which a later add under the same id
 * clears. Bulk archive and move are single {@code updateMany} calls that move each changed chat's version on.
 */
@Singleton
@MongoPersistence
public final class MongoChatRepository implements ChatRepository {

    /** How long a writer may hold a chat before others may take it over; renewed while the writer makes progress. */
    static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);
    /** How long a read waits for a live lease to go before it takes what is there. */
    static final Duration DEFAULT_READ_WAIT = Duration.ofSeconds(2);
    /** Message documents per bulk write, and their bytes. */
    private static final int BATCH_DOCUMENTS = 1_000;
    private static final int BATCH_BYTES = 8 * 1024 * 1024;
    /**
     * Documents per reply when reading messages and whole chat documents. MongoDB caps a reply at 16 MB by itself;
     * this also keeps the in-process test server, which does not, under the driver's 48 MB message limit.
     */
    private static final int MESSAGE_BATCH = 500;
    private static final int CHAT_BATCH = 100;

    private static final Logger LOG = LoggerFactory.getLogger(MongoChatRepository.class);
    private static final Bson LIST_PROJECTION = Projections.include(ID, TITLE, UPDATED, CREATED);
    private static final Bson STATE_PROJECTION = Projections.include(ID, VERSION, LEASE);

    private final MongoStore store;
    private final MongoCollection<BsonDocument> chats;
    private final MongoCollection<BsonDocument> messages;
    private final Parts parts;
    private final long leaseMillis;
    private final long readWaitMillis;

    @Inject
    public MongoChatRepository(MongoStore store) {
        this(store, DEFAULT_LEASE, DEFAULT_READ_WAIT);
    }

    MongoChatRepository(MongoStore store, Duration lease, Duration readWait) {
        this.store = store;
        this.chats = store.collection(MongoStore.CHATS);
        this.messages = store.collection(MongoStore.CHAT_MESSAGES);
        this.parts = new Parts(store.collection(MongoStore.CHAT_PARTS));
        this.leaseMillis = lease.toMillis();
        this.readWaitMillis = readWait.toMillis();
    }

    // ---------------------------------------------------------------------------------------------------------
    // writes

    @Override
    public Chat add(Chat chat) {
        return store.call("add chat", () -> {
            // Every message, not only the pending ones: a chat restored elsewhere (a copy) has none pending.
            Write write = Write.of(chat, chat.storedDocument().messages(), List.of(), chat.version());
            String id = chat.id().value();
            String token = newToken();
            // Parts of a new revision first: no document refers to it yet, so no reader can see them.
            write.writeParts(parts, id, token, chat.ownerId());
            BsonDocument document = new BsonDocument(ID, new BsonString(id))
                    .append(USER, new BsonString(chat.ownerId().value()))
                    .append(CREATED, new BsonInt64(chat.createdAt()))
                    .append(VERSION, new BsonInt64(chat.version()));
            write.fields(token).forEach(document::append);
            document.append(LEASE, lease(token).append("adding", BsonBoolean.TRUE));
            try {
                insertOrTakeOverAbandoned(chat.id(), document);
            } catch (RuntimeException e) {
                quietly(() -> parts.deleteRevision(id, token));
                throw e;
            }
            boolean committed = false;
            try {
                // Leftovers of a deleted chat with this id, or of a first write that died.
                messages.deleteMany(Filters.eq("_id.chatId", id));
                parts.deleteOtherRevisions(id, token);
                insertMessages(write.upserts, new Lease(chat.id(), chat.version(), token));
                committed = chats.updateOne(Filters.and(Filters.eq(ID, id), Filters.eq(LEASE + ".token", token)),
                        Updates.unset(LEASE)).getMatchedCount() == 1;
            } finally {
                if (!committed) {
                    abandonAdd(id, token);
                }
            }
            return chat.afterInsert();
        });
    }

    private void insertOrTakeOverAbandoned(ChatId id, BsonDocument document) {
        try {
            chats.insertOne(document);
        } catch (MongoException e) {
            if (!MongoStore.isDuplicateKey(e)) {
                throw e;
            }
            // A first write that died leaves a hidden document whose lease runs out; its id may be used again.
            long matched = chats.replaceOne(Filters.and(Filters.eq(ID, id.value()), Filters.eq(LEASE + ".adding", true),
                    Filters.lt(LEASE + ".until", now())), document).getMatchedCount();
            if (matched == 0) {
                throw new MongoAccessException("chat " + id + " is already stored", e);
            }
        }
    }

    /** Removes what an unfinished first write left, if the chat is still its (or gone). Best effort. */
    private void abandonAdd(String id, String token) {
        quietly(() -> {
            if (chats.deleteOne(Filters.and(Filters.eq(ID, id), Filters.eq(LEASE + ".token", token)))
                    .getDeletedCount() == 1 || chats.find(Filters.eq(ID, id)).first() == null) {
                messages.deleteMany(Filters.eq("_id.chatId", id));
                parts.deleteOtherRevisions(id, null);
            }
        });
    }

    /**
     * Runs a clean-up whose failure must not hide the outcome being reported: a lease that is not given up runs out,
     * and a later write of the chat clears what was left.
     */
    private static void quietly(Runnable cleanUp) {
        try {
            cleanUp.run();
        } catch (RuntimeException ignored) {
            // See above.
        }
    }

    @Override
    public Chat update(Chat chat) {
        return store.call("update chat", () -> {
            MessageChanges changes = chat.pendingMessageChanges();
            Write write = Write.of(chat, changes.upserted().values(), changes.removed(), chat.version() + 1);
            if (write.upserts.isEmpty() && write.removed.isEmpty() && !write.spills()) {
                updateInOneStep(chat, write);
            } else {
                updateUnderLease(chat, write);
            }
            return chat.afterUpdate();
        });
    }

    private void updateInOneStep(Chat chat, Write write) {
        String id = chat.id().value();
        BsonDocument before = chats.findOneAndUpdate(claimable(chat), Updates.combine(commitUpdates(write, null),
                        Updates.unset(LEASE)),
                new FindOneAndUpdateOptions().projection(Projections.include(BODY_PARTS, LEGACY_PARTS))
                        .returnDocument(ReturnDocument.BEFORE));
        if (before == null) {
            throw new ChatVersionConflictException(chat.id(), chat.version());
        }
        deleteReplacedParts(id, before);
    }

    private void updateUnderLease(Chat chat, Write write) {
        String id = chat.id().value();
        String token = newToken();
        BsonDocument before = chats.findOneAndUpdate(claimable(chat), Updates.set(LEASE, lease(token)),
                new FindOneAndUpdateOptions().projection(Projections.include(BODY_PARTS, LEGACY_PARTS))
                        .returnDocument(ReturnDocument.BEFORE));
        if (before == null) {
            throw new ChatVersionConflictException(chat.id(), chat.version());
        }
        Lease lease = new Lease(chat.id(), chat.version(), token);
        boolean deletesFollow = !write.removed.isEmpty();
        boolean committed = false;
        try {
            upsertMessages(write.upserts, lease);
            write.writeParts(parts, id, token, chat.ownerId());
            lease.renewIfDue();
            // With deletes still to come, the lease is kept through the commit: no other writer may start before
            // they are done, and readers wait for them.
            Bson commit = deletesFollow ? commitUpdates(write, token)
                    : Updates.combine(commitUpdates(write, token), Updates.unset(LEASE));
            committed = chats.updateOne(Filters.and(Filters.eq(ID, id), Filters.eq(LEASE + ".token", token),
                    Filters.eq(VERSION, chat.version())), commit).getMatchedCount() == 1;
            if (!committed) {
                throw new ChatVersionConflictException(chat.id(), chat.version());
            }
        } finally {
            if (!committed) {
                quietly(() -> parts.deleteRevision(id, token));
                releaseLease(id, token);
            }
        }
        if (deletesFollow) {
            try {
                deleteMessages(id, write.removed, lease);
            } catch (RuntimeException e) {
                // The update is committed and stays so; the messages left over stay listed until a later update of
                // the history removes them.
                LOG.warn("Chat {} is updated, but deleting {} of its removed messages failed: {}", id,
                        write.removed.size(), e.toString());
            } finally {
                releaseLease(id, token);
            }
        }
        deleteReplacedParts(id, before);
    }

    /**
     * Deletes the parts the chat document referred to before a committed write. Only that revision: a later writer
     * may already have committed parts of its own.
     */
    private void deleteReplacedParts(String id, BsonDocument before) {
        Set<String> revisions = new HashSet<>();
        for (String ref : List.of(BODY_PARTS, LEGACY_PARTS)) {
            if (before.get(ref) instanceof BsonDocument parts) {
                revisions.add(parts.getString("rev").getValue());
            }
        }
        revisions.forEach(rev -> quietly(() -> parts.deleteRevision(id, rev)));
    }

    /** The chat document at the version the chat was read, with no live lease of another writer. */
    private Bson claimable(Chat chat) {
        return Filters.and(Filters.eq(ID, chat.id().value()), Filters.eq(VERSION, chat.version()),
                Filters.or(Filters.eq(LEASE, null), Filters.and(Filters.lt(LEASE + ".until", now()),
                        Filters.ne(LEASE + ".adding", true))));
    }

    /** The fields a committed write sets, the version moved on. */
    private static Bson commitUpdates(Write write, String token) {
        List<Bson> updates = new ArrayList<>();
        write.fields(token).forEach((name, value) -> updates.add(Updates.set(name, value)));
        updates.add(write.body.spilled() ? Updates.unset(BODY) : Updates.unset(BODY_PARTS));
        if (write.legacyInline()) {
            updates.add(Updates.unset(LEGACY_PARTS));
        }
        updates.add(Updates.inc(VERSION, 1L));
        return Updates.combine(updates);
    }

    /** Gives up a lease. Best effort: a lease not given up runs out. */
    private void releaseLease(String id, String token) {
        quietly(() -> chats.updateOne(Filters.and(Filters.eq(ID, id), Filters.eq(LEASE + ".token", token)),
                Updates.unset(LEASE)));
    }

    private void insertMessages(List<RawBsonDocument> documents, Lease lease) {
        for (List<RawBsonDocument> batch : batches(documents)) {
            lease.renewIfDue();
            messages.insertMany(batch, new InsertManyOptions().ordered(false));
        }
    }

    private void upsertMessages(List<RawBsonDocument> documents, Lease lease) {
        for (List<RawBsonDocument> batch : batches(documents)) {
            lease.renewIfDue();
            List<WriteModel<BsonDocument>> upserts = new ArrayList<>(batch.size());
            for (RawBsonDocument document : batch) {
                upserts.add(new ReplaceOneModel<>(Filters.eq(ID, document.get(ID)), document,
                        new ReplaceOptions().upsert(true)));
            }
            messages.bulkWrite(upserts, new BulkWriteOptions().ordered(false));
        }
    }

    private void deleteMessages(String chatId, Collection<String> messageIds, Lease lease) {
        List<BsonDocument> keys = messageIds.stream().map(m -> ChatDocumentMapper.messageKey(chatId, m)).toList();
        for (int from = 0; from < keys.size(); from += BATCH_DOCUMENTS) {
            lease.renewIfDue();
            messages.deleteMany(Filters.in(ID, keys.subList(from, Math.min(keys.size(), from + BATCH_DOCUMENTS))));
        }
    }

    private static List<List<RawBsonDocument>> batches(List<RawBsonDocument> documents) {
        List<List<RawBsonDocument>> batches = new ArrayList<>();
        List<RawBsonDocument> batch = new ArrayList<>();
        long bytes = 0;
        for (RawBsonDocument document : documents) {
            int size = ChatDocumentMapper.size(document);
            if (!batch.isEmpty() && (batch.size() >= BATCH_DOCUMENTS || bytes + size > BATCH_BYTES)) {
                batches.add(batch);
                batch = new ArrayList<>();
                bytes = 0;
            }
            batch.add(document);
            bytes += size;
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }

    private BsonDocument lease(String token) {
        return new BsonDocument("token", new BsonString(token)).append("until", new BsonInt64(now() + leaseMillis));
    }

    /** A writer's hold on one chat document. */
    private final class Lease {

        private final ChatId id;
        private final long version;
        private final String token;
        private long until;

        Lease(ChatId id, long version, String token) {
            this.id = id;
            this.version = version;
            this.token = token;
            this.until = now() + leaseMillis;
        }

        /** Extends the lease once half of it is used; a writer that lost it stops with a conflict. */
        void renewIfDue() {
            long now = now();
            if (until - now > leaseMillis / 2) {
                return;
            }
            long renewed = now + leaseMillis;
            long matched = chats.updateOne(Filters.and(Filters.eq(ID, id.value()), Filters.eq(LEASE + ".token", token)),
                    Updates.set(LEASE + ".until", renewed)).getMatchedCount();
            if (matched == 0) {
                throw new ChatVersionConflictException(id, version);
            }
            until = renewed;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // reads

    @Override
    public Optional<Chat> findById(ChatId id) {
        return store.call("find chat", () -> read(id.value()));
    }

    @Override
    public List<ChatSummary> findSummaries(ChatQuery query) {
        if (query.page().offset() > Integer.MAX_VALUE) {
            return List.of();
        }
        return store.call("list chat titles", () -> {
            List<ChatSummary> summaries = new ArrayList<>();
            for (BsonDocument document : chats.find(filter(query)).projection(LIST_PROJECTION)
                    .sort(ChatQueryFilter.sort(query)).skip((int) query.page().offset()).limit(query.page().limit())) {
                summaries.add(new ChatSummary(new ChatId(document.getString(ID).getValue()),
                        document.getString(TITLE).getValue(), document.getNumber(UPDATED).longValue(),
                        document.getNumber(CREATED).longValue()));
            }
            return summaries;
        });
    }

    @Override
    public List<Chat> findChats(ChatQuery query) {
        if (query.page().offset() > Integer.MAX_VALUE) {
            return List.of();
        }
        return store.call("list chats", () -> {
            List<BsonDocument> documents = chats.find(filter(query)).sort(ChatQueryFilter.sort(query))
                    .skip((int) query.page().offset()).limit(query.page().limit()).batchSize(CHAT_BATCH)
                    .into(new ArrayList<>());
            List<String> ids = documents.stream().map(d -> d.getString(ID).getValue()).toList();
            Map<String, Long> versions = new HashMap<>();
            documents.forEach(d -> versions.put(d.getString(ID).getValue(), d.getNumber(VERSION).longValue()));
            java.util.Set<String> torn = new java.util.HashSet<>();
            Map<String, List<Message>> messagesById = messagesOf(ids, versions, torn);
            Map<String, BsonDocument> states = new HashMap<>();
            chats.find(Filters.in(ID, ids)).projection(STATE_PROJECTION)
                    .forEach(state -> states.put(state.getString(ID).getValue(), state));
            List<Chat> found = new ArrayList<>(documents.size());
            for (BsonDocument document : documents) {
                String id = document.getString(ID).getValue();
                Optional<Chat> chat = torn.contains(id) || !sameVersion(document, states.get(id))
                        ? Optional.empty() : build(document, messagesById.getOrDefault(id, List.of()));
                // Changed while being read: read it again on its own, which waits for a consistent state.
                (chat.isPresent() ? chat : read(id)).ifPresent(found::add);
            }
            return found;
        });
    }

    /**
     * The chat as committed at one version. Message documents carry the version whose commit makes them visible and
     * removals happen only after a commit, so a read is consistent when no message is stamped later than the
     * document's version and the version is unchanged once the messages are read; otherwise it is read again. A
     * chat written so fast that no consistent read succeeds within the read wait answers "unavailable, try again"
     * rather than a torn conversation; messages left by a writer that died (its lease has run out) are skipped.
     */
    private Optional<Chat> read(String id) {
        long deadline = now() + readWaitMillis;
        for (int attempt = 0; ; attempt++) {
            BsonDocument document = chats.find(Filters.eq(ID, id)).first();
            if (document == null || isHidden(document)) {
                return Optional.empty();
            }
            long version = document.getNumber(VERSION).longValue();
            java.util.Set<String> torn = new java.util.HashSet<>();
            List<Message> chatMessages = messagesOf(List.of(id), Map.of(id, version), torn)
                    .getOrDefault(id, List.of());
            Optional<Chat> chat = build(document, chatMessages);
            BsonDocument state = chats.find(Filters.eq(ID, id)).projection(STATE_PROJECTION).first();
            if (state == null) {
                return Optional.empty();
            }
            // Later-stamped messages with no live lease were left by a write that failed or died: no commit can
            // make them visible, so waiting for one would only delay every read of the chat.
            if (chat.isPresent() && sameVersion(document, state) && (torn.isEmpty() || !leaseIsLive(state))) {
                return chat;
            }
            if (now() >= deadline) {
                throw new StoreUnavailableException("chat " + id + " is being written too fast for a consistent read;"
                        + " try again", null);
            }
            pause(attempt);
        }
    }

    /** The chat from its document and messages; empty when a part of its body is gone (a newer write replaced it). */
    private Optional<Chat> build(BsonDocument document, List<Message> chatMessages) {
        Map<String, Object> body;
        if (document.containsKey(BODY)) {
            body = BsonJson.toMap(document.getDocument(BODY));
        } else {
            BsonDocument ref = document.getDocument(BODY_PARTS);
            byte[] bytes = parts.readBytes(document.getString(ID).getValue(), ref.getString("rev").getValue(),
                    ref.getNumber("count").intValue());
            if (bytes == null) {
                return Optional.empty();
            }
            body = ChatDocumentMapper.body(bytes);
        }
        return Optional.of(ChatDocumentMapper.chat(document, body, chatMessages));
    }

    /**
     * The message documents of these chats. A chat with a message stamped later than the version its document was
     * read at caught a write in flight: its id goes into {@code torn} and those messages are left out (a reader
     * that has waited long enough takes the committed rest).
     */
    private Map<String, List<Message>> messagesOf(List<String> chatIds, Map<String, Long> versions,
                                                  java.util.Set<String> torn) {
        Map<String, List<Message>> byChat = new LinkedHashMap<>();
        for (int from = 0; from < chatIds.size(); from += BATCH_DOCUMENTS) {
            List<String> batch = chatIds.subList(from, Math.min(chatIds.size(), from + BATCH_DOCUMENTS));
            Bson filter = batch.size() == 1 ? Filters.eq("_id.chatId", batch.get(0)) : Filters.in("_id.chatId", batch);
            for (BsonDocument document : messages.find(filter).batchSize(MESSAGE_BATCH)) {
                String chatId = document.getDocument(ID).getString("chatId").getValue();
                if (ChatDocumentMapper.revision(document) > versions.getOrDefault(chatId, Long.MAX_VALUE)) {
                    // Written by a commit still to come: not part of the version read.
                    torn.add(chatId);
                    continue;
                }
                byChat.computeIfAbsent(chatId, chat -> new ArrayList<>()).add(ChatDocumentMapper.message(document));
            }
        }
        return byChat;
    }

    private static boolean isHidden(BsonDocument document) {
        return document.get(LEASE) instanceof BsonDocument lease && lease.getBoolean("adding", BsonBoolean.FALSE)
                .getValue();
    }

    private boolean leaseIsLive(BsonDocument document) {
        return document.get(LEASE) instanceof BsonDocument lease && lease.getNumber("until").longValue() > now();
    }

    /** Whether no write committed between the two looks at the chat. */
    private static boolean sameVersion(BsonDocument first, BsonDocument second) {
        return second != null && second.getNumber(VERSION).longValue() == first.getNumber(VERSION).longValue();
    }

    private static void pause(int attempt) {
        try {
            // Short: writes of one chat leave gaps of a few milliseconds, and a read needs only one of them.
            Thread.sleep(Math.min(10, 1L << Math.min(attempt, 4)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MongoAccessException("interrupted while waiting for a chat write to land", e);
        }
    }

    private Bson filter(ChatQuery query) {
        return ChatQueryFilter.of(query, this::chatsWithContentMatching);
    }

    /** Ids of chats (of the owner, when given) with a message or long legacy text matching the expression. */
    private Collection<String> chatsWithContentMatching(Bson owner, BsonRegularExpression pattern) {
        Bson content = ChatQueryFilter.matches(CONTENT_TEXT, pattern);
        Set<String> ids = new HashSet<>();
        messages.distinct("_id.chatId", owner == null ? content : Filters.and(owner, content), BsonValue.class)
                .forEach(id -> ids.add(id.asString().getValue()));
        Bson text = ChatQueryFilter.matches("text", pattern);
        ids.addAll(parts.ownersOfTextMatching(owner == null ? text : Filters.and(owner, text)));
        return ids;
    }

    // ---------------------------------------------------------------------------------------------------------
    // deletes and bulk changes

    @Override
    public boolean delete(ChatId id) {
        return store.call("delete chat", () -> deleteWhere(Filters.eq(ID, id.value())) == 1);
    }

    @Override
    public int deleteAllOwnedBy(UserId owner) {
        // Unfinished first writes too: nothing of the user's may remain.
        return store.call("delete chats of a user", () -> deleteWhere(Filters.eq(USER, owner.value())));
    }

    @Override
    public int deleteInFolders(UserId owner, Set<FolderId> folders) {
        if (folders.isEmpty()) {
            return 0;
        }
        return store.call("delete chats in folders", () -> deleteWhere(inFolders(owner, folders)));
    }

    /** Deletes the chats matching the filter with their shares, messages and parts; the number of chats. */
    private int deleteWhere(Bson filter) {
        List<String> ids = chats.find(filter).projection(Projections.include(ID))
                .map(document -> document.getString(ID).getValue()).into(new ArrayList<>());
        int deleted = 0;
        for (int from = 0; from < ids.size(); from += BATCH_DOCUMENTS) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + BATCH_DOCUMENTS));
            // Shares first: a share must not outlive its chat, even if this process dies right here.
            MongoShareRepository.deleteSharesOfChats(store, batch);
            deleted += (int) chats.deleteMany(Filters.and(Filters.in(ID, batch), filter)).getDeletedCount();
            Set<String> gone = new HashSet<>(batch);
            chats.find(Filters.in(ID, batch)).projection(Projections.include(ID))
                    .forEach(survivor -> gone.remove(survivor.getString(ID).getValue()));
            if (!gone.isEmpty()) {
                messages.deleteMany(Filters.in("_id.chatId", gone));
                parts.deleteOwners(gone);
            }
        }
        return deleted;
    }

    @Override
    public int setArchivedOfAll(UserId owner, boolean archived) {
        return store.call("archive all chats", () -> (int) chats.updateMany(
                Filters.and(Filters.eq(USER, owner.value()), Filters.ne(ChatDocumentMapper.ARCHIVED, archived),
                        ChatQueryFilter.visible()),
                Updates.combine(Updates.set(ChatDocumentMapper.ARCHIVED, archived), Updates.inc(VERSION, 1L)))
                .getModifiedCount());
    }

    @Override
    public long countInFolders(UserId owner, Set<FolderId> folders) {
        if (folders.isEmpty()) {
            return 0;
        }
        return store.call("count chats in folders", () -> chats.countDocuments(inFolders(owner, folders)));
    }

    @Override
    public int moveToRoot(UserId owner, Set<FolderId> folders) {
        if (folders.isEmpty()) {
            return 0;
        }
        return store.call("move chats to the root", () -> (int) chats.updateMany(inFolders(owner, folders),
                Updates.combine(Updates.set(FOLDER, null), Updates.inc(VERSION, 1L))).getModifiedCount());
    }

    private static Bson inFolders(UserId owner, Set<FolderId> folders) {
        return Filters.and(Filters.eq(USER, owner.value()),
                Filters.in(FOLDER, folders.stream().map(FolderId::value).sorted().toList()),
                ChatQueryFilter.visible());
    }

    // ---------------------------------------------------------------------------------------------------------

    private long now() {
        return System.currentTimeMillis();
    }

    private static String newToken() {
        return UUID.randomUUID().toString();
    }

    /**
     * Everything one write of a chat stores, encoded and checked against MongoDB's document limit before anything is
     * written, so a chat that cannot be stored is refused whole.
     */
    private static final class Write {

        private final StoredBody body;
        private final String legacyText;
        private final BsonDocument listFields;
        private final List<RawBsonDocument> upserts;
        private final Collection<String> removed;
        private final boolean legacyInline;
        private Integer bodyParts;
        private Integer legacyParts;

        private Write(StoredBody body, String legacyText, BsonDocument listFields, List<RawBsonDocument> upserts,
                      Collection<String> removed) {
            this.body = body;
            this.legacyText = legacyText;
            this.listFields = listFields;
            this.upserts = upserts;
            this.removed = removed;
            this.legacyInline = ChatDocumentMapper.fitsInline(legacyText);
        }

        static Write of(Chat chat, Collection<Message> upserted, Collection<String> removed, long committedVersion) {
            List<RawBsonDocument> upserts = new ArrayList<>(upserted.size());
            for (Message message : upserted) {
                RawBsonDocument document = ChatDocumentMapper.messageDocument(chat, message, committedVersion);
                if (ChatDocumentMapper.size(document) > MAX_DOCUMENT_BYTES) {
                    throw new MongoAccessException("message " + message.id() + " of chat " + chat.id()
                            + " is larger than MongoDB's 16 MB document limit", null);
                }
                upserts.add(document);
            }
            Write write = new Write(StoredBody.of(chat.storedDocument().body()),
                    chat.storedDocument().legacyMessagesText(), ChatDocumentMapper.listFields(chat),
                    upserts, List.copyOf(removed));
            BsonDocument fields = new BsonDocument();
            write.fields("").forEach(fields::append);
            if (ChatDocumentMapper.size(ChatDocumentMapper.raw(fields)) > MAX_DOCUMENT_BYTES) {
                throw new MongoAccessException("chat " + chat.id() + " has a title or meta larger than MongoDB's"
                        + " 16 MB document limit", null);
            }
            return write;
        }

        boolean spills() {
            return body.spilled() || !legacyInline();
        }

        boolean legacyInline() {
            return legacyInline;
        }

        /** Writes the body and legacy text that do not fit the chat document, under this revision. */
        void writeParts(Parts parts, String chatId, String rev, UserId owner) {
            if (body.spilled()) {
                bodyParts = parts.writeBytes(chatId, rev, body.bytes());
            }
            if (!legacyInline()) {
                legacyParts = parts.writeText(chatId, rev, owner.value(), legacyText);
            }
        }

        /** The chat document's fields this write sets; references to parts name revision {@code rev}. */
        Map<String, BsonValue> fields(String rev) {
            Map<String, BsonValue> fields = new LinkedHashMap<>(listFields);
            if (body.spilled()) {
                fields.put(BODY_PARTS, partsRef(rev, bodyParts));
            } else {
                fields.put(BODY, body.inline());
            }
            fields.put(LEGACY_TEXT, new BsonString(legacyInline() ? legacyText : ""));
            if (!legacyInline()) {
                fields.put(LEGACY_PARTS, partsRef(rev, legacyParts));
            }
            return fields;
        }

        private BsonDocument partsRef(String rev, Integer count) {
            int expected = count != null ? count : 0;
            return new BsonDocument("rev", new BsonString(rev == null ? "" : rev)).append("count",
                    new BsonInt32(expected));
        }
    }
}
