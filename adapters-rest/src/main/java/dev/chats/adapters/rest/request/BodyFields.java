package dev.chats.adapters.rest.request;

import dev.chats.domain.folder.FolderId;

import java.util.Map;
import java.util.Optional;

/**
 * Typed reads of the fields of a JSON object body, each failure collected as FastAPI reports it
 * ({@code loc: ["body", field]}), so a form validates all its fields before answering 422.
 */
public final class BodyFields {

    private final Map<String, Object> body;
    private final Object[] location;
    private final ValidationErrors errors = new ValidationErrors();

    public BodyFields(Map<String, Object> body) {
        this(body, "body");
    }

    /** Fields of an object nested in the body, reported under {@code location} (e.g. body, chats, 2). */
    public BodyFields(Map<String, Object> body, Object... location) {
        this.body = body;
        this.location = location.clone();
    }

    private Object[] at(String field) {
        Object[] path = java.util.Arrays.copyOf(location, location.length + 1);
        path[location.length] = field;
        return path;
    }

    /** A string field that must be present and not null. */
    public String requiredString(String name) {
        if (!body.containsKey(name)) {
            errors.missing(body, at(name));
            return null;
        }
        return optionalString(name).orElseGet(() -> {
            if (body.get(name) == null) {
                errors.add("string_type", "Input should be a valid string", null, at(name));
            }
            return null;
        });
    }

    /** A string field that may be absent or null. */
    public Optional<String> optionalString(String name) {
        Object value = body.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String text) {
            return Optional.of(text);
        }
        errors.add("string_type", "Input should be a valid string", value, at(name));
        return Optional.empty();
    }

    /**
     * A folder id field that may be absent or null. Empty or blank means no folder, as an empty one always has (a
     * blank id cannot name a folder); longer than a folder id can be is reported as FastAPI's string_too_long.
     */
    public Optional<FolderId> optionalFolderId(String name) {
        Optional<String> raw = optionalString(name).filter(id -> !id.isBlank());
        if (raw.isPresent() && raw.get().length() > FolderId.MAX_LENGTH) {
            errors.add("string_too_long", "String should have at most " + FolderId.MAX_LENGTH + " characters",
                    raw.get(), at(name));
            return Optional.empty();
        }
        return raw.map(FolderId::new);
    }

    /** An object field that may be absent or null. */
    public Optional<Map<String, Object>> optionalObject(String name) {
        Object value = body.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) map;
            return Optional.of(object);
        }
        errors.add("dict_type", "Input should be a valid dictionary", value, at(name));
        return Optional.empty();
    }

    /** An object field that must be present. */
    public Map<String, Object> requiredObject(String name) {
        if (!body.containsKey(name)) {
            errors.missing(body, at(name));
            return null;
        }
        Optional<Map<String, Object>> value = optionalObject(name);
        if (value.isEmpty() && body.get(name) == null) {
            errors.add("dict_type", "Input should be a valid dictionary", null, at(name));
        }
        return value.orElse(null);
    }

    /** A boolean field; {@code defaultValue} when absent or null. */
    public boolean bool(String name, boolean defaultValue) {
        Object value = body.get(name);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        errors.add("bool_type", "Input should be a valid boolean", value, at(name));
        return defaultValue;
    }

    /** A whole-number field that may be absent or null. */
    public Optional<Long> optionalLong(String name) {
        Object value = body.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                && !(value instanceof Double d && (d.isInfinite() || d.isNaN()))) {
            return Optional.of(number.longValue());
        }
        errors.add("int_type", "Input should be a valid integer", value, at(name));
        return Optional.empty();
    }

    /** Answers 422 if any field failed. */
    public void validate() {
        errors.throwIfAny();
    }
}
