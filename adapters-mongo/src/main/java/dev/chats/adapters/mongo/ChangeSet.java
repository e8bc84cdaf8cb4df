package dev.chats.adapters.mongo;

import org.bson.BsonDocument;
import org.bson.BsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.chats.adapters.mongo.ChatDocumentMapper.ID;
import static dev.chats.adapters.mongo.ChatDocumentMapper.MESSAGE_ID;

/**
 * The message documents one committed write of a chat replaces or adds, and the ids of the messages it removes, as
 * the chat document records them until they are applied to {@code chat_messages} (see {@link CommitThenApply}).
 */
record ChangeSet(List<BsonDocument> upserts, List<String> removed) {

    static final String UPSERTS = "upserts";
    static final String REMOVED = "removed";

    static ChangeSet of(BsonDocument changes) {
        List<BsonDocument> upserts = new ArrayList<>();
        for (BsonValue upsert : changes.getArray(UPSERTS)) {
            upserts.add(upsert.asDocument());
        }
        List<String> removed = new ArrayList<>();
        for (BsonValue id : changes.getArray(REMOVED)) {
            removed.add(id.asString().getValue());
        }
        return new ChangeSet(upserts, removed);
    }

    /** Applies these changes to message documents keyed by message id, as a reader's overlay. */
    void overlay(Map<String, BsonDocument> messagesById) {
        for (BsonDocument upsert : upserts) {
            messagesById.put(upsert.getDocument(ID).getString(MESSAGE_ID).getValue(), upsert);
        }
        removed.forEach(messagesById::remove);
    }
}
