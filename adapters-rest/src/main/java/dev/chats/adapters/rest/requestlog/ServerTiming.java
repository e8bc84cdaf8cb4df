package dev.chats.adapters.rest.requestlog;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;

/**
 * The answer's {@code Server-Timing} header (W3C Server Timing): {@code total}, the server's milliseconds until the
 * answer's head, and {@code model}, the part of them spent waiting on the model server when the request called it,
 * so that a client (or a browser's developer tools) can tell the server's own time from the model's. A streamed
 * answer's head leaves before its model call ends, so it carries {@code total} alone.
 */
public final class ServerTiming {

    static final String HEADER = "Server-Timing";
    private static final String MODEL_NANOS = ServerTiming.class.getName() + ".model";

    private ServerTiming() {
    }

    /** Adds a finished model call's duration to the request this thread is serving, if it serves one. */
    public static void addModelTime(long nanos) {
        ServerRequestContext.currentRequest().ifPresent(request -> request.setAttribute(MODEL_NANOS,
                request.getAttribute(MODEL_NANOS, Long.class).orElse(0L) + nanos));
    }

    /** The header's value for a request whose answer's head is ready {@code totalNanos} after it arrived. */
    static String value(HttpRequest<?> request, long totalNanos) {
        String total = "total;dur=" + millis(totalNanos);
        return request.getAttribute(MODEL_NANOS, Long.class)
                .map(model -> "model;dur=" + millis(model) + ", " + total)
                .orElse(total);
    }

    /** Milliseconds with two decimals, written without a Formatter: this runs for every answer. */
    static String millis(long nanos) {
        long hundredths = (nanos + 5_000) / 10_000;
        long fraction = hundredths % 100;
        return hundredths / 100 + (fraction < 10 ? ".0" : ".") + fraction;
    }
}
