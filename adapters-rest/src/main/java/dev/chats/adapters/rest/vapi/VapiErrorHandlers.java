package dev.chats.adapters.rest.vapi;

import dev.chats.application.port.in.vapi.VapiChatNotFoundException;
import dev.chats.domain.port.ModelEndpointRefusedException;
import dev.chats.domain.port.ModelUnavailableException;
import dev.chats.domain.vapi.InvalidVapiChatException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Translates the Vapi use cases' exceptions into their statuses and NestJS error envelopes. */
final class VapiErrorHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(VapiErrorHandlers.class);

    private VapiErrorHandlers() {
    }

    /** 400: field validation lists its messages, a rule across fields is one message. */
    @Produces
    @Singleton
    static final class InvalidChat implements ExceptionHandler<InvalidVapiChatException, HttpResponse<NestError>> {
        @Override
        public HttpResponse<NestError> handle(HttpRequest request, InvalidVapiChatException e) {
            return NestError.response(HttpStatus.BAD_REQUEST, e.perField() ? e.messages() : e.messages().get(0));
        }
    }

    /** 404, the same body for a missing and another user's record. */
    @Produces
    @Singleton
    static final class NotFound implements ExceptionHandler<VapiChatNotFoundException, HttpResponse<NestError>> {
        @Override
        public HttpResponse<NestError> handle(HttpRequest request, VapiChatNotFoundException e) {
            return NestError.response(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }

    /** 400: the assistant names a model URL the server may not call. */
    @Produces
    @Singleton
    static final class EndpointRefused
            implements ExceptionHandler<ModelEndpointRefusedException, HttpResponse<NestError>> {
        @Override
        public HttpResponse<NestError> handle(HttpRequest request, ModelEndpointRefusedException e) {
            return NestError.response(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    /** 502: the model failed; nothing was stored. */
    @Produces
    @Singleton
    static final class ModelFailed implements ExceptionHandler<ModelUnavailableException, HttpResponse<NestError>> {
        @Override
        public HttpResponse<NestError> handle(HttpRequest request, ModelUnavailableException e) {
            LOG.warn("{} {}: {}", request.getMethod(), request.getPath(), e.getMessage());
            return NestError.response(HttpStatus.BAD_GATEWAY, "The model failed to answer: " + e.getMessage());
        }
    }
}
