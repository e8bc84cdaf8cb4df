package dev.chats.adapters.rest.error;

import dev.chats.application.port.in.folder.FolderNotFoundException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Answers a folder that is missing or not the caller's with 404 {@code NOT_FOUND}. */
@Produces
@Singleton
public final class FolderNotFoundHandler
        implements ExceptionHandler<FolderNotFoundException, HttpResponse<ErrorDetail>> {

    @Override
    public HttpResponse<ErrorDetail> handle(HttpRequest request, FolderNotFoundException exception) {
        return HttpResponse.notFound(new ErrorDetail(OpenWebUiMessages.NOT_FOUND));
    }
}
