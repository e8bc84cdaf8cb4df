package dev.chats.adapters.rest.error;

import dev.chats.adapters.rest.request.ValidationErrors;
import dev.chats.domain.chat.DocumentFieldTooLongException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * Answers a document text longer than the stores keep as FastAPI answers an over-long field: 422 with
 * {@code string_too_long} and the field's location under {@code body}. The input is not echoed: it is huge.
 */
@Produces
@Singleton
public final class DocumentFieldTooLongHandler
        implements ExceptionHandler<DocumentFieldTooLongException, HttpResponse<?>> {

    private final ApiExceptionHandler answers;

    public DocumentFieldTooLongHandler(ApiExceptionHandler answers) {
        this.answers = answers;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, DocumentFieldTooLongException exception) {
        List<Object> location = new ArrayList<>();
        location.add("body");
        location.addAll(exception.location());
        return answers.handle(request, ValidationErrors.single("string_too_long",
                "String should have at most " + exception.maxLength() + " characters", null, location.toArray()));
    }
}
