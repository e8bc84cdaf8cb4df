package dev.chats.adapters.rest.request;

import java.util.Locale;
import java.util.Optional;

/**
 * Parses query parameters the way FastAPI/pydantic does (lenient booleans, integers), answering 422 with the
 * parameter's location when a value does not parse.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** An optional integer of at least {@code min}. */
    public static Optional<Long> integer(String name, String raw, long min) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        long value;
        try {
            value = Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw ValidationErrors.single("int_parsing",
                    "Input should be a valid integer, unable to parse string as an integer", raw, "query", name);
        }
        if (value < min) {
            throw ValidationErrors.single("greater_than_equal", "Input should be greater than or equal to " + min,
                    raw, "query", name);
        }
        return Optional.of(value);
    }

    /** A boolean, {@code defaultValue} when absent. */
    public static boolean bool(String name, String raw, boolean defaultValue) {
        if (raw == null || raw.isEmpty()) {
            return defaultValue;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on", "t", "y" -> true;
            case "false", "0", "no", "off", "f", "n" -> false;
            default -> throw ValidationErrors.single("bool_parsing",
                    "Input should be a valid boolean, unable to interpret input", raw, "query", name);
        };
    }

    /** A string, empty when absent or blank. */
    public static Optional<String> text(String raw) {
        return raw == null || raw.isBlank() ? Optional.empty() : Optional.of(raw);
    }
}
