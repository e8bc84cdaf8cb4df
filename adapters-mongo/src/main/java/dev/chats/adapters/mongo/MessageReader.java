package dev.chats.adapters.mongo;

import com.mongodb.client.MongoCollection;
import dev.chats.domain.chat.Message;
import org.bson.BsonDocument;
import org.bson.conversions.Bson;

/**
 * How a {@link ConsistentRead} fetches the message documents of chats and turns them into values: whole
 * messages, or only what statistics need of them ({@link MessageFactsReader}). Whatever it fetches must keep the
 * documents' {@code _id}, {@code rev} and {@code position}, which the protocol's overlay and order rely on; the
 * documents a recorded change set lays over them are always whole, so {@link #value} takes both.
 */
interface MessageReader<M> {

    /** Whole message documents, read back as messages. */
    MessageReader<Message> WHOLE = new MessageReader<>() {
        @Override
        public Iterable<BsonDocument> find(MongoCollection<BsonDocument> messages, Bson filter, int batchSize) {
            return messages.find(filter).batchSize(batchSize);
        }

        @Override
        public Message value(BsonDocument document) {
            return ChatDocumentMapper.message(document);
        }
    };

    /** The message documents matching the filter, as this reader takes them. */
    Iterable<BsonDocument> find(MongoCollection<BsonDocument> messages, Bson filter, int batchSize);

    /** The value of a document {@link #find} returned or a change set recorded whole. */
    M value(BsonDocument document);
}
