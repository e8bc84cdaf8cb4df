package dev.chats.adapters.rest.openapi;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * OpenAPI document: the paging and time-bound query parameters the Vapi list routes share (they read them from the
 * request's parameters, so the processor cannot see them). An invalid value answers 400.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Parameter(name = "page", in = ParameterIn.QUERY, schema = @Schema(type = "number", minimum = "1", defaultValue = "1"))
@Parameter(name = "limit", in = ParameterIn.QUERY,
        schema = @Schema(type = "number", minimum = "0", maximum = "1000", defaultValue = "100"))
@Parameter(name = "sortOrder", in = ParameterIn.QUERY,
        schema = @Schema(type = "string", allowableValues = {"ASC", "DESC"}, defaultValue = "DESC"))
@Parameter(name = "sortBy", in = ParameterIn.QUERY, description = "cost is not supported yet (400)",
        schema = @Schema(type = "string", allowableValues = {"createdAt", "duration", "cost"}))
@Parameter(name = "createdAtGt", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "date-time"))
@Parameter(name = "createdAtGe", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "date-time"))
@Parameter(name = "createdAtLt", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "date-time"))
@Parameter(name = "createdAtLe", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "date-time"))
@Parameter(name = "updatedAtGt", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "date-time"))
@Parameter(name = "updatedAtGe", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "date-time"))
@Parameter(name = "updatedAtLt", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "date-time"))
@Parameter(name = "updatedAtLe", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "date-time"))
public @interface VapiPageQuery {
}
