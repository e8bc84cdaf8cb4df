package dev.chats.adapters.jdbc;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** JSON objects kept in text columns: written compactly, read back as insertion-ordered JDK maps and lists. */
final class JsonColumns {

    private final JsonMapper mapper;

    JsonColumns(JsonMapper mapper) {
        this.mapper = mapper;
    }

    String write(Map<String, ?> object) {
        try {
            return mapper.writeValueAsString(object);
        } catch (IOException e) {
            throw new JdbcAccessException("cannot write a JSON column", e);
        }
    }

    /** The object stored in a column; null stays null. */
    Map<String, Object> readObject(String json) {
        if (json == null) {
            return null;
        }
        try {
            Object tree = normalise(mapper.readValue(json, Argument.OBJECT_ARGUMENT));
            if (tree instanceof Map<?, ?>) {
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) tree;
                return object;
            }
            throw new JdbcAccessException("a JSON column does not hold an object", null);
        } catch (IOException e) {
            throw new JdbcAccessException("cannot read a JSON column", e);
        }
    }

    private static Object normalise(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), normalise(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(JsonColumns::normalise).collect(Collectors.toList());
        }
        return value;
    }
}
