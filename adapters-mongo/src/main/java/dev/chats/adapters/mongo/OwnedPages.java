package dev.chats.adapters.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.chats.domain.vapi.TimeBounds;
import org.bson.BsonDocument;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Lists of one owner's documents (the Vapi chats, sessions …): time-bound filters, and a count with one page. */
final class OwnedPages {

    /** A page and the number of documents that match the filter in all. */
    record Page<T>(List<T> rows, long total) {
    }

    private OwnedPages() {
    }

    /** Adds a filter for each bound given on the field. */
    static void within(List<Bson> filters, String field, TimeBounds bounds) {
        if (bounds.gt() != null) {
            filters.add(Filters.gt(field, bounds.gt()));
        }
        if (bounds.ge() != null) {
            filters.add(Filters.gte(field, bounds.ge()));
        }
        if (bounds.lt() != null) {
            filters.add(Filters.lt(field, bounds.lt()));
        }
        if (bounds.le() != null) {
            filters.add(Filters.lte(field, bounds.le()));
        }
    }

    /**
     * Counts the documents {@code filter} matches and reads {@code limit} of those {@code pageFilter} matches
     * (the filter and, say, a keyset cursor) from {@code offset} in {@code order}.
     */
    static <T> Page<T> countAndPage(MongoCollection<BsonDocument> collection, Bson filter, Bson pageFilter,
                                    Bson order, long limit, long offset, Function<BsonDocument, T> reader) {
        return page(collection, pageFilter, order, limit, offset, collection.countDocuments(filter), reader);
    }

    /** As {@link #countAndPage}, with the number of matching documents already known (kept by the store). */
    static <T> Page<T> page(MongoCollection<BsonDocument> collection, Bson pageFilter, Bson order, long limit,
                            long offset, long total, Function<BsonDocument, T> reader) {
        List<T> rows = new ArrayList<>();
        if (limit > 0 && offset < total) {
            collection.find(pageFilter).sort(order).skip(Math.toIntExact(offset)).limit(Math.toIntExact(limit))
                    .forEach(document -> rows.add(reader.apply(document)));
        }
        return new Page<>(rows, total);
    }
}
