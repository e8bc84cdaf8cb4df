package dev.chats.adapters.rest.error;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Gives the framework's own errors (unknown route, wrong method, unreadable request, unexpected failure) the
 * {@code {"detail": …}} body FastAPI gives them, so clients parse every error the same way. Internal failures
 * never leak their message.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public final class DetailErrorResponseProcessor implements ErrorResponseProcessor<ErrorDetail> {

    @Override
    public MutableHttpResponse<ErrorDetail> processResponse(ErrorContext errorContext,
                                                           MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        String detail = switch (status) {
            case NOT_FOUND -> "Not Found";
            case METHOD_NOT_ALLOWED -> "Method Not Allowed";
            case UNSUPPORTED_MEDIA_TYPE -> "Unsupported Media Type";
            case REQUEST_ENTITY_TOO_LARGE -> "Request Entity Too Large";
            case INTERNAL_SERVER_ERROR -> OpenWebUiMessages.DEFAULT;
            default -> errorContext.getErrors().stream().findFirst().map(Error::getMessage)
                    .orElse(status.getReason());
        };
        return response.contentType(MediaType.APPLICATION_JSON_TYPE).body(new ErrorDetail(detail));
    }
}
