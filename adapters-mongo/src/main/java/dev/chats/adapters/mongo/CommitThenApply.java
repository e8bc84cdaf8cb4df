package dev.chats.adapters.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.port.ChatVersionConflictException;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.chats.adapters.mongo.ChatDocumentMapper.APPLYING;
import static dev.chats.adapters.mongo.ChatDocumentMapper.BODY;
import static dev.chats.adapters.mongo.ChatDocumentMapper.BODY_PARTS;
import static dev.chats.adapters.mongo.ChatDocumentMapper.ID;
import static dev.chats.adapters.mongo.ChatDocumentMapper.LEASE;
import static dev.chats.adapters.mongo.ChatDocumentMapper.LEGACY_PARTS;
import static dev.chats.adapters.mongo.ChatDocumentMapper.VERSION;

/**
 * The update of a chat on MongoDB without multi-document transactions: <em>commit, then apply</em>. One atomic update
 * of the chat document commits it — the new fields, the version moved on, and the write's {@link ChangeSet change
 * set} recorded in {@code applying} ({@link RecordedChanges}) — then the {@link ChangeSetApplier} applies the change
 * set to {@code chat_messages} and clears it. Nothing is written to {@code chat_messages} before the commit, so the
 * committed chat is always there to read ({@link ConsistentRead}).
 *
 * <p>A write commits only while no change set is recorded, so writes of one chat are applied one after another. A
 * writer that finds one being applied waits for it; one that finds it abandoned (its hold ran out, its writer died)
 * applies it itself, then commits. The design note {@code docs/mongodb-write-protocol.md} gives the reasoning, the
 * trade-offs and what would replace it.
 */
final class CommitThenApply {

    private static final Logger LOG = LoggerFactory.getLogger(CommitThenApply.class);

    private final MongoStore store;
    private final MongoCollection<BsonDocument> chats;
    private final Parts parts;
    private final Holds holds;
    private final RecordedChanges recorded;
    private final ChangeSetApplier applier;

    CommitThenApply(MongoStore store, Parts parts, Holds holds, RecordedChanges recorded, ChangeSetApplier applier) {
        this.store = store;
        this.chats = store.collection(MongoStore.CHATS);
        this.parts = parts;
        this.holds = holds;
        this.recorded = recorded;
        this.applier = applier;
    }

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
        BsonDocument before;
        try {
            // Parts of a new revision first: no document refers to them yet, so no reader can see them.
            write.writeParts(parts, id, token, chat.ownerId());
            List<Bson> updates = commitUpdates(write, token);
            if (changes != null) {
                updates.add(Updates.set(APPLYING, recorded.record(id, token, next, holds.until(), changes,
                        write.fieldsBytes())));
            }
            before = commit(chat.id(), chat.version(), Updates.combine(updates));
        } catch (RuntimeException e) {
            CleanUps.quietly(() -> {
                parts.deleteRevision(id, token);
                recorded.deleteParts(id, token);
            });
            throw e;
        }
        if (changes != null) {
            try {
                applier.apply(id, token, next, ChangeSet.of(changes));
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
        long deadline = holds.waitDeadline();
        for (int attempt = 0; ; attempt++) {
            BsonDocument before = chats.findOneAndUpdate(committable, update, new FindOneAndUpdateOptions()
                    .projection(Projections.include(BODY_PARTS, LEGACY_PARTS)).returnDocument(ReturnDocument.BEFORE));
            if (before != null) {
                return before;
            }
            BsonDocument state = chats.find(Filters.eq(ID, id.value())).projection(Holds.STATE).first();
            if (state == null || state.getNumber(VERSION).longValue() != version || Holds.isHidden(state)
                    || !(state.get(APPLYING) instanceof BsonDocument applying) || Holds.now() >= deadline) {
                store.countVersionConflict();
                throw new ChatVersionConflictException(id, version);
            }
            if (applying.getNumber("until").longValue() < Holds.now()) {
                applier.complete(id.value(), applying);
            } else {
                Holds.pause(attempt);
            }
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
                CleanUps.quietly(() -> parts.deleteRevision(id, rev));
            }
        }
    }
}
