package dev.chats.adapters.mongo;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.BsonDocument;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.chats.adapters.mongo.ChatDocumentMapper.APPLYING;
import static dev.chats.adapters.mongo.ChatDocumentMapper.ID;
import static dev.chats.adapters.mongo.ChatDocumentMapper.REVISION;

/**
 * The apply step of {@link CommitThenApply}: a committed change set written to {@code chat_messages} under a renewed
 * hold, then cleared from the chat document; also for a change set whose writer is gone. Applying is idempotent and
 * never goes back: a message document is replaced only by one of a later version, and deleted only if it is older
 * than the removal, so it may run twice or be taken over.
 */
final class ChangeSetApplier {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeSetApplier.class);

    private final MongoCollection<BsonDocument> chats;
    private final MongoCollection<BsonDocument> messages;
    private final Holds holds;
    private final RecordedChanges recorded;

    ChangeSetApplier(MongoStore store, Holds holds, RecordedChanges recorded) {
        this.chats = store.collection(MongoStore.CHATS);
        this.messages = store.collection(MongoStore.CHAT_MESSAGES);
        this.holds = holds;
        this.recorded = recorded;
    }

    /**
     * Applies a committed change set to the message documents, renewing its hold meanwhile, then clears it. Stops
     * early, without error, if another writer has taken it over (this one stalled past the term).
     */
    void apply(String id, String token, long revision, ChangeSet changes) {
        Bson mine = Filters.and(Filters.eq(ID, id), Filters.eq(APPLYING + ".token", token));
        try (Holds.Hold hold = holds.hold(mine, APPLYING + ".until")) {
            // A document of a later version stays: this change set is older than what is there.
            Bson older = Filters.or(Filters.lt(REVISION, revision), Filters.exists(REVISION, false));
            for (List<BsonDocument> batch : WriteBatches.of(changes.upserts())) {
                if (hold.lost()) {
                    return;
                }
                upsert(batch, older);
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
        CleanUps.quietly(() -> recorded.deleteParts(id, token));
    }

    /** Applies a change set whose writer is gone (its hold ran out) and clears it; nothing if another got there. */
    void complete(String id, BsonDocument applying) {
        String token = applying.getString("token").getValue();
        long taken = chats.updateOne(Filters.and(Filters.eq(ID, id), Filters.eq(APPLYING + ".token", token),
                        Filters.lt(APPLYING + ".until", Holds.now())),
                Updates.set(APPLYING + ".until", holds.until())).getMatchedCount();
        if (taken == 0) {
            return;
        }
        Optional<ChangeSet> changes = recorded.read(id, applying);
        if (changes.isEmpty()) {
            LOG.warn("Chat {}: the change set of an abandoned write is gone; clearing it", id);
            chats.updateOne(Filters.and(Filters.eq(ID, id), Filters.eq(APPLYING + ".token", token)),
                    Updates.unset(APPLYING));
            return;
        }
        LOG.info("Chat {}: applying the change set of a write whose writer is gone", id);
        apply(id, token, applying.getNumber(REVISION).longValue(), changes.get());
    }

    private void upsert(List<BsonDocument> batch, Bson older) {
        List<WriteModel<BsonDocument>> upserts = new ArrayList<>(batch.size());
        for (BsonDocument document : batch) {
            upserts.add(new ReplaceOneModel<>(Filters.and(Filters.eq(ID, document.get(ID)), older), document,
                    new ReplaceOptions().upsert(true)));
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
}
