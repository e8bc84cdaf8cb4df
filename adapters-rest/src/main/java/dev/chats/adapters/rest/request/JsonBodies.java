package dev.chats.adapters.rest.request;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.chats.adapters.rest.error.ApiException;
import dev.chats.domain.text.StorableText;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads request bodies into plain JSON trees ({@code Map}/{@code List}/scalars, key order kept). Controllers take
 * the raw body and validate it themselves, so that malformed JSON and wrong types answer FastAPI's 422 shape
 * instead of the framework's own errors. Stricter than Python's reader where leniency would store something else
 * than the client meant: text after the value, a key given twice and bytes that are not UTF-8 answer 422. Every
 * key and string passes {@link StorableText#clean}, so what is accepted is what every store keeps and answers.
 */
@Singleton
public final class JsonBodies {

    private final JsonFactory factory = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

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
        if (body == null || isBlank(body)) {
            throw ValidationErrors.single("missing", "Field required", null, "body");
        }
        try (JsonParser parser = factory.createParser(body)) {
            Object tree = value(parser, parser.nextToken());
            if (parser.nextToken() != null) {
                throw invalid();
            }
            return tree;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw invalid();
        }
    }

    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        if (token == null) {
            throw invalid();
        }
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    String key = StorableText.clean(parser.currentName());
                    object.put(key, value(parser, parser.nextToken()));
                }
                yield object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    array.add(value(parser, next));
                }
                yield array;
            }
            case VALUE_STRING -> StorableText.clean(parser.getText());
            case VALUE_NUMBER_INT -> parser.getNumberValue();
            case VALUE_NUMBER_FLOAT -> {
                double number = parser.getDoubleValue();
                // Beyond a double's range the exact decimal is kept rather than infinity, which JSON cannot write.
                yield Double.isFinite(number) ? (Object) number : parser.getDecimalValue();
            }
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw invalid();
        };
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static ApiException invalid() {
        return new ValidationErrors()
                .add("json_invalid", "JSON decode error", Map.of(), "body", 0)
                .exception();
    }
}
