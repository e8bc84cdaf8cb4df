package dev.chats.adapters.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.BsonDocument;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.chats.adapters.mongo.ChatDocumentMapper.ID;

/**
 * The deletion of chats: their shares first, then the chat documents (the commit point: readers find nothing), then
 * their messages and parts. A death in between leaves unreachable messages, which a later first write under the same
 * id clears ({@link FirstWrite}).
 */
final class ChatDeletion {

    private final MongoStore store;
    private final MongoCollection<BsonDocument> chats;
    private final MongoCollection<BsonDocument> messages;
    private final Parts parts;

    ChatDeletion(MongoStore store, Parts parts) {
        this.store = store;
        this.chats = store.collection(MongoStore.CHATS);
        this.messages = store.collection(MongoStore.CHAT_MESSAGES);
        this.parts = parts;
    }

    /** Deletes the chats matching the filter with their shares, messages and parts; the number of chats. */
    int deleteWhere(Bson filter) {
        List<String> ids = chats.find(filter).projection(Projections.include(ID))
                .map(document -> document.getString(ID).getValue()).into(new ArrayList<>());
        int deleted = 0;
        for (int from = 0; from < ids.size(); from += WriteBatches.DOCUMENTS) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + WriteBatches.DOCUMENTS));
            // Shares first: a share must not outlive its chat, even if this process dies right here.
            MongoShareRepository.deleteSharesOfChats(store, batch);
            deleted += (int) chats.deleteMany(Filters.and(Filters.in(ID, batch), filter)).getDeletedCount();
            Set<String> gone = new HashSet<>(batch);
            chats.find(Filters.in(ID, batch)).projection(Projections.include(ID))
                    .forEach(survivor -> gone.remove(survivor.getString(ID).getValue()));
            if (!gone.isEmpty()) {
                messages.deleteMany(Filters.in("_id.chatId", gone));
                parts.deleteOwners(gone);
            }
        }
        return deleted;
    }
}
