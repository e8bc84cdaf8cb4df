package dev.chats.adapters.rest.error;

import dev.chats.application.port.in.chat.ChatNotFoundException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * Answers a chat that is missing or not the caller's with 404 {@code NOT_FOUND}. Routes where Open WebUI answers
 * 401 with another detail translate the exception themselves before it reaches here.
 */
@Produces
@Singleton
public final class ChatNotFoundHandler implements ExceptionHandler<ChatNotFoundException, HttpResponse<ErrorDetail>> {

    @Override
    public HttpResponse<ErrorDetail> handle(HttpRequest request, ChatNotFoundException exception) {
        return HttpResponse.notFound(new ErrorDetail(OpenWebUiMessages.NOT_FOUND));
    }
}
