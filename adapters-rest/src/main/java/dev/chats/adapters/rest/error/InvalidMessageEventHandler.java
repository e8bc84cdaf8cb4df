package dev.chats.adapters.rest.error;

import dev.chats.domain.chat.InvalidMessageEventException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Answers a message event of an unknown type or with malformed data with 400 and the rule it broke. */
@Produces
@Singleton
public final class InvalidMessageEventHandler implements ExceptionHandler<InvalidMessageEventException, HttpResponse<ErrorDetail>> {

    @Override
    public HttpResponse<ErrorDetail> handle(HttpRequest request, InvalidMessageEventException exception) {
        return HttpResponse.badRequest(new ErrorDetail(OpenWebUiMessages.error(exception.getMessage())));
    }
}
