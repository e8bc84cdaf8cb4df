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
 * OpenAPI document: the id filters of {@code GET /chat} and {@code GET /session}, beside {@link VapiPageQuery}; the
 * single and the {@code …Any} (comma-separated) form of one filter must both hold.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Parameter(name = "id", in = ParameterIn.QUERY, schema = @Schema(type = "string"))
@Parameter(name = "idAny", in = ParameterIn.QUERY, description = "comma-separated ids",
        schema = @Schema(type = "string"))
@Parameter(name = "assistantId", in = ParameterIn.QUERY, schema = @Schema(type = "string"))
@Parameter(name = "assistantIdAny", in = ParameterIn.QUERY, description = "comma-separated assistant ids",
        schema = @Schema(type = "string"))
@Parameter(name = "squadId", in = ParameterIn.QUERY, description = "no chat or session belongs to a squad",
        schema = @Schema(type = "string"))
public @interface VapiFilterQuery {
}
