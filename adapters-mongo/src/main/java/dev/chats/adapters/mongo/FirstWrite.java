package dev.chats.adapters.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.port.ChatVersionConflictException;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;

import java.util.List;
import java.util.UUID;

import static dev.chats.adapters.mongo.ChatDocumentMapper.CREATED;
import static dev.chats.adapters.mongo.ChatDocumentMapper.ID;
import static dev.chats.adapters.mongo.ChatDocumentMapper.LEASE;
import static dev.chats.adapters.mongo.ChatDocumentMapper.USER;
import static dev.chats.adapters.mongo.ChatDocumentMapper.VERSION;

/**
 * The first write of a chat: its document inserted hidden under a {@code lease} (a {@link Holds hold}, renewed while
 * the write runs), then its messages, then unhidden. Every read and list ignores the chat until then. If the writer
 * dies, the chat stays hidden, and its id is free again once the lease runs out; a later first write under that id
 * clears what was left.
 */
final class FirstWrite {

    private final MongoStore store;
    private final MongoCollection<BsonDocument> chats;
    private final MongoCollection<BsonDocument> messages;
    private final Parts parts;
    private final Holds holds;

    FirstWrite(MongoStore store, Parts parts, Holds holds) {
        this.store = store;
        this.chats = store.collection(MongoStore.CHATS);
        this.messages = store.collection(MongoStore.CHAT_MESSAGES);
        this.parts = parts;
        this.holds = holds;
    }

    /**
     * Stores a chat not stored before.
     *
     * @throws ChatVersionConflictException if another writer took the lease over (this one stalled past the term)
     * @throws MongoAccessException         if a chat with this id is stored
     */
    void add(Chat chat, ChatWrite write) {
        String id = chat.id().value();
        String token = UUID.randomUUID().toString();
        // Parts of a new revision first: no document refers to it yet, so no reader can see them.
        write.writeParts(parts, id, token, chat.ownerId());
        BsonDocument document = new BsonDocument(ID, new BsonString(id))
                .append(USER, new BsonString(chat.ownerId().value()))
                .append(CREATED, new BsonInt64(chat.createdAt()))
                .append(VERSION, new BsonInt64(chat.version()));
        write.fields(token).forEach(document::append);
        document.append(LEASE, holds.firstWriteLease(token));
        try {
            insertOrTakeOverAbandoned(chat.id(), document);
        } catch (RuntimeException e) {
            CleanUps.quietly(() -> parts.deleteRevision(id, token));
            throw e;
        }
        boolean committed = false;
        Bson mine = Filters.and(Filters.eq(ID, id), Filters.eq(LEASE + ".token", token));
        try (Holds.Hold hold = holds.hold(mine, LEASE + ".until")) {
            // Leftovers of a deleted chat with this id, or of a first write that died.
            messages.deleteMany(Filters.eq("_id.chatId", id));
            parts.deleteOtherRevisions(id, token);
            insertMessages(write.upserts, hold, chat);
            committed = chats.updateOne(mine, Updates.unset(LEASE)).getMatchedCount() == 1;
        } finally {
            if (!committed) {
                abandon(id, token);
            }
        }
        if (!committed) {
            throw new ChatVersionConflictException(chat.id(), chat.version());
        }
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
                    Filters.lt(LEASE + ".until", Holds.now())), document).getMatchedCount();
            if (matched == 0) {
                throw new MongoAccessException("chat " + id + " is already stored", e);
            }
        }
    }

    private void insertMessages(List<RawBsonDocument> documents, Holds.Hold hold, Chat chat) {
        for (List<RawBsonDocument> batch : WriteBatches.of(documents)) {
            if (hold.lost()) {
                store.countVersionConflict();
                throw new ChatVersionConflictException(chat.id(), chat.version());
            }
            messages.insertMany(batch, new InsertManyOptions().ordered(false));
        }
    }

    /** Removes what an unfinished first write left, if the chat is still its (or gone). Best effort. */
    private void abandon(String id, String token) {
        CleanUps.quietly(() -> {
            if (chats.deleteOne(Filters.and(Filters.eq(ID, id), Filters.eq(LEASE + ".token", token)))
                    .getDeletedCount() == 1
                    || chats.find(Filters.eq(ID, id)).projection(Projections.include(ID)).first() == null) {
                messages.deleteMany(Filters.eq("_id.chatId", id));
                parts.deleteOtherRevisions(id, null);
            }
        });
    }
}
