package dev.chats.adapters.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import static dev.chats.adapters.mongo.ChatDocumentMapper.APPLYING;
import static dev.chats.adapters.mongo.ChatDocumentMapper.ID;
import static dev.chats.adapters.mongo.ChatDocumentMapper.LEASE;
import static dev.chats.adapters.mongo.ChatDocumentMapper.VERSION;

/**
 * A writer's hold on a chat document: a token and an {@code until} time in the document that other writers respect
 * until it passes, renewed every third of the term while the writer works. Two kinds: the {@code lease} of a first
 * write, which hides the chat until its messages are in, and {@code applying.until} of a committed change set being
 * applied. A hold that runs out is free to take over: its writer died or stalled.
 */
final class Holds {

    /** How long a writer's hold (an unapplied change set, an unfinished first write) lasts unless it is renewed. */
    static final Duration DEFAULT_TERM = Duration.ofSeconds(3);
    /** What a writer reads of a chat document whose commit matched nothing: who holds it, at which version. */
    static final Bson STATE = Projections.include(ID, VERSION, APPLYING, LEASE);

    private static final Logger LOG = LoggerFactory.getLogger(Holds.class);
    private static final ScheduledExecutorService RENEWALS = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "mongo-chat-lease-renewal");
        thread.setDaemon(true);
        return thread;
    });

    private final MongoCollection<BsonDocument> chats;
    private final long termMillis;

    Holds(MongoCollection<BsonDocument> chats, Duration term) {
        this.chats = chats;
        this.termMillis = term.toMillis();
    }

    /** The {@code until} of a hold taken or renewed now. */
    long until() {
        return now() + termMillis;
    }

    /** How long a writer waits for others' holds before it reports a conflict: two terms and a second. */
    long waitDeadline() {
        return now() + 2 * termMillis + 1_000;
    }

    /** A new hold for a first write: the hidden chat document's {@code lease}, renewed while the write runs. */
    BsonDocument firstWriteLease(String token) {
        return new BsonDocument("token", new BsonString(token)).append("until", new BsonInt64(until()))
                .append("adding", BsonBoolean.TRUE);
    }

    /** Whether the chat document is a first write still hidden under its lease. */
    static boolean isHidden(BsonDocument document) {
        return document.get(LEASE) instanceof BsonDocument lease && lease.getBoolean("adding", BsonBoolean.FALSE)
                .getValue();
    }

    /** Renews the hold of the chat document matching {@code mine} every third of the term until closed. */
    Hold hold(Bson mine, String untilField) {
        Hold hold = new Hold();
        long period = Math.max(1, termMillis / 3);
        hold.renewal = RENEWALS.scheduleAtFixedRate(() -> {
            try {
                if (chats.updateOne(mine, Updates.set(untilField, until())).getMatchedCount() == 0) {
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

    static long now() {
        return System.currentTimeMillis();
    }

    /** Waits a little before looking at a held chat again: 1, 2, 4, 8, then 10 ms. */
    static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(10, 1L << Math.min(attempt, 4)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MongoAccessException("interrupted while waiting for a chat write to land", e);
        }
    }
}
