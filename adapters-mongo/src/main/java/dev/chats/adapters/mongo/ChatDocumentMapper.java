package dev.chats.adapters.mongo;

import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatDocument;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.Message;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.json.JsonTree;
import dev.chats.domain.user.UserId;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonMinKey;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chats to the documents of {@code chats} and {@code chat_messages} and back.
 *
 * <p>A chat document holds what lists filter and sort on ({@code userId}, {@code title}, times, flags,
 * {@code folderId}, {@code shareId}, the normalised {@code tagIds}), {@code meta}, {@code version}, the searchable
 * {@code legacyText}, and the body — the client's document without its messages. A body of more than
 * {@value #INLINE_BODY_BYTES} bytes (a long legacy {@code messages} list can make it that large) and a legacy text of
 * more than {@value #INLINE_TEXT_BYTES} bytes go to {@link Parts} instead, so the chat document stays small.
 *
 * <p>A message document is {@code {_id: {chatId, messageId}, userId, position, parentId, contentText, body}}. When
 * the message's {@code content} is a string, the body holds a {@code MinKey} placeholder in its place and the text
 * itself lives once, in {@code contentText}, where search looks for it; the placeholder keeps the key's position, and
 * no JSON value maps to {@code MinKey}, so reading puts back exactly what was sent.
 */
final class ChatDocumentMapper {

    static final String ID = "_id";
    static final String USER = "userId";
    static final String TITLE = "title";
    static final String CREATED = "createdAt";
    static final String UPDATED = "updatedAt";
    static final String SHARE = "shareId";
    static final String ARCHIVED = "archived";
    static final String PINNED = "pinned";
    static final String FOLDER = "folderId";
    static final String META = "meta";
    static final String TAGS = "tagIds";
    static final String VERSION = "version";
    static final String BODY = "body";
    static final String BODY_PARTS = "bodyParts";
    static final String LEGACY_TEXT = "legacyText";
    static final String LEGACY_PARTS = "legacyParts";
    static final String LEASE = "lease";
    static final String APPLYING = "applying";

    static final String CHAT_ID = "chatId";
    static final String MESSAGE_ID = "messageId";
    static final String REVISION = "rev";
    static final String POSITION = "position";
    static final String PARENT = "parentId";
    static final String CONTENT_TEXT = "contentText";
    private static final String CONTENT = "content";

    /** MongoDB's limit, less room for the command that carries a document. */
    static final int MAX_DOCUMENT_BYTES = 16 * 1024 * 1024 - 16 * 1024;
    static final int INLINE_BODY_BYTES = 4 * 1024 * 1024;
    static final int INLINE_TEXT_BYTES = 1024 * 1024;

    private static final BsonDocumentCodec CODEC = new BsonDocumentCodec();

    private ChatDocumentMapper() {
    }

    /** A chat's body as stored: inline when small, else as the bytes that go to parts. */
    record StoredBody(RawBsonDocument inline, byte[] bytes) {

        static StoredBody of(Map<String, Object> body) {
            RawBsonDocument raw = raw(BsonJson.toBson(body));
            if (size(raw) <= INLINE_BODY_BYTES) {
                return new StoredBody(raw, null);
            }
            ByteBuffer buffer = raw.getByteBuffer().asNIO();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return new StoredBody(null, bytes);
        }

        boolean spilled() {
            return bytes != null;
        }
    }

    /** The body as the chat document or its parts held it. */
    static Map<String, Object> body(byte[] bytes) {
        return BsonJson.toMap(new RawBsonDocument(bytes));
    }

    static RawBsonDocument raw(BsonDocument document) {
        return new RawBsonDocument(document, CODEC);
    }

    static int size(RawBsonDocument document) {
        return document.getByteBuffer().remaining();
    }

    static boolean fitsInline(String text) {
        return text.length() <= INLINE_TEXT_BYTES / 3
                || text.getBytes(StandardCharsets.UTF_8).length <= INLINE_TEXT_BYTES;
    }

    /** The fields every write of a chat sets: the list columns, meta and the tag mirror. */
    static BsonDocument listFields(Chat chat) {
        BsonArray tagIds = new BsonArray();
        chat.tagIds().forEach(id -> tagIds.add(new BsonString(id)));
        return new BsonDocument(TITLE, new BsonString(chat.title()))
                .append(UPDATED, new BsonInt64(chat.updatedAt()))
                .append(SHARE, chat.shareId().<BsonValue>map(BsonString::new).orElse(BsonNull.VALUE))
                .append(ARCHIVED, BsonBoolean.valueOf(chat.archived()))
                .append(PINNED, BsonBoolean.valueOf(chat.pinned()))
                .append(FOLDER, chat.folderId().<BsonValue>map(f -> new BsonString(f.value())).orElse(BsonNull.VALUE))
                .append(META, BsonJson.toBson(chat.meta()))
                .append(TAGS, tagIds);
    }

    static BsonDocument messageKey(String chatId, String messageId) {
        return new BsonDocument(CHAT_ID, new BsonString(chatId)).append(MESSAGE_ID, new BsonString(messageId));
    }

    /**
     * One message as its own document, stamped with the chat version whose commit makes it visible: a reader of
     * an older version that finds it knows it caught a write in flight.
     */
    static RawBsonDocument messageDocument(Chat chat, Message message, long committedVersion) {
        String contentText = message.contentText();
        BsonDocument body = new BsonDocument();
        for (Map.Entry<String, Object> entry : message.body().entrySet()) {
            boolean textContent = CONTENT.equals(entry.getKey()) && entry.getValue() instanceof String;
            body.append(BsonJson.escapeKey(entry.getKey()),
                    textContent ? new BsonMinKey() : BsonJson.toBsonValue(entry.getValue()));
        }
        String parent = message.parentId();
        return raw(new BsonDocument(ID, messageKey(chat.id().value(), message.id()))
                .append(USER, new BsonString(chat.ownerId().value()))
                .append(POSITION, new BsonInt32(message.position()))
                .append(PARENT, parent == null ? BsonNull.VALUE : new BsonString(parent))
                .append(CONTENT_TEXT, new BsonString(contentText))
                .append(REVISION, new BsonInt64(committedVersion))
                .append(BODY, body));
    }

    /** The chat version a message document was written for; 0 for documents from before the stamp existed. */
    static long revision(BsonDocument messageDocument) {
        return messageDocument.containsKey(REVISION) ? messageDocument.getNumber(REVISION).longValue() : 0;
    }

    /** A message document read back. */
    static Message message(BsonDocument document) {
        String contentText = document.getString(CONTENT_TEXT).getValue();
        BsonDocument stored = document.getDocument(BODY);
        Map<String, Object> body = new LinkedHashMap<>(Math.max(4, stored.size() * 2));
        for (Map.Entry<String, BsonValue> entry : stored.entrySet()) {
            if (CONTENT.equals(entry.getKey()) && entry.getValue() instanceof BsonMinKey) {
                body.put(CONTENT, contentText);
            } else {
                body.put(BsonJson.unescapeKey(entry.getKey()), BsonJson.toJava(entry.getValue()));
            }
        }
        return new Message(document.getDocument(ID).getString(MESSAGE_ID).getValue(),
                document.getNumber(POSITION).intValue(), body);
    }

    /**
     * The chat a chat document, its body and its message documents describe. Message documents of a body without a
     * message object are leftovers of an interrupted write and are left out.
     */
    static Chat chat(BsonDocument header, Map<String, Object> body, List<Message> messages) {
        return chat(header, ChatDocument.restore(body, hasMessageMap(body) ? messages : List.of()));
    }

    /** The chat for an edit of one message: its document holds only the messages read (see {@link MessageEditRead}). */
    static Chat chatForEdit(BsonDocument header, Map<String, Object> body, String messageId, Optional<Message> edited,
                            ChatDocument.Addition added) {
        return chat(header, ChatDocument.restoreForEdit(body, messageId, edited, added));
    }

    private static Chat chat(BsonDocument header, ChatDocument document) {
        BsonValue folder = header.get(FOLDER);
        BsonValue share = header.get(SHARE);
        return Chat.restore(new ChatId(header.getString(ID).getValue()),
                new UserId(header.getString(USER).getValue()), document,
                header.getNumber(CREATED).longValue(), header.getNumber(UPDATED).longValue(),
                share == null || share.isNull() ? null : share.asString().getValue(),
                header.getBoolean(ARCHIVED).getValue(), header.getBoolean(PINNED).getValue(),
                BsonJson.toMap(header.getDocument(META)),
                folder == null || folder.isNull() ? null : new FolderId(folder.asString().getValue()),
                header.getNumber(VERSION).longValue());
    }

    /** Whether the body has a {@code history.messages} object, whose entries are the message documents. */
    static boolean hasMessageMap(Map<String, Object> body) {
        return JsonTree.asObject(body.get("history")).map(h -> h.get("messages") instanceof Map<?, ?>).orElse(false);
    }
}
