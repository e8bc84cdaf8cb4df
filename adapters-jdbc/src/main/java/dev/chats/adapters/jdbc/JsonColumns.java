package dev.chats.adapters.jdbc;

import dev.chats.domain.json.JsonTree;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.util.Map;

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
            // The domain's one normalisation of a JSON tree: ordered maps, lists, narrowest whole numbers.
            Object tree = JsonTree.deepCopy(mapper.readValue(json, Argument.OBJECT_ARGUMENT));
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
}
