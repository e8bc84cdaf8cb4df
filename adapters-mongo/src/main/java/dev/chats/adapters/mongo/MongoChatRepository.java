package dev.chats.adapters.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.ChatQuery;
import dev.chats.domain.chat.ChatSummary;
import dev.chats.domain.chat.Message;
import dev.chats.domain.chat.MessageChanges;
import dev.chats.domain.chat.PageRequest;
import dev.chats.domain.chat.SortDirection;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.port.ChatVersionConflictException;
import dev.chats.domain.stats.ChatFacts;
import dev.chats.domain.stats.MessageFacts;
import dev.chats.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonRegularExpression;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import static dev.chats.adapters.mongo.ChatDocumentMapper.BODY;
import static dev.chats.adapters.mongo.ChatDocumentMapper.BODY_PARTS;
import static dev.chats.adapters.mongo.ChatDocumentMapper.CONTENT_TEXT;
import static dev.chats.adapters.mongo.ChatDocumentMapper.CREATED;
import static dev.chats.adapters.mongo.ChatDocumentMapper.FOLDER;
import static dev.chats.adapters.mongo.ChatDocumentMapper.ID;
import static dev.chats.adapters.mongo.ChatDocumentMapper.LEASE;
import static dev.chats.adapters.mongo.ChatDocumentMapper.META;
import static dev.chats.adapters.mongo.ChatDocumentMapper.TITLE;
import static dev.chats.adapters.mongo.ChatDocumentMapper.UPDATED;
import static dev.chats.adapters.mongo.ChatDocumentMapper.USER;
import static dev.chats.adapters.mongo.ChatDocumentMapper.VERSION;

/**
 * Persistence adapter: stores chats in MongoDB, one document per chat in {@code chats} (see
 * {@link ChatDocumentMapper}) and one per message in {@code chat_messages}.
 *
 * <p>A chat write touches the chat document and some message documents, and MongoDB changes one document atomically
 * (transactions need a replica set, and the in-process test server has none). Updates follow {@link CommitThenApply}:
 * the chat document's commit records the write's message changes, which are applied to {@code chat_messages}
 * afterwards, so the committed chat is always readable and no reader waits for a writer. The design note
 * {@code docs/mongodb-write-protocol.md} explains it.
 *
 * <p>A first write ({@link #add}) inserts the chat document hidden under a {@code lease} (renewed while it runs), then
 * its messages, then unhides it: every read and list ignores the chat until then. If it dies, the chat stays hidden
 * and its id is free again once the lease runs out ({@link CommitThenApply#DEFAULT_TERM}).
 *
 * <p>Deleting chats deletes their shares first, then the chat documents (the commit point: readers find nothing),
 * then messages and parts; a death in between leaves unreachable messages, which a later add under the same id
 * clears. Bulk archive and move are single {@code updateMany} calls that move each changed chat's version on.
 */
@Singleton
@MongoPersistence
public final class MongoChatRepository implements ChatRepository {

    /** Message documents per bulk insert of a first write, and their bytes. */
    /** Chat documents per reply when reading whole chats. */
    private static final int CHAT_BATCH = 100;

    private static final Bson LIST_PROJECTION = Projections.include(ID, TITLE, UPDATED, CREATED);

    private final MongoStore store;
    private final MongoCollection<BsonDocument> chats;
    private final MongoCollection<BsonDocument> messages;
    private final Parts parts;
    private final CommitThenApply protocol;

    @Inject
    public MongoChatRepository(MongoStore store) {
        this(store, CommitThenApply.DEFAULT_TERM, CommitThenApply.DEFAULT_READ_WAIT);
    }

    /**
     * @param term     how long a writer's hold lasts unless renewed (it is renewed every third of it)
     * @param readWait how long a read retries before it reports the chat unavailable
     */
    MongoChatRepository(MongoStore store, Duration term, Duration readWait) {
        this.store = store;
        this.chats = store.collection(MongoStore.CHATS);
        this.messages = store.collection(MongoStore.CHAT_MESSAGES);
        this.parts = new Parts(store.collection(MongoStore.CHAT_PARTS));
        this.protocol = new CommitThenApply(store, parts, term, readWait);
    }

