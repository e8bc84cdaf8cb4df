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
 * OpenAPI document: the error answers every Open WebUI route may give, each with the {@code {"detail": …}} body.
 * Put on a controller, they join every route's own responses.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ApiResponse(responseCode = "400", description = "The request cannot be served as sent (Open WebUI's message)",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorSchemas.Detail.class)))
@ApiResponse(responseCode = "401", description = "Invalid, expired or signed-out token, a pending user, or a record "
        + "that is missing or not the caller's", content = @Content(mediaType = "application/json",
        schema = @Schema(implementation = ErrorSchemas.Detail.class)))
@ApiResponse(responseCode = "403", description = "No token presented (\"Not authenticated\"), or a permission the "
        + "caller lacks", content = @Content(mediaType = "application/json",
        schema = @Schema(implementation = ErrorSchemas.Detail.class)))
@ApiResponse(responseCode = "404", description = "No such record visible to the caller",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorSchemas.Detail.class)))
@ApiResponse(responseCode = "413", description = "Body over the request size limit",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorSchemas.Detail.class)))
@ApiResponse(responseCode = "422", description = "Request validation failed: detail lists the failures",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorSchemas.Detail.class)))
@ApiResponse(responseCode = "503", description = "The database is unavailable",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = ErrorSchemas.Detail.class)))
public @interface DetailErrors {
}
