package dev.chats.adapters.rest.request;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads request bodies into plain JSON trees ({@code Map}/{@code List}/scalars, key order kept). Controllers take
 * the raw body and validate it themselves, so that malformed JSON and wrong types answer FastAPI's 422 shape
 * instead of the framework's own errors.
 */
@Singleton
public final class JsonBodies {

    private final JsonMapper mapper;

    public JsonBodies(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** The body as a JSON object; 422 if it is missing, malformed or not an object. */
    public Map<String, Object> object(byte[] body) {
        Object tree = tree(body);
        if (tree instanceof Map<?, ?>) {
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) tree;
            return object;
        }
        throw ValidationErrors.single("model_attributes_type",
                "Input should be a valid dictionary or object to extract fields from", tree, "body");
    }

    /** The body as any JSON value; 422 if it is missing or malformed. */
    public Object tree(byte[] body) {
        if (body == null || body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
            throw ValidationErrors.single("missing", "Field required", null, "body");
        }
        try {
            Object tree = mapper.readValue(body, Argument.OBJECT_ARGUMENT);
            return normalise(tree);
        } catch (IOException | RuntimeException e) {
            throw new ValidationErrors()
                    .add("json_invalid", "JSON decode error", Map.of(), "body", 0)
                    .exception();
        }
    }

    /** Maps and lists from the JSON library become insertion-ordered JDK collections the domain can copy. */
    private static Object normalise(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), normalise(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(JsonBodies::normalise).collect(java.util.stream.Collectors.toList());
        }
        return value;
    }
}
