package dev.chats.adapters.rest.openapi;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.ArrayList;
import java.util.List;

/**
 * OpenAPI document: the two error bodies, as schemas only (the handlers build them from {@code ErrorDetail},
 * {@code ValidationErrors} and {@code NestError}).
 */
public final class ErrorSchemas {

    private ErrorSchemas() {
    }

    @Schema(name = "DetailError", description = "Open WebUI's (FastAPI's) error body on every /api route")
    public record Detail(
            @Schema(description = "A message, or for request validation (422) the list of failures",
                    oneOf = {String.class, ValidationFailures.class}, requiredMode = Schema.RequiredMode.REQUIRED)
            Object detail) {
    }

    @Schema(name = "ValidationFailure", description = "One failed field of a request, as FastAPI reports it")
    public record ValidationFailure(
            @Schema(example = "missing") String type,
            @ArraySchema(schema = @Schema(oneOf = {String.class, Integer.class}), arraySchema = @Schema(
                    example = "[\"body\", \"chat\"]")) List<Object> loc,
            @Schema(example = "Field required") String msg,
            @Schema(description = "The value that failed, as sent") Object input) {
    }

    /** A named array schema: an annotation cannot name an array type. */
    @Schema(name = "ValidationFailures", description = "The list form of detail")
    public static final class ValidationFailures extends ArrayList<ValidationFailure> {
    }

    /** A named array schema, as above. */
    @Schema(name = "NestMessages", description = "The list form of message")
    public static final class Messages extends ArrayList<String> {
    }

    @Schema(name = "NestError", description = "NestJS's error body on the Vapi routes")
    public record Nest(
            @Schema(description = "A message, or for field validation the list of messages",
                    oneOf = {String.class, Messages.class}, requiredMode = Schema.RequiredMode.REQUIRED)
            Object message,
            @Schema(description = "The status's reason phrase", example = "Bad Request",
                    requiredMode = Schema.RequiredMode.REQUIRED) String error,
            @Schema(example = "400", requiredMode = Schema.RequiredMode.REQUIRED) int statusCode) {
    }
}
