package dev.chats.adapters.rest.auth;

import dev.chats.adapters.rest.request.ValidationErrors;

import java.util.Map;

/** Reads string fields of a JSON form the way pydantic validates {@code str} fields, collecting 422 errors. */
final class FormFields {

    private FormFields() {
    }

    /** The field's text, or null after recording {@code missing} / {@code string_type}. */
    static String required(Map<String, Object> body, String field, ValidationErrors errors) {
        if (!body.containsKey(field)) {
            errors.missing(body, "body", field);
            return null;
        }
        return text(body, field, errors);
    }

    /** The field's text, null when absent or null, or null after recording {@code string_type}. */
    static String optional(Map<String, Object> body, String field, ValidationErrors errors) {
        return body.get(field) == null ? null : text(body, field, errors);
    }

    /** Records pydantic's length errors for a text outside {@code min..max} characters (blank counts as empty). */
    static void length(String value, int min, int max, String field, ValidationErrors errors) {
        if (value == null) {
            return;
        }
        if (value.isBlank() && min > 0) {
            errors.add("string_too_short", "String should have at least " + min + " character" + (min == 1 ? "" : "s"),
                    value, "body", field);
        } else if (value.length() > max) {
            errors.add("string_too_long", "String should have at most " + max + " characters", value, "body", field);
        }
    }

    private static String text(Map<String, Object> body, String field, ValidationErrors errors) {
        Object value = body.get(field);
        if (value instanceof String text) {
            return text;
        }
        errors.add("string_type", "Input should be a valid string", value, "body", field);
        return null;
    }
}
