package dev.chats.adapters.mongo;

import dev.chats.adapters.mongo.ChatDocumentMapper.StoredBody;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatStorage;
import dev.chats.domain.chat.InvalidChatDocumentException;
import dev.chats.domain.chat.Message;
import dev.chats.domain.user.UserId;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.chats.adapters.mongo.ChatDocumentMapper.BODY;
import static dev.chats.adapters.mongo.ChatDocumentMapper.BODY_PARTS;
import static dev.chats.adapters.mongo.ChatDocumentMapper.LEGACY_PARTS;
import static dev.chats.adapters.mongo.ChatDocumentMapper.LEGACY_TEXT;
import static dev.chats.adapters.mongo.ChatDocumentMapper.MAX_DOCUMENT_BYTES;

/**
 * Everything one write of a chat stores, encoded and checked against MongoDB's document limit before anything is
 * written, so a chat that cannot be stored is refused whole.
 */
final class ChatWrite {

    final StoredBody body;
    final String legacyText;
    final BsonDocument listFields;
    final List<RawBsonDocument> upserts;
    final Collection<String> removed;
    private final boolean legacyInline;
    private int fieldsBytes;
    private Integer bodyParts;
    private Integer legacyParts;

    private ChatWrite(StoredBody body, String legacyText, BsonDocument listFields, List<RawBsonDocument> upserts,
                      Collection<String> removed) {
        this.body = body;
        this.legacyText = legacyText;
        this.listFields = listFields;
        this.upserts = upserts;
        this.removed = removed;
        this.legacyInline = ChatDocumentMapper.fitsInline(legacyText);
    }

    /**
     * @param committedVersion the chat version whose commit makes the message documents visible; they are stamped
     *                         with it
     */
    static ChatWrite of(Chat chat, Collection<Message> upserted, Collection<String> removed, long committedVersion) {
        List<RawBsonDocument> upserts = new ArrayList<>(upserted.size());
        for (Message message : upserted) {
            RawBsonDocument document = ChatDocumentMapper.messageDocument(chat, message, committedVersion);
            if (ChatDocumentMapper.size(document) > MAX_DOCUMENT_BYTES) {
                // The client's input breaks a rule of this store: answered as a bad document, not a server error.
                throw new InvalidChatDocumentException("message " + message.id()
                        + " is larger than 16 MB, the most one message can hold on this server's store");
            }
            upserts.add(document);
        }
        ChatWrite write = new ChatWrite(StoredBody.of(ChatStorage.of(chat).document().body()),
                ChatStorage.of(chat).document().legacyMessagesText(), ChatDocumentMapper.listFields(chat),
                upserts, List.copyOf(removed));
        BsonDocument fields = new BsonDocument();
        write.fields("").forEach(fields::append);
        write.fieldsBytes = ChatDocumentMapper.size(ChatDocumentMapper.raw(fields));
        if (write.fieldsBytes > MAX_DOCUMENT_BYTES) {
            throw new InvalidChatDocumentException("the chat's title and meta are larger than 16 MB, the most this"
                    + " server's store can hold");
        }
        return write;
    }

    boolean changesMessages() {
        return !upserts.isEmpty() || !removed.isEmpty();
    }

    /** Bytes of the chat document's fields this write sets (without its change set). */
    int fieldsBytes() {
        return fieldsBytes;
    }

    boolean spills() {
        return body.spilled() || !legacyInline();
    }

    boolean legacyInline() {
        return legacyInline;
    }

    /** Writes the body and legacy text that do not fit the chat document, under this revision. */
    void writeParts(Parts parts, String chatId, String rev, UserId owner) {
        if (body.spilled()) {
            bodyParts = parts.writeBytes(chatId, rev, body.bytes());
        }
        if (!legacyInline()) {
            legacyParts = parts.writeText(chatId, rev, owner.value(), legacyText);
        }
    }

    /** The chat document's fields this write sets; references to parts name revision {@code rev}. */
    Map<String, BsonValue> fields(String rev) {
        Map<String, BsonValue> fields = new LinkedHashMap<>(listFields);
        if (body.spilled()) {
            fields.put(BODY_PARTS, partsRef(rev, bodyParts));
        } else {
            fields.put(BODY, body.inline());
        }
        fields.put(LEGACY_TEXT, new BsonString(legacyInline() ? legacyText : ""));
        if (!legacyInline()) {
            fields.put(LEGACY_PARTS, partsRef(rev, legacyParts));
        }
        return fields;
    }

    /** The message documents this write replaces or adds, and the ids of those it removes: its change set. */
    RawBsonDocument changeSet() {
        BsonArray removedIds = new BsonArray();
        removed.forEach(id -> removedIds.add(new BsonString(id)));
        return ChatDocumentMapper.raw(new BsonDocument(ChangeSet.UPSERTS, new BsonArray(new ArrayList<>(upserts)))
                .append(ChangeSet.REMOVED, removedIds));
    }

    private BsonDocument partsRef(String rev, Integer count) {
        int expected = count != null ? count : 0;
        return new BsonDocument("rev", new BsonString(rev == null ? "" : rev)).append("count",
                new BsonInt32(expected));
    }
}
