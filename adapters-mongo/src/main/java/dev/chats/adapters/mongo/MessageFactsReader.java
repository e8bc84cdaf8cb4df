package dev.chats.adapters.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Aggregates;
import dev.chats.domain.chat.Message;
import dev.chats.domain.stats.MessageFacts;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.conversions.Bson;

import java.util.List;

import static dev.chats.adapters.mongo.ChatDocumentMapper.BODY;
import static dev.chats.adapters.mongo.ChatDocumentMapper.CONTENT_TEXT;
import static dev.chats.adapters.mongo.ChatDocumentMapper.ID;
import static dev.chats.adapters.mongo.ChatDocumentMapper.MESSAGE_ID;
import static dev.chats.adapters.mongo.ChatDocumentMapper.POSITION;
import static dev.chats.adapters.mongo.ChatDocumentMapper.REVISION;

/**
 * Reads message documents as their {@link MessageFacts} only: the database projects each document to its key, stamp,
 * position and a {@code facts} sub-document — the body's id, parent, role, model, time, the annotation's rating and
 * tags, and the content's lengths computed there — so no message content leaves the database. The lengths are those
 * of {@link MessageFacts#of}: a list {@code content} (stored as it is) counts its items, and its text parts' code
 * points; any other content counts the code points of {@code contentText}, which holds a string content and is empty
 * for every content that is neither a string nor a list.
 */
final class MessageFactsReader implements MessageReader<MessageFacts> {

    static final MessageFactsReader INSTANCE = new MessageFactsReader();

    private static final String FACTS = "facts";
    private static final String CONTENT = field("content");
    private static final String ANNOTATION = field("annotation");
    /** The projection: the fields of the protocol, and the facts. */
    private static final Bson PROJECTION = Aggregates.project(new BsonDocument(ID, new BsonInt32(1))
            .append(REVISION, new BsonInt32(1)).append(POSITION, new BsonInt32(1))
            .append(FACTS, new BsonDocument("id", new BsonString(field("id")))
                    .append("parentId", new BsonString(field("parentId")))
                    .append("role", new BsonString(field("role")))
                    .append("model", new BsonString(field("model")))
                    .append("timestamp", new BsonString(field("timestamp")))
                    .append("rating", ofAnnotation("rating"))
                    .append("tags", ofAnnotation("tags"))
                    .append("contentLength", lengthOfContent(op("$size", new BsonString(CONTENT))))
                    .append("textLength", lengthOfContent(textPartsLength()))));

    private MessageFactsReader() {
    }

    @Override
    public Iterable<BsonDocument> find(MongoCollection<BsonDocument> messages, Bson filter, int batchSize) {
        return messages.aggregate(List.of(Aggregates.match(filter), PROJECTION)).batchSize(batchSize);
    }

    @Override
    public MessageFacts value(BsonDocument document) {
        String key = document.getDocument(ID).getString(MESSAGE_ID).getValue();
        if (!(document.get(FACTS) instanceof BsonDocument facts)) {
            // A whole document, as a change set records it.
            Message message = ChatDocumentMapper.message(document);
            return MessageFacts.of(key, message.body());
        }
        return new MessageFacts(key, json(facts, "id"), json(facts, "parentId"), json(facts, "role"),
                json(facts, "model"), json(facts, "timestamp"), facts.getNumber("contentLength").longValue(),
                facts.getNumber("textLength").longValue(), json(facts, "rating"), json(facts, "tags"));
    }

    private static Object json(BsonDocument facts, String name) {
        BsonValue value = facts.get(name);
        return value == null ? null : BsonJson.toJava(value);
    }

    /** The path of a key of the stored message body (keys are stored escaped). */
    private static String field(String key) {
        return "$" + BODY + "." + BsonJson.escapeKey(key);
    }

    /** A field of the annotation when it is an object (of an array, the path would give its elements' fields). */
    private static BsonValue ofAnnotation(String key) {
        return cond(isObject(new BsonString(ANNOTATION)),
                new BsonString(ANNOTATION + "." + BsonJson.escapeKey(key)), BsonNull.VALUE);
    }

    /** The given length for a list content, else the code points of {@code contentText}. */
    private static BsonValue lengthOfContent(BsonValue ofList) {
        return cond(op("$isArray", new BsonString(CONTENT)), ofList,
                op("$strLenCP", new BsonString("$" + CONTENT_TEXT)));
    }

    /**
     * The code points of the {@code text} of the parts typed {@code text}. A part's fields are looked at only once it
     * is known to be an object (the in-process test server fails on a path into a string), nested conditions rather
     * than {@code $and}, which need not stop at the first false.
     */
    private static BsonValue textPartsLength() {
        BsonString part = new BsonString("$$this");
        BsonString text = new BsonString("$$this." + BsonJson.escapeKey("text"));
        BsonValue typedText = op("$eq", new BsonArray(List.of(new BsonString("$$this." + BsonJson.escapeKey("type")),
                literal(new BsonString("text")))));
        BsonValue length = cond(isObject(part), cond(typedText, cond(isString(text), op("$strLenCP", text),
                new BsonInt32(0)), new BsonInt32(0)), new BsonInt32(0));
        return op("$reduce", new BsonDocument("input", new BsonString(CONTENT))
                .append("initialValue", new BsonInt32(0))
                .append("in", op("$add", new BsonArray(List.of(new BsonString("$$value"), length)))));
    }

    /**
     * Expressions have no type test here ({@code $type} is missing from the in-process test server), so types are
     * told by BSON's order of types: ... numbers, strings, objects, arrays ... A missing field compares as null.
     */
    private static BsonValue isString(BsonValue value) {
        return between(value, new BsonString(""), new BsonDocument());
    }

    private static BsonValue isObject(BsonValue value) {
        return between(value, new BsonDocument(), new BsonArray());
    }

    /** {@code low <= value < high}, as nested conditions. */
    private static BsonValue between(BsonValue value, BsonValue low, BsonValue high) {
        return cond(op("$gte", new BsonArray(List.of(value, literal(low)))),
                op("$lt", new BsonArray(List.of(value, literal(high)))), BsonBoolean.FALSE);
    }

    private static BsonValue cond(BsonValue test, BsonValue then, BsonValue otherwise) {
        return op("$cond", new BsonArray(List.of(test, then, otherwise)));
    }

    private static BsonValue literal(BsonValue value) {
        return op("$literal", value);
    }

    private static BsonDocument op(String operator, BsonValue argument) {
        return new BsonDocument(operator, argument);
    }
}
