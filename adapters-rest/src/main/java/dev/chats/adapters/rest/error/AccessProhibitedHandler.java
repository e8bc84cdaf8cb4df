package dev.chats.adapters.rest.error;

import dev.chats.application.port.in.AccessProhibitedException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Answers a missing role or permission as Open WebUI does: 401 {@code ACCESS_PROHIBITED}. */
@Produces
@Singleton
public final class AccessProhibitedHandler
        implements ExceptionHandler<AccessProhibitedException, HttpResponse<ErrorDetail>> {

    @Override
    public HttpResponse<ErrorDetail> handle(HttpRequest request, AccessProhibitedException exception) {
        return HttpResponse.<ErrorDetail>status(HttpStatus.UNAUTHORIZED)
                .body(new ErrorDetail(OpenWebUiMessages.ACCESS_PROHIBITED));
    }
}
