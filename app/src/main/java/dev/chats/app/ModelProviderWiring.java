package dev.chats.app;

import dev.chats.adapters.openai.OpenAiChatCompletions;
import dev.chats.adapters.openai.OpenAiSettings;
import dev.chats.app.operations.MeteredModelProvider;
import dev.chats.domain.port.ModelProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

/**
 * Wires the model port to its adapter: the OpenAI Chat Completions protocol, configured with Open WebUI's names
 * ({@code OPENAI_API_BASE_URL}, {@code OPENAI_API_KEY}) and {@code CHATS_MODEL_URLS_ALLOWED}, measured on the way.
 */
@Factory
final class ModelProviderWiring {

    /** The adapter itself, for the health report; the use cases get it through {@link #modelProvider}. */
    @Singleton
    @Bean(typed = OpenAiChatCompletions.class)
    OpenAiChatCompletions openAi(@Value("${chats.model.openai.base-url:}") String baseUrl,
                                 @Value("${chats.model.openai.api-key:}") String apiKey,
                                 @Value("${chats.model.urls-allowed:}") String urlsAllowed, JsonMapper json) {
        return new OpenAiChatCompletions(new OpenAiSettings(baseUrl, apiKey, urlsAllowed), json);
    }

    @Singleton
    ModelProvider modelProvider(OpenAiChatCompletions openAi, MeterRegistry registry) {
        return new MeteredModelProvider(openAi, registry);
    }
}
