package dev.chats.adapters.rest.openapi;

import io.swagger.v3.oas.annotations.Parameter;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a route's acting-user parameter: bound from the bearer token by the security adapter, so the OpenAPI
 * document leaves it out of the operation's parameters (the token is the document's security scheme instead).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@Parameter(hidden = true)
public @interface Actor {
}
