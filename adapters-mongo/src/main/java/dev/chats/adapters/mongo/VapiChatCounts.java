package dev.chats.adapters.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.chats.domain.user.UserId;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Each owner's number of Vapi chats, in {@code vapi_chat_owners} ({@code {_id: userId, chats}}), so an unfiltered
 * list's total is one document read instead of a count of the owner's chats. Without multi-document transactions the
 * count moves in a write of its own after the chat's insert or delete, so each such write first marks the counter
 * ({@code pending} up by one, {@code markedAt} its time) and clears its mark as it moves the count. A mark left by a
 * write that failed half-way or a process that died between the two shows as {@code pending} above zero with no write
 * marked for {@link #STALE_MILLIS}: the next read then counts the owner's chats and puts that count in place, unless a
 * write marked the counter meanwhile.
 */
final class VapiChatCounts {

    /** Far beyond how long one insert or delete may take (the store's timeouts are seconds). */
    static final long STALE_MILLIS = 60_000;

    private final MongoCollection<BsonDocument> owners;
    private final MongoCollection<BsonDocument> chats;

    VapiChatCounts(MongoCollection<BsonDocument> owners, MongoCollection<BsonDocument> chats) {
        this.owners = owners;
        this.chats = chats;
    }

    /** Runs one insert or delete of the owner's chats, then moves the count by {@code change} of its result. */
    <T> T around(UserId owner, Supplier<T> write, ToIntFunction<T> change) {
        owners.updateOne(Filters.eq("_id", owner.value()), Updates.combine(Updates.inc("pending", 1),
                Updates.max("markedAt", now()), Updates.setOnInsert("chats", 0L)), new UpdateOptions().upsert(true));
        // On a failure the mark stays: whether the write happened is unknown, and the stale mark has the count read.
        T result = write.get();
        owners.updateOne(Filters.eq("_id", owner.value()),
                Updates.combine(Updates.inc("chats", (long) change.applyAsInt(result)), Updates.inc("pending", -1)));
        return result;
    }

    /** The owner's number of chats; counted afresh, and put in place, when a stale mark says the counter is off. */
    long of(UserId owner) {
        BsonDocument counter = owners.find(Filters.eq("_id", owner.value())).first();
        if (counter == null) {
            return 0;
        }
        long stored = counter.getNumber("chats").longValue();
        long pending = number(counter.get("pending"));
        long markedAt = number(counter.get("markedAt"));
        if (pending <= 0 || markedAt > now() - STALE_MILLIS) {
            return stored;
        }
        long counted = chats.countDocuments(Filters.eq("userId", owner.value()));
        // Only if no write marked the counter since it was read: a write that did is still moving the count itself.
        owners.updateOne(Filters.and(Filters.eq("_id", owner.value()), Filters.eq("pending", counter.get("pending")),
                Filters.eq("markedAt", counter.get("markedAt"))),
                Updates.combine(Updates.set("chats", counted), Updates.set("pending", 0L)));
        return counted;
    }

    private static long number(BsonValue value) {
        return value != null && value.isNumber() ? value.asNumber().longValue() : 0;
    }

    private static long now() {
        return System.currentTimeMillis();
    }
}
