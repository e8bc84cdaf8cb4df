package dev.chats.adapters.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatDocument;
import dev.chats.domain.chat.Message;
import org.bson.BsonDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import static dev.chats.adapters.mongo.ChatDocumentMapper.APPLYING;
import static dev.chats.adapters.mongo.ChatDocumentMapper.ID;
import static dev.chats.adapters.mongo.ChatDocumentMapper.POSITION;
import static dev.chats.adapters.mongo.ChatDocumentMapper.REVISION;
import static dev.chats.adapters.mongo.ChatDocumentMapper.VERSION;

/**
 * The read of a chat for an edit of one message: the chat document and the edited message's document (for a new
 * message, the current one's and the last position), instead of every message. It is taken between two looks at the
 * chat document that find the same version and no change set recorded ({@link CommitThenApply}): then no write
 * committed or was being applied meanwhile, and the message documents read are exactly those of that version. A
 * chat with a change set recorded (for the milliseconds of its apply, or one term after its writer died) is read
 * whole instead ({@link ConsistentRead}), as is one whose message documents include leftovers of the earlier
 * protocol.
 */
final class MessageEditRead {

    /** Looks at a chat written meanwhile before reading it whole. */
    private static final int ATTEMPTS = 3;
    private static final String CHAT_ID = "_id.chatId";

    private final MongoCollection<BsonDocument> chats;
    private final MongoCollection<BsonDocument> messages;
    private final Function<BsonDocument, Optional<Map<String, Object>>> bodyOf;

    /** @param bodyOf the body of a chat document, inline or from its parts; empty when its parts are gone */
    MessageEditRead(MongoStore store, Function<BsonDocument, Optional<Map<String, Object>>> bodyOf) {
        this.chats = store.collection(MongoStore.CHATS);
        this.messages = store.collection(MongoStore.CHAT_MESSAGES);
        this.bodyOf = bodyOf;
    }

    /** The chat for an edit of {@code messageId}, or the whole chat {@code whole} reads; empty if there is none. */
    Optional<Chat> read(String id, String messageId, Supplier<Optional<Chat>> whole) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            BsonDocument before = chats.find(Filters.eq(ID, id)).projection(ConsistentRead.WHOLE).first();
            if (before == null || Holds.isHidden(before)) {
                return Optional.empty();
            }
            if (before.containsKey(APPLYING)) {
                break;
            }
            Optional<Map<String, Object>> body = bodyOf.apply(before);
            if (body.isEmpty()) {
                continue;
            }
            List<BsonDocument> found = new ArrayList<>();
            boolean adding = false;
            BsonDocument last = null;
            if (ChatDocument.hasMessageRows(body.get())) {
                messages.find(Filters.eq(ID, ChatDocumentMapper.messageKey(id, messageId))).into(found);
                Optional<String> current = ChatDocument.currentIdForEdit(body.get());
                adding = found.isEmpty();
                if (adding && current.isPresent()) {
                    messages.find(Filters.eq(ID, ChatDocumentMapper.messageKey(id, current.get()))).into(found);
                }
                if (adding) {
                    last = messages.find(Filters.eq(CHAT_ID, id)).sort(Sorts.descending(POSITION))
                            .projection(Projections.include(POSITION, REVISION)).limit(1).first();
                }
            }
            BsonDocument after = chats.find(Filters.eq(ID, id)).projection(Holds.STATE).first();
            if (after == null || Holds.isHidden(after)) {
                return Optional.empty();
            }
            long version = before.getNumber(VERSION).longValue();
            if (after.getNumber(VERSION).longValue() != version || after.containsKey(APPLYING)) {
                continue;
            }
            if ((last != null && ChatDocumentMapper.revision(last) > version)
                    || found.stream().anyMatch(document -> ChatDocumentMapper.revision(document) > version)) {
                break;
            }
            List<Message> read = found.stream().map(ChatDocumentMapper::message).toList();
            Optional<Message> edited = adding ? Optional.empty() : read.stream().findFirst();
            ChatDocument.Addition added = adding ? new ChatDocument.Addition(read.stream().findFirst(),
                    last == null ? 0 : last.getNumber(POSITION).intValue() + 1) : null;
            return Optional.of(ChatDocumentMapper.chatForEdit(before, body.get(), messageId, edited, added));
        }
        return whole.get();
    }
}
