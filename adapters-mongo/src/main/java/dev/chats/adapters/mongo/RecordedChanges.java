package dev.chats.adapters.mongo;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.RawBsonDocument;

import java.nio.ByteBuffer;
import java.util.Optional;

import static dev.chats.adapters.mongo.ChatDocumentMapper.MAX_DOCUMENT_BYTES;
import static dev.chats.adapters.mongo.ChatDocumentMapper.REVISION;

/**
 * Where a committed write's {@link ChangeSet} waits until it is applied: the chat document's {@code applying} record
 * {@code {token, rev, until, changes | parts}}, holding the change set itself or, when large, the number of its
 * pieces in {@link Parts} (revision {@code <token>.changes}).
 */
final class RecordedChanges {

    /** Change sets up to this size are recorded in the chat document itself, larger ones in {@code chat_parts}. */
    static final int INLINE_CHANGES_BYTES = 512 * 1024;

    private static final String CHANGES_SUFFIX = ".changes";

    private final Parts parts;

    RecordedChanges(Parts parts) {
        this.parts = parts;
    }

    /**
     * The {@code applying} record of a write's change set, its pieces written first when it is too large for the
     * chat document beside the write's fields: no document refers to them until the commit, so no reader sees them.
     */
    BsonDocument record(String chatId, String token, long revision, long until, RawBsonDocument changes,
                        int fieldsBytes) {
        int size = ChatDocumentMapper.size(changes);
        BsonDocument applying = new BsonDocument("token", new BsonString(token))
                .append(REVISION, new BsonInt64(revision)).append("until", new BsonInt64(until));
        if (size > INLINE_CHANGES_BYTES || fieldsBytes + size > MAX_DOCUMENT_BYTES) {
            applying.append("parts", new BsonInt32(parts.writeBytes(chatId, token + CHANGES_SUFFIX, bytes(changes))));
        } else {
            applying.append("changes", changes);
        }
        return applying;
    }

    /** The change set an {@code applying} record holds, from itself or from parts; empty if they are gone. */
    Optional<ChangeSet> read(String chatId, BsonDocument applying) {
        if (applying.get("changes") instanceof BsonDocument inline) {
            return Optional.of(ChangeSet.of(inline));
        }
        if (!applying.containsKey("parts")) {
            return Optional.empty();
        }
        byte[] bytes = parts.readBytes(chatId, applying.getString("token").getValue() + CHANGES_SUFFIX,
                applying.getNumber("parts").intValue());
        return bytes == null ? Optional.empty() : Optional.of(ChangeSet.of(new RawBsonDocument(bytes)));
    }

    /** Deletes the pieces of the change set of this write, if it had any; once applied, or if it never committed. */
    void deleteParts(String chatId, String token) {
        parts.deleteRevision(chatId, token + CHANGES_SUFFIX);
    }

    private static byte[] bytes(RawBsonDocument document) {
        ByteBuffer buffer = document.getByteBuffer().asNIO();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
