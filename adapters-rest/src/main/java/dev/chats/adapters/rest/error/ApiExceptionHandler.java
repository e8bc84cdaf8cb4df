package dev.chats.adapters.rest.error;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.Map;

/** Answers an {@link ApiException} with its status and {@code {"detail": …}}. */
@Produces
@Singleton
public final class ApiExceptionHandler implements ExceptionHandler<ApiException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, ApiException exception) {
        return HttpResponse.status(exception.status()).body(Map.of("detail", exception.detail()));
    }
}
