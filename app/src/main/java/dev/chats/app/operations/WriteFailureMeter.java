package dev.chats.app.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Counts writes that failed on the server's side ({@code chats.writes.failed}): requests that change state (POST,
 * PUT, PATCH, DELETE) answered with a 5xx, the store being away (503) above all. Client mistakes (4xx) are not
 * failures of the service and are not counted.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class WriteFailureMeter {

    private final MeterRegistry registry;

    WriteFailureMeter(MeterRegistry registry) {
        this.registry = registry;
    }

    @ResponseFilter
    void count(HttpRequest<?> request, MutableHttpResponse<?> response) {
        HttpMethod method = request.getMethod();
        boolean write = method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH
                || method == HttpMethod.DELETE;
        if (write && response.code() >= 500) {
            Counter.builder("chats.writes.failed").description("State-changing requests answered with a 5xx")
                    .tag("status", Integer.toString(response.code())).register(registry).increment();
        }
    }
}
