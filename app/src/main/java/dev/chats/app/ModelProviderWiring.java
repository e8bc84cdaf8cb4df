package dev.chats.app;

import dev.chats.adapters.openai.OpenAiChatCompletions;
import dev.chats.adapters.openai.OpenAiSettings;
import dev.chats.adapters.rest.requestlog.ServerTiming;
import dev.chats.app.operations.MeteredModelProvider;
import dev.chats.domain.port.ModelProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

/**
 * Wires the model port to its adapter: the OpenAI Chat Completions protocol, on the connection of
 * {@link OpenAiConnectionSettings} and the URLs {@link ModelSettings} allows, measured on the way.
 */
@Factory
final class ModelProviderWiring {

    /** The adapter itself, for the health report; the use cases get it through {@link #modelProvider}. */
    @Singleton
    @Bean(typed = OpenAiChatCompletions.class)
    OpenAiChatCompletions openAi(OpenAiConnectionSettings connection, ModelSettings model, JsonMapper json) {
        return new OpenAiChatCompletions(new OpenAiSettings(connection.baseUrl(), connection.apiKey(),
                model.urlsAllowed()), json);
    }

    @Singleton
    ModelProvider modelProvider(OpenAiChatCompletions openAi, MeterRegistry registry) {
        return new MeteredModelProvider(openAi, registry, ServerTiming::addModelTime);
    }
}
