package dev.chats.adapters.rest.error;

import dev.chats.domain.chat.InvalidChatDocumentException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Answers a conversation document that breaks a storage rule with 400 and the rule it broke. */
@Produces
@Singleton
public final class InvalidChatDocumentHandler
        implements ExceptionHandler<InvalidChatDocumentException, HttpResponse<ErrorDetail>> {

    @Override
    public HttpResponse<ErrorDetail> handle(HttpRequest request, InvalidChatDocumentException exception) {
        return HttpResponse.badRequest(new ErrorDetail(OpenWebUiMessages.error(exception.getMessage())));
    }
}
