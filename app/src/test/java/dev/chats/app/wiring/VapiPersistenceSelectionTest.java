package dev.chats.app.wiring;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.chats.adapters.jdbc.JdbcSavedAssistantRepository;
import dev.chats.adapters.jdbc.JdbcVapiChatRepository;
import dev.chats.adapters.jdbc.JdbcVapiSessionRepository;
import dev.chats.adapters.mongo.MongoSavedAssistantRepository;
import dev.chats.adapters.mongo.MongoVapiChatRepository;
import dev.chats.adapters.mongo.MongoVapiSessionRepository;
import dev.chats.adapters.openai.OpenAiChatCompletions;
import dev.chats.app.operations.MeteredModelProvider;
import dev.chats.domain.port.ModelProvider;
import dev.chats.domain.port.SavedAssistantRepository;
import dev.chats.domain.port.VapiChatRepository;
import dev.chats.domain.port.VapiSessionRepository;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Vapi chat, session and assistant ports follow {@code chats.persistence} like every other; the model port is the OpenAI adapter. */
class VapiPersistenceSelectionTest {

    @Test
    void byDefault_theJdbcAdapterBacksVapiChats() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("chats.persistence", "jdbc",
                "datasources.default.url", "jdbc:h2:mem:vapi-selection;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"),
                "test")) {
            assertThat(context.getBean(VapiChatRepository.class)).isInstanceOf(JdbcVapiChatRepository.class);
            assertThat(context.findBean(MongoVapiChatRepository.class)).isEmpty();
            assertThat(context.getBean(VapiSessionRepository.class)).isInstanceOf(JdbcVapiSessionRepository.class);
            assertThat(context.getBean(SavedAssistantRepository.class))
                    .isInstanceOf(JdbcSavedAssistantRepository.class);
            assertThat(context.getBean(ModelProvider.class)).isInstanceOf(MeteredModelProvider.class);
            assertThat(context.findBean(OpenAiChatCompletions.class)).isPresent();
        }
    }

    @Test
    void withMongo_theMongoAdapterBacksVapiChats() {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongo.bind();
        try (ApplicationContext context = ApplicationContext.run(Map.of("chats.persistence", "mongo",
                "mongodb.uri", "mongodb://127.0.0.1:" + address.getPort(),
                "datasources.default.url", "jdbc:postgresql://127.0.0.1:1/none"), "test")) {
            assertThat(context.getBean(VapiChatRepository.class)).isInstanceOf(MongoVapiChatRepository.class);
            assertThat(context.findBean(JdbcVapiChatRepository.class)).isEmpty();
            assertThat(context.getBean(VapiSessionRepository.class)).isInstanceOf(MongoVapiSessionRepository.class);
            assertThat(context.getBean(SavedAssistantRepository.class))
                    .isInstanceOf(MongoSavedAssistantRepository.class);
        } finally {
            mongo.shutdownNow();
        }
    }
}
