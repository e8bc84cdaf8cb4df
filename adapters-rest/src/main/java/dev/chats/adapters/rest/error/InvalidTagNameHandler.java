package dev.chats.adapters.rest.error;

import dev.chats.domain.tag.InvalidTagNameException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Answers a tag name that is blank, too long or reserved with 400 and the rule it broke. */
@Produces
@Singleton
public final class InvalidTagNameHandler implements ExceptionHandler<InvalidTagNameException, HttpResponse<ErrorDetail>> {

    @Override
    public HttpResponse<ErrorDetail> handle(HttpRequest request, InvalidTagNameException exception) {
        return HttpResponse.badRequest(new ErrorDetail(OpenWebUiMessages.error(exception.getMessage())));
    }
}
