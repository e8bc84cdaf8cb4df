package dev.chats.adapters.rest.request;

import dev.chats.adapters.rest.error.ApiException;
import io.micronaut.http.HttpStatus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects request validation failures and answers them as FastAPI does: 422 with
 * {@code {"detail": [{"type", "loc", "msg", "input"}, …]}}, so Open WebUI clients read them unchanged.
 */
public final class ValidationErrors {

    private final List<Map<String, Object>> errors = new ArrayList<>();

    public ValidationErrors add(String type, String message, Object input, Object... location) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", type);
        error.put("loc", Arrays.asList(location));
        error.put("msg", message);
        error.put("input", input);
        errors.add(error);
        return this;
    }

    public ValidationErrors missing(Object input, Object... location) {
        return add("missing", "Field required", input, location);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Throws the 422 answer if any failure was collected. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw exception();
        }
    }

    public ApiException exception() {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "request validation failed", List.copyOf(errors));
    }

    /** A single failure, thrown at once. */
    public static ApiException single(String type, String message, Object input, Object... location) {
        return new ValidationErrors().add(type, message, input, location).exception();
    }
}
