package dev.chats.adapters.rest.error;

import io.micronaut.http.HttpStatus;

/** A failure that answers with this status and {@code {"detail": …}}; thrown by controllers at the edge. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final transient Object detail;

    public ApiException(HttpStatus status, String detail) {
        super(detail);
        this.status = status;
        this.detail = detail;
    }

    /** A detail that is not a string, such as FastAPI's list of validation errors. */
    public ApiException(HttpStatus status, String message, Object detail) {
        super(message);
        this.status = status;
        this.detail = detail;
    }

    public HttpStatus status() {
        return status;
    }

    public Object detail() {
        return detail;
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(HttpStatus.UNAUTHORIZED, detail);
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, detail);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, detail);
    }
}
