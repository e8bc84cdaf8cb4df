package dev.chats.adapters.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatStorage;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.ChatQuery;
import dev.chats.domain.chat.ChatSummary;
import dev.chats.domain.chat.Message;
import dev.chats.domain.chat.MessageChanges;
import dev.chats.domain.chat.PageRequest;
import dev.chats.domain.chat.SortDirection;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.stats.ChatFacts;
import dev.chats.domain.stats.MessageFacts;
import dev.chats.domain.user.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.bson.BsonDocument;
import org.bson.BsonRegularExpression;
import org.bson.BsonValue;
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

import static dev.chats.adapters.mongo.ChatDocumentMapper.BODY;
import static dev.chats.adapters.mongo.ChatDocumentMapper.BODY_PARTS;
import static dev.chats.adapters.mongo.ChatDocumentMapper.CONTENT_TEXT;
import static dev.chats.adapters.mongo.ChatDocumentMapper.CREATED;
import static dev.chats.adapters.mongo.ChatDocumentMapper.FOLDER;
import static dev.chats.adapters.mongo.ChatDocumentMapper.ID;
import static dev.chats.adapters.mongo.ChatDocumentMapper.META;
import static dev.chats.adapters.mongo.ChatDocumentMapper.TITLE;
import static dev.chats.adapters.mongo.ChatDocumentMapper.UPDATED;
import static dev.chats.adapters.mongo.ChatDocumentMapper.USER;
import static dev.chats.adapters.mongo.ChatDocumentMapper.VERSION;

/**
 * Persistence adapter: stores chats in MongoDB, one document per chat in {@code chats} (see
 * {@link ChatDocumentMapper}) and one per message in {@code chat_messages}.
 *
 * <p>The writes and reads of whole chats follow the adapter's write protocol, since MongoDB changes one document
 * atomically and multi-document transactions need a replica set: a first write goes through {@link FirstWrite}
 * (hidden under a lease until its messages are in), an update through {@link CommitThenApply} (the chat document's
 * commit records the message changes, applied afterwards), and every read of whole chats or their facts through
 * {@link ConsistentRead}. The design note {@code docs/mongodb-write-protocol.md} explains it; this class keeps to the
 * port's methods and the mapping of documents to chats.
 *
 * <p>Deletions go through {@link ChatDeletion} (shares first, the chat documents as the commit point). Bulk archive
 * and move are single {@code updateMany} calls that move each changed chat's version on.
 */
@Singleton
@MongoPersistence
public final class MongoChatRepository implements ChatRepository {

    /** Chat documents per reply when reading whole chats. */
    private static final int CHAT_BATCH = 100;

    private static final Bson LIST_PROJECTION = Projections.include(ID, TITLE, UPDATED, CREATED);

    private final MongoStore store;
    private final MongoCollection<BsonDocument> chats;
    private final MongoCollection<BsonDocument> messages;
    private final Parts parts;
    private final FirstWrite firstWrite;
    private final CommitThenApply writer;
    private final ConsistentRead reader;
    private final ChatDeletion deletion;
    private final MessageEditRead editRead;

    @Inject
    public MongoChatRepository(MongoStore store) {
        this(store, Holds.DEFAULT_TERM, ConsistentRead.DEFAULT_READ_WAIT);
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
        Holds holds = new Holds(chats, term);
        RecordedChanges recorded = new RecordedChanges(parts);
        this.firstWrite = new FirstWrite(store, parts, holds);
        this.writer = new CommitThenApply(store, parts, holds, recorded, new ChangeSetApplier(store, holds, recorded));
        this.reader = new ConsistentRead(store, recorded, readWait);
        this.deletion = new ChatDeletion(store, parts);
        this.editRead = new MessageEditRead(store, this::body);
    }

    // ---------------------------------------------------------------------------------------------------------
    // writes

    @Override
    public Chat add(Chat chat) {
        return store.call("add chat", () -> {
            // Every message, not only the pending ones: a chat restored elsewhere (a copy) has none pending.
            firstWrite.add(chat, ChatWrite.of(chat, ChatStorage.of(chat).document().messages(), List.of(),
                    chat.version()));
            return ChatStorage.of(chat).inserted();
        });
    }

    @Override
    public Chat update(Chat chat) {
        return store.call("update chat", () -> {
            MessageChanges changes = ChatStorage.of(chat).pendingMessageChanges();
            writer.update(chat, ChatWrite.of(chat, changes.upserted().values(), changes.removed(),
                    chat.version() + 1));
            return ChatStorage.of(chat).updated();
        });
    }

    // ---------------------------------------------------------------------------------------------------------
    // reads

    @Override
    public Optional<Chat> findById(ChatId id) {
        return store.call("find chat", () -> reader.read(id.value(), MessageReader.WHOLE, this::build));
    }

    @Override
    public Optional<Chat> findForMessageEdit(ChatId id, String messageId) {
        return store.call("find chat for a message edit", () -> editRead.read(id.value(), messageId,
                () -> reader.read(id.value(), MessageReader.WHOLE, this::build)));
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
        return store.call("list chats", () -> reader.readAll(chats.find(filter(query))
                .projection(ConsistentRead.WHOLE).sort(ChatQueryFilter.sort(query))
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
        return store.call("read chat statistics", () -> reader.readAll(chats.find(Filters.and(conditions))
                .projection(ConsistentRead.WHOLE).sort(sort).skip((int) page.offset()).limit(page.limit())
                .batchSize(CHAT_BATCH).into(new ArrayList<>()), MessageFactsReader.INSTANCE, this::facts));
    }

    @Override
    public long count(ChatQuery query) {
        return store.call("count chats", () -> chats.countDocuments(filter(query)));
    }

    @Override
    public long countChats(UserId owner, OptionalLong updatedAfter) {
        List<Bson> conditions = new ArrayList<>(List.of(Filters.eq(USER, owner.value()), ChatQueryFilter.visible()));
        updatedAfter.ifPresent(after -> conditions.add(Filters.gt(UPDATED, after)));
        return store.call("count chats", () -> chats.countDocuments(Filters.and(conditions)));
    }

    @Override
    public Optional<ChatFacts> findFacts(ChatId id) {
        return store.call("read chat statistics", () -> reader.read(id.value(), MessageFactsReader.INSTANCE,
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
        return store.call("delete chat", () -> deletion.deleteWhere(Filters.eq(ID, id.value())) == 1);
    }

    @Override
    public int deleteAllOwnedBy(UserId owner) {
        // Unfinished first writes too: nothing of the user's may remain.
        return store.call("delete chats of a user", () -> deletion.deleteWhere(Filters.eq(USER, owner.value())));
    }

    @Override
    public int deleteInFolders(UserId owner, Set<FolderId> folders) {
        if (folders.isEmpty()) {
            return 0;
        }
        return store.call("delete chats in folders", () -> deletion.deleteWhere(inFolders(owner, folders)));
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

}
