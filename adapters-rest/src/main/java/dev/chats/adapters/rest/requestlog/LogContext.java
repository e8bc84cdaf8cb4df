package dev.chats.adapters.rest.requestlog;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.propagation.MutablePropagatedContext;
import org.slf4j.MDC;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Puts a value into the logging context (MDC) of the rest of a request: the framework carries the request's
 * propagated context across the threads that serve it, so a plain {@code MDC.put} on the filter's thread would be
 * lost once the route runs on the blocking executor.
 */
final class LogContext {

    private LogContext() {
    }

    static void put(MutablePropagatedContext context, String key, String value) {
        Optional<MdcPropagationContext> existing = context.getContext().find(MdcPropagationContext.class);
        Map<String, String> entries = new HashMap<>();
        existing.map(MdcPropagationContext::state).ifPresentOrElse(entries::putAll, () -> {
            Map<String, String> current = MDC.getCopyOfContextMap();
            if (current != null) {
                entries.putAll(current);
            }
        });
        entries.put(key, value);
        MdcPropagationContext updated = new MdcPropagationContext(entries);
        existing.ifPresentOrElse(old -> context.replace(old, updated), () -> context.add(updated));
    }
}
