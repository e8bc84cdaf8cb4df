package dev.chats.adapters.rest.folder;

import dev.chats.adapters.rest.request.ValidationErrors;
import dev.chats.domain.folder.Folder;
import dev.chats.domain.folder.FolderId;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the fields the folder forms share from a JSON body, recording each failure as pydantic words it so the
 * form answers one 422 listing them all.
 */
final class FolderFields {

    private FolderFields() {
    }

    /** A folder name: a non-blank string of at most {@link Folder#MAX_NAME_LENGTH} characters; null if invalid. */
    static String name(Object value, ValidationErrors errors) {
        if (!(value instanceof String name)) {
            errors.add("string_type", "Input should be a valid string", value, "body", "name");
            return null;
        }
        if (name.isBlank()) {
            errors.add("string_too_short", "String should have at least 1 character", name, "body", "name");
            return null;
        }
        if (name.length() > Folder.MAX_NAME_LENGTH) {
            errors.add("string_too_long", "String should have at most " + Folder.MAX_NAME_LENGTH + " characters",
                    name, "body", "name");
            return null;
        }
        return name;
    }

    /** An optional JSON object ({@code data}, {@code meta}): empty when absent or null. */
    static Optional<Map<String, Object>> object(Map<String, Object> body, String field, ValidationErrors errors) {
        Object value = body.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) map;
            return Optional.of(object);
        }
        errors.add("dict_type", "Input should be a valid dictionary", value, "body", field);
        return Optional.empty();
    }

    /** An optional parent folder id: empty when absent, null or empty (the root). */
    static Optional<FolderId> parentId(Map<String, Object> body, ValidationErrors errors) {
        Object value = body.get("parent_id");
        if (value == null || "".equals(value)) {
            return Optional.empty();
        }
        if (!(value instanceof String id)) {
            errors.add("string_type", "Input should be a valid string", value, "body", "parent_id");
            return Optional.empty();
        }
        if (id.length() > FolderId.MAX_LENGTH || id.isBlank()) {
            errors.add("string_too_long", "String should have at most " + FolderId.MAX_LENGTH + " characters", id,
                    "body", "parent_id");
            return Optional.empty();
        }
        return Optional.of(new FolderId(id));
    }

    /** A boolean as pydantic reads one in lax mode: JSON booleans, 0 and 1, and the usual words; null if invalid. */
    static Boolean bool(Object value, ValidationErrors errors, String field) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        if (value instanceof Number number && (number.doubleValue() == 0 || number.doubleValue() == 1)) {
            return number.doubleValue() == 1;
        }
        if (value instanceof String text) {
            switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes", "on", "t", "y" -> {
                    return true;
                }
                case "false", "0", "no", "off", "f", "n" -> {
                    return false;
                }
                default -> {
                    errors.add("bool_parsing", "Input should be a valid boolean, unable to interpret input", value,
                            "body", field);
                    return null;
                }
            }
        }
        errors.add("bool_type", "Input should be a valid boolean", value, "body", field);
        return null;
    }
}
