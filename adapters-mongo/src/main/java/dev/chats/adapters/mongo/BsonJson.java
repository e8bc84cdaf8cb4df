package dev.chats.adapters.mongo;

import dev.chats.domain.json.JsonTree;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * JSON trees in plain JDK types ({@code Map} in key order, {@code List}, {@code String}, numbers, booleans, null) to
 * BSON sub-documents and back, so that what is read back {@link Object#equals equals} what was written: key order,
 * nesting, nulls, and numbers as the JDK types a JSON parser gives ({@code Integer} when the value fits an int,
 * {@code Long} otherwise, {@code Double} for fractions). Needs no framework.
 *
 * <p>Keys that JSON allows but BSON storage does not take safely are escaped: a key containing {@code .} or
 * {@code %}, starting with {@code $}, or containing U+0000 (which a BSON key cannot hold at all) is stored with those
 * characters as {@code %2E}, {@code %25}, {@code %24} and {@code %00}. Every other key, which is nearly every key a
 * chat client sends, is stored as it is, so the documents stay readable and queryable in the database's own tools.
 * Because a client's {@code $}-prefixed key is always escaped, a {@code $}-prefixed key in storage is never user
 * data: it tags the two number types BSON has no exact form for ({@code {"$bigint": "…"}} for an integer beyond a
 * long, {@code {"$decimal": "…"}} for a {@link BigDecimal}).
 */
final class BsonJson {

    private static final String BIG_INTEGER = "$bigint";
    private static final String BIG_DECIMAL = "$decimal";

    private BsonJson() {
    }

    /** The JSON object as a BSON document. */
    static BsonDocument toBson(Map<String, ?> object) {
        BsonDocument document = new BsonDocument();
        for (Map.Entry<String, ?> entry : object.entrySet()) {
            document.append(escapeKey(entry.getKey()), toBsonValue(entry.getValue()));
        }
        return document;
    }

    /** Any JSON value as a BSON value. */
    static BsonValue toBsonValue(Object value) {
        if (value == null) {
            return BsonNull.VALUE;
        }
        if (value instanceof String text) {
            return new BsonString(text);
        }
        if (value instanceof Boolean flag) {
            return BsonBoolean.valueOf(flag);
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof AtomicInteger) {
            return new BsonInt32(((Number) value).intValue());
        }
        if (value instanceof Long || value instanceof AtomicLong) {
            return integer(((Number) value).longValue());
        }
        if (value instanceof Double number) {
            return new BsonDouble(number);
        }
        if (value instanceof Float number) {
            // As a JSON writer prints it and a parser reads it back: 0.1f is 0.1, not 0.10000000149011612.
            return new BsonDouble(Double.parseDouble(number.toString()));
        }
        if (value instanceof BigInteger number) {
            return number.bitLength() < Long.SIZE ? integer(number.longValue())
                    : new BsonDocument(BIG_INTEGER, new BsonString(number.toString()));
        }
        if (value instanceof BigDecimal number) {
            return new BsonDocument(BIG_DECIMAL, new BsonString(number.toString()));
        }
        if (value instanceof Number number) {
            return new BsonDouble(number.doubleValue());
        }
        if (value instanceof Map<?, ?> map) {
            BsonDocument document = new BsonDocument();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("JSON object keys must be strings");
                }
                document.append(escapeKey(key), toBsonValue(entry.getValue()));
            }
            return document;
        }
        if (value instanceof List<?> list) {
            BsonArray array = new BsonArray(new ArrayList<>(list.size()));
            for (Object item : list) {
                array.add(toBsonValue(item));
            }
            return array;
        }
        throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }

    private static BsonValue integer(long value) {
        return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? new BsonInt32((int) value)
                : new BsonInt64(value);
    }

    /** The BSON document as a JSON object: a {@link LinkedHashMap} tree of JDK types. */
    static Map<String, Object> toMap(BsonDocument document) {
        Map<String, Object> object = new LinkedHashMap<>(Math.max(4, document.size() * 2));
        for (Map.Entry<String, BsonValue> entry : document.entrySet()) {
            object.put(unescapeKey(entry.getKey()), toJava(entry.getValue()));
        }
        return object;
    }

    /** The BSON value as a JSON value. */
    static Object toJava(BsonValue value) {
        switch (value.getBsonType()) {
            case NULL:
                return null;
            case STRING:
                return value.asString().getValue();
            case BOOLEAN:
                return value.asBoolean().getValue();
            case INT32:
                return value.asInt32().getValue();
            case INT64:
                return JsonTree.integer(value.asInt64().getValue());
            case DOUBLE:
                return value.asDouble().getValue();
            case DECIMAL128:
                return value.asDecimal128().getValue().bigDecimalValue();
            case ARRAY: {
                BsonArray array = value.asArray();
                List<Object> list = new ArrayList<>(array.size());
                for (BsonValue item : array) {
                    list.add(toJava(item));
                }
                return list;
            }
            case DOCUMENT: {
                BsonDocument document = value.asDocument();
                if (document.size() == 1) {
                    if (document.get(BIG_INTEGER) instanceof BsonString digits) {
                        return new BigInteger(digits.getValue());
                    }
                    if (document.get(BIG_DECIMAL) instanceof BsonString digits) {
                        return new BigDecimal(digits.getValue());
                    }
                }
                return toMap(document);
            }
            default:
                throw new IllegalStateException("a stored JSON tree holds a " + value.getBsonType() + " value");
        }
    }

    /** The key as stored: {@code %}, {@code .}, U+0000 and a leading {@code $} percent-escaped. */
    static String escapeKey(String key) {
        if (!needsEscaping(key)) {
            return key;
        }
        StringBuilder escaped = new StringBuilder(key.length() + 8);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            switch (c) {
                case '%' -> escaped.append("%25");
                case '.' -> escaped.append("%2E");
                case '\0' -> escaped.append("%00");
                case '$' -> escaped.append(i == 0 ? "%24" : "$");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static boolean needsEscaping(String key) {
        if (!key.isEmpty() && key.charAt(0) == '$') {
            return true;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '%' || c == '.' || c == '\0') {
                return true;
            }
        }
        return false;
    }

    /** The key as the client sent it. */
    static String unescapeKey(String stored) {
        int percent = stored.indexOf('%');
        if (percent < 0) {
            return stored;
        }
        StringBuilder key = new StringBuilder(stored.length());
        key.append(stored, 0, percent);
        for (int i = percent; i < stored.length(); i++) {
            char c = stored.charAt(i);
            if (c == '%' && i + 2 < stored.length()) {
                key.append((char) Integer.parseInt(stored.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                key.append(c);
            }
        }
        return key.toString();
    }
}