    // ---------------------------------------------------------------------------------------------------------
    // writes

    @Override
    public Chat add(Chat chat) {
        return store.call("add chat", () -> {
            // Every message, not only the pending ones: a chat restored elsewhere (a copy) has none pending.
            ChatWrite write = ChatWrite.of(chat, chat.storedDocument().messages(), List.of(), chat.version());
            String id = chat.id().value();
            String token = newToken();
            // Parts of a new revision first: no document refers to it yet, so no reader can see them.
            write.writeParts(parts, id, token, chat.ownerId());
            BsonDocument document = new BsonDocument(ID, new BsonString(id))
                    .append(USER, new BsonString(chat.ownerId().value()))
                    .append(CREATED, new BsonInt64(chat.createdAt()))
                    .append(VERSION, new BsonInt64(chat.version()));
            write.fields(token).forEach(document::append);
            document.append(LEASE, protocol.firstWriteLease(token));
            try {
                insertOrTakeOverAbandoned(chat.id(), document);
            } catch (RuntimeException e) {
                CommitThenApply.quietly(() -> parts.deleteRevision(id, token));
                throw e;
            }
            boolean committed = false;
            Bson mine = Filters.and(Filters.eq(ID, id), Filters.eq(LEASE + ".token", token));
            try (CommitThenApply.Hold hold = protocol.hold(mine, LEASE + ".until")) {
                // Leftovers of a deleted chat with this id, or of a first write that died.
                messages.deleteMany(Filters.eq("_id.chatId", id));
                parts.deleteOtherRevisions(id, token);
                insertMessages(write.upserts, hold, chat);
                committed = chats.updateOne(mine, Updates.unset(LEASE)).getMatchedCount() == 1;
            } finally {
                if (!committed) {
                    abandonAdd(id, token);
                }
            }
            if (!committed) {
                throw new ChatVersionConflictException(chat.id(), chat.version());
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
                    Filters.lt(LEASE + ".until", System.currentTimeMillis())), document).getMatchedCount();
            if (matched == 0) {
                throw new MongoAccessException("chat " + id + " is already stored", e);
            }
        }
    }

    /** Removes what an unfinished first write left, if the chat is still its (or gone). Best effort. */
    private void abandonAdd(String id, String token) {
        CommitThenApply.quietly(() -> {
            if (chats.deleteOne(Filters.and(Filters.eq(ID, id), Filters.eq(LEASE + ".token", token)))
                    .getDeletedCount() == 1
                    || chats.find(Filters.eq(ID, id)).projection(Projections.include(ID)).first() == null) {
                messages.deleteMany(Filters.eq("_id.chatId", id));
                parts.deleteOtherRevisions(id, null);
            }
        });
    }

    @Override
    public Chat update(Chat chat) {
        return store.call("update chat", () -> {
            MessageChanges changes = chat.pendingMessageChanges();
            protocol.update(chat, ChatWrite.of(chat, changes.upserted().values(), changes.removed(),
                    chat.version() + 1));
            return chat.afterUpdate();
        });
    }

