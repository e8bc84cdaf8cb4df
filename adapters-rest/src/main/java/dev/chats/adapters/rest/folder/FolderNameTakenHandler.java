package dev.chats.adapters.rest.folder;

import dev.chats.adapters.rest.error.ErrorDetail;
import dev.chats.adapters.rest.error.OpenWebUiMessages;
import dev.chats.application.port.in.folder.FolderNameTakenException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Answers a sibling-name clash as Open WebUI does: 400 {@code [ERROR: Folder already exists]}. */
@Produces
@Singleton
public final class FolderNameTakenHandler
        implements ExceptionHandler<FolderNameTakenException, HttpResponse<ErrorDetail>> {

    static final String FOLDER_EXISTS = OpenWebUiMessages.error("Folder already exists");

    @Override
    public HttpResponse<ErrorDetail> handle(HttpRequest request, FolderNameTakenException exception) {
        return HttpResponse.badRequest(new ErrorDetail(FOLDER_EXISTS));
    }
}
