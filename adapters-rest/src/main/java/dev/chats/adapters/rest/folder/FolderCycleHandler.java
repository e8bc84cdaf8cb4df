package dev.chats.adapters.rest.folder;

import dev.chats.adapters.rest.error.ErrorDetail;
import dev.chats.adapters.rest.error.OpenWebUiMessages;
import dev.chats.application.port.in.folder.FolderCycleException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Answers a move under the folder's own subtree with 400 (upstream has no such check; this server adds it). */
@Produces
@Singleton
public final class FolderCycleHandler implements ExceptionHandler<FolderCycleException, HttpResponse<ErrorDetail>> {

    static final String CYCLE = OpenWebUiMessages.error("Folder cannot be moved into itself or its descendants");

    @Override
    public HttpResponse<ErrorDetail> handle(HttpRequest request, FolderCycleException exception) {
        return HttpResponse.badRequest(new ErrorDetail(CYCLE));
    }
}
