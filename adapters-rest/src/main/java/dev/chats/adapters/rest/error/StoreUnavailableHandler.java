package dev.chats.adapters.rest.error;

import dev.chats.domain.port.StoreUnavailableException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers a request that found the database away with 503: nothing was written, and a retry may succeed. */
@Produces
@Singleton
public final class StoreUnavailableHandler implements ExceptionHandler<StoreUnavailableException, HttpResponse<ErrorDetail>> {

    static final String DETAIL = "The database is unavailable right now. Please try again shortly.";

    private static final Logger LOG = LoggerFactory.getLogger(StoreUnavailableHandler.class);

    @Override
    public HttpResponse<ErrorDetail> handle(HttpRequest request, StoreUnavailableException exception) {
        LOG.warn("{} {}: {}", request.getMethod(), request.getPath(), exception.getMessage());
        return HttpResponse.<ErrorDetail>status(HttpStatus.SERVICE_UNAVAILABLE).body(new ErrorDetail(DETAIL));
    }
}