    private void insertMessages(List<RawBsonDocument> documents, CommitThenApply.Hold hold, Chat chat) {
        for (List<RawBsonDocument> batch : WriteBatches.of(documents)) {
            if (hold.lost()) {
                store.countVersionConflict();
                throw new ChatVersionConflictException(chat.id(), chat.version());
            }
            messages.insertMany(batch, new InsertManyOptions().ordered(false));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // reads

    @Override
    public Optional<Chat> findById(ChatId id) {
        return store.call("find chat", () -> protocol.read(id.value(), MessageReader.WHOLE, this::build));
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
        return store.call("list chats", () -> protocol.readAll(chats.find(filter(query))
                .projection(CommitThenApply.whole()).sort(ChatQueryFilter.sort(query))
                .skip((int) query.page().offset()).limit(query.page().limit()).batchSize(CHAT_BATCH)
                .into(new ArrayList<>()), MessageReader.WHOLE, this::build));
    }

    /**
     * Statistics facts of a page of the owner's chats, read through the write protocol like every read here: the
     * chat documents (their bodies hold no messages) and the message documents projected by the database to their
     * facts ({@link MessageFactsReader}), so no message content is read.
     */
    @Override
    public List<ChatFacts> findFacts(UserId owner, OptionalLong updatedAfter, SortDirection direction,
                                     PageRequest page) {
        if (page.offset() > Integer.MAX_VALUE) {
            return List.of();
        }
        List<Bson> conditions = new ArrayList<>(List.of(Filters.eq(USER, owner.value()), ChatQueryFilter.visible()));
        updatedAfter.ifPresent(after -> conditions.add(Filters.gt(UPDATED, after)));
        Bson sort = Sorts.orderBy(direction == SortDirection.ASC ? Sorts.ascending(UPDATED)
                : Sorts.descending(UPDATED), Sorts.ascending(ID));
        return store.call("read chat statistics", () -> protocol.readAll(chats.find(Filters.and(conditions))
                .projection(CommitThenApply.whole()).sort(sort).skip((int) page.offset()).limit(page.limit())
                .batchSize(CHAT_BATCH).into(new ArrayList<>()), MessageFactsReader.INSTANCE, this::facts));
    }

    @Override
    public long countChats(UserId owner, OptionalLong updatedAfter) {
        List<Bson> conditions = new ArrayList<>(List.of(Filters.eq(USER, owner.value()), ChatQueryFilter.visible()));
        updatedAfter.ifPresent(after -> conditions.add(Filters.gt(UPDATED, after)));
        return store.call("count chats", () -> chats.countDocuments(Filters.and(conditions)));
    }

    @Override
    public Optional<ChatFacts> findFacts(ChatId id) {
        return store.call("read chat statistics", () -> protocol.read(id.value(), MessageFactsReader.INSTANCE,
                this::facts));
    }

    /**
     * The facts of a chat from its document and its messages' facts; empty when a part of its body is gone. As with
     * {@link #build}, message documents of a body without a message object are left out.
     */
    private Optional<ChatFacts> facts(BsonDocument document, List<MessageFacts> messageFacts) {
        return body(document).map(body -> {
            Map<String, MessageFacts> byKey = new LinkedHashMap<>();
            if (ChatDocumentMapper.hasMessageMap(body)) {
                messageFacts.forEach(facts -> byKey.put(facts.key(), facts));
            }
            return ChatFacts.ofFacts(new ChatId(document.getString(ID).getValue()),
                    new UserId(document.getString(USER).getValue()), document.getNumber(CREATED).longValue(),
                    document.getNumber(UPDATED).longValue(), BsonJson.toMap(document.getDocument(META)), body,
                    byKey);
        });
    }

    /** The chat from its document and messages; empty when a part of its body is gone (a newer write replaced it). */
    private Optional<Chat> build(BsonDocument document, List<Message> chatMessages) {
        return body(document).map(body -> ChatDocumentMapper.chat(document, body, chatMessages));
    }

    /** The body of a chat document, inline or from its parts; empty when the parts are gone. */
    private Optional<Map<String, Object>> body(BsonDocument document) {
        if (document.containsKey(BODY)) {
            return Optional.of(BsonJson.toMap(document.getDocument(BODY)));
        }
        BsonDocument ref = document.getDocument(BODY_PARTS);
        byte[] bytes = parts.readBytes(document.getString(ID).getValue(), ref.getString("rev").getValue(),
                ref.getNumber("count").intValue());
        return bytes == null ? Optional.empty() : Optional.of(ChatDocumentMapper.body(bytes));
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
        for (int from = 0; from < ids.size(); from += WriteBatches.DOCUMENTS) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + WriteBatches.DOCUMENTS));
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

    private static String newToken() {
        return UUID.randomUUID().toString();
    }
}
