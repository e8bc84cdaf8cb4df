package dev.chats.adapters.rest.openapi;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * OpenAPI document: the error answers every Vapi route may give, each with NestJS's
 * {@code {"message", "error", "statusCode"}} body. Put on a controller, they join every route's own responses.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ApiResponse(responseCode = "400", description = "Invalid body or query: message lists the failed fields",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorSchemas.Nest.class)))
@ApiResponse(responseCode = "401", description = "No token, or an invalid, expired or signed-out one",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorSchemas.Nest.class)))
@ApiResponse(responseCode = "404", description = "No such record of the caller's (another user's answers the same)",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorSchemas.Nest.class)))
@ApiResponse(responseCode = "413", description = "Body over the request size limit",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorSchemas.Nest.class)))
@ApiResponse(responseCode = "502", description = "The model server failed to answer",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorSchemas.Nest.class)))
@ApiResponse(responseCode = "503", description = "The database is unavailable",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorSchemas.Nest.class)))
public @interface NestErrors {
}
