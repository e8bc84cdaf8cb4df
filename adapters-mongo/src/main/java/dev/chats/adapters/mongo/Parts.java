package dev.chats.adapters.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.conversions.Bson;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Values too large for the document that owns them, stored as numbered pieces in a collection of their own, so that
 * no document comes near MongoDB's 16 MB limit. Each piece is keyed {@code {owner, rev, kind, n}}: the owner's id, the
 * revision that wrote it (a new one per write, so a reader of the previous revision never sees a half-written new
 * one), the kind of value ({@code body} bytes or {@code text}), and its number.
 *
 * <p>A body is the BSON of a document cut into {@value #CHUNK_BYTES}-byte chunks. A text is cut into pieces of
 * {@value #TEXT_PIECE_CHARS} characters that overlap by {@value #TEXT_OVERLAP_CHARS}, each carrying the owner's user,
 * so that a substring search finds any match shorter than the overlap, wherever it falls.
 */
final class Parts {

    static final int CHUNK_BYTES = 8 * 1024 * 1024;
    static final int TEXT_PIECE_CHARS = 1024 * 1024;
    static final int TEXT_OVERLAP_CHARS = 4096;

    private static final String BODY = "body";
    private static final String TEXT = "text";

    private final MongoCollection<BsonDocument> collection;

    Parts(MongoCollection<BsonDocument> collection) {
        this.collection = collection;
    }

    /** Stores the bytes as chunks of this owner and revision; answers how many. */
    int writeBytes(String owner, String rev, byte[] bytes) {
        List<BsonDocument> chunks = new ArrayList<>();
        int n = 0;
        for (int from = 0; from < bytes.length; from += CHUNK_BYTES) {
            int to = Math.min(bytes.length, from + CHUNK_BYTES);
            byte[] chunk = java.util.Arrays.copyOfRange(bytes, from, to);
            chunks.add(new BsonDocument("_id", key(owner, rev, BODY, n++)).append("data", new BsonBinary(chunk)));
        }
        insertOneByOne(chunks);
        return n;
    }

    /**
     * The bytes of this owner and revision, or null when not all {@code count} chunks are there (any more). Chunks are
     * fetched one by one by key, so no reply carries more than one of them.
     */
    byte[] readBytes(String owner, String rev, int count) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int n = 0; n < count; n++) {
            BsonDocument chunk = collection.find(Filters.eq("_id", key(owner, rev, BODY, n))).first();
            if (chunk == null) {
                return null;
            }
            bytes.writeBytes(chunk.getBinary("data").getData());
        }
        return bytes.toByteArray();
    }

    /** Stores the text as overlapping pieces of this owner and revision, searchable by user; answers how many. */
    int writeText(String owner, String rev, String userId, String text) {
        List<BsonDocument> pieces = new ArrayList<>();
        int n = 0;
        int from = 0;
        while (true) {
            int to = boundary(text, Math.min(text.length(), from + TEXT_PIECE_CHARS));
            pieces.add(new BsonDocument("_id", key(owner, rev, TEXT, n++)).append("userId", new BsonString(userId))
                    .append(TEXT, new BsonString(text.substring(from, to))));
            if (to >= text.length()) {
                break;
            }
            from = boundary(text, to - TEXT_OVERLAP_CHARS);
        }
        insertOneByOne(pieces);
        return n;
    }

    /** The owners whose text pieces match the filter (a condition on {@code text}, and optionally on the user). */
    Set<String> ownersOfTextMatching(Bson condition) {
        Set<String> owners = new HashSet<>();
        collection.distinct("_id.owner", Filters.and(Filters.eq("_id.kind", TEXT), condition), BsonValue.class)
                .forEach(owner -> owners.add(owner.asString().getValue()));
        return owners;
    }

    /** Deletes the owner's pieces of every revision but {@code keep} (null: of every revision). */
    void deleteOtherRevisions(String owner, String keep) {
        Bson ofOwner = Filters.eq("_id.owner", owner);
        collection.deleteMany(keep == null ? ofOwner : Filters.and(ofOwner, Filters.ne("_id.rev", keep)));
    }

    /** Deletes the owner's pieces of one revision. */
    void deleteRevision(String owner, String rev) {
        collection.deleteMany(Filters.and(Filters.eq("_id.owner", owner), Filters.eq("_id.rev", rev)));
    }

    /** Deletes every piece of these owners. */
    void deleteOwners(Collection<String> owners) {
        if (!owners.isEmpty()) {
            collection.deleteMany(Filters.in("_id.owner", owners));
        }
    }

    private static BsonDocument key(String owner, String rev, String kind, int n) {
        return new BsonDocument("owner", new BsonString(owner)).append("rev", new BsonString(rev))
                .append("kind", new BsonString(kind)).append("n", new BsonInt32(n));
    }

    /** One insert per piece: pieces are large, and a batch of them would only be split again by the driver. */
    private void insertOneByOne(List<BsonDocument> pieces) {
        for (BsonDocument piece : pieces) {
            collection.insertOne(piece);
        }
    }

    /** A cut position that does not split a surrogate pair. */
    private static int boundary(String text, int at) {
        if (at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at))
                && Character.isHighSurrogate(text.charAt(at - 1))) {
            return at - 1;
        }
        return Math.max(0, at);
    }
}
