package dev.chats.domain.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Helpers over a JSON tree held in plain JDK types: {@code Map<String,Object>} (insertion-ordered),
 * {@code List<Object>}, {@code String}, {@code Number}, {@code Boolean} and {@code null}.
 *
 * <p>The domain keeps the client's conversation document in this form so that it can apply its
 * rules (title, merge, message split) without depending on any JSON library.
 */
public final class JsonTree {

    private JsonTree() {
    }

    /**
     * A deep, mutable copy that keeps key order; rejects values that are not JSON types. Whole numbers take the
     * narrowest of {@code Integer} and {@code Long}, as a JSON parser reads them back, so a tree equals itself
     * after a trip through storage.
     */
    public static Object deepCopy(Object value) {
        if (value instanceof Long || value instanceof Short || value instanceof Byte) {
            return integer(((Number) value).longValue());
        }
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("JSON object keys must be strings");
                }
                copy.put(key, deepCopy(e.getValue()));
            }
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object item : list) {
                copy.add(deepCopy(item));
            }
            return copy;
        }
        throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }

    /** A whole number as a JSON parser reads it: an {@code Integer} when it fits, else a {@code Long}. */
    public static Number integer(long value) {
        if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
            return Integer.valueOf((int) value);
        }
        return Long.valueOf(value);
    }

    /** A deep copy of a JSON object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> copyObject(Map<String, ?> object) {
        return (Map<String, Object>) deepCopy(object);
    }

    /** The value as a JSON object, if it is one. */
    @SuppressWarnings("unchecked")
    public static Optional<Map<String, Object>> asObject(Object value) {
        return value instanceof Map<?, ?> ? Optional.of((Map<String, Object>) value) : Optional.empty();
    }

    /** The value as a string, if it is one. */
    public static Optional<String> asString(Object value) {
        return value instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** A read-only view for callers that must not change the tree. */
    public static Map<String, Object> readOnly(Map<String, Object> object) {
        return Collections.unmodifiableMap(object);
    }
}
