package dev.chats.adapters.rest.security;

import dev.chats.adapters.rest.error.ErrorDetail;
import dev.chats.adapters.rest.error.OpenWebUiMessages;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;

/**
 * Answers requests the security rules reject with Open WebUI's shapes: no token at all is 403
 * {@code Not authenticated}; a token that is malformed, badly signed or expired is 401 {@code 401 Unauthorized};
 * a valid session a rule still refuses is 401 {@code ACCESS_PROHIBITED}.
 */
@Produces
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
final class AuthorizationRejectionHandler
        implements ExceptionHandler<AuthorizationException, MutableHttpResponse<ErrorDetail>> {

    @Override
    public MutableHttpResponse<ErrorDetail> handle(HttpRequest request, AuthorizationException exception) {
        if (exception.isForbidden()) {
            return reject(HttpStatus.UNAUTHORIZED, OpenWebUiMessages.ACCESS_PROHIBITED);
        }
        if (PresentedToken.find(request).isPresent()) {
            return reject(HttpStatus.UNAUTHORIZED, OpenWebUiMessages.UNAUTHORIZED);
        }
        return reject(HttpStatus.FORBIDDEN, OpenWebUiMessages.NOT_AUTHENTICATED);
    }

    private static MutableHttpResponse<ErrorDetail> reject(HttpStatus status, String detail) {
        return HttpResponse.<ErrorDetail>status(status).body(new ErrorDetail(detail));
    }
}
