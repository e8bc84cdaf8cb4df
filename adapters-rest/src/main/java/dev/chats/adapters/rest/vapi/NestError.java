package dev.chats.adapters.rest.vapi;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The error body of the Vapi routes, NestJS's envelope: {@code {"message", "error", "statusCode"}}, where
 * {@code message} is one string, or for field validation an array of them.
 */
@Serdeable
public record NestError(Object message, String error, int statusCode) {

    public static NestError of(HttpStatus status, Object message) {
        return new NestError(message, status.getReason(), status.getCode());
    }

    public static MutableHttpResponse<NestError> response(HttpStatus status, Object message) {
        return HttpResponse.<NestError>status(status).body(of(status, message));
    }
}
