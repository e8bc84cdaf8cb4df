package dev.chats.app;

import com.fasterxml.jackson.core.StreamReadConstraints;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;

/**
 * Lifts the JSON library's default cap on one string value (20 million characters) before any JSON mapper is
 * built. A message may hold a single value that large (an inline image, a pasted file), and the request size limit
 * ({@code micronaut.server.max-request-size}) already bounds what a client can send; without this, such a chat
 * would be refused with 422 on write or fail on every later read of a stored one.
 */
@ContextConfigurer
public final class JsonReadLimits implements ApplicationContextConfigurer {

    @Override
    public void configure(ApplicationContextBuilder builder) {
        StreamReadConstraints.overrideDefaultStreamReadConstraints(
                StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build());
    }
}
