package dev.chats.app.wiring;

import dev.chats.adapters.jdbc.JdbcApiKeyRepository;
import dev.chats.adapters.jdbc.JdbcChatRepository;
import dev.chats.adapters.jdbc.JdbcFolderRepository;
import dev.chats.adapters.jdbc.JdbcShareRepository;
import dev.chats.adapters.jdbc.JdbcTagRepository;
import dev.chats.adapters.jdbc.JdbcUserRepository;
import dev.chats.adapters.mongo.MongoApiKeyRepository;
import dev.chats.adapters.mongo.MongoChatRepository;
import dev.chats.adapters.mongo.MongoFolderRepository;
import dev.chats.adapters.mongo.MongoShareRepository;
import dev.chats.adapters.mongo.MongoTagRepository;
import dev.chats.adapters.mongo.MongoUserRepository;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.chats.domain.port.ApiKeyRepository;
import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.port.FolderRepository;
import dev.chats.domain.port.ShareRepository;
import dev.chats.domain.port.TagRepository;
import dev.chats.domain.port.UserRepository;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.InetSocketAddress;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which adapter backs each output port follows {@code chats.persistence}; an unknown value stops start-up. */
class PersistenceSelectionTest {

    private static final String H2 = "jdbc:h2:mem:selection-%s;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";

    @Test
    void byDefault_theJdbcAdapterBacksEveryPort() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "datasources.default.url", String.format(H2, "default")), "test")) {
            assertThat(context.getBean(ChatRepository.class)).isInstanceOf(JdbcChatRepository.class);
            assertThat(context.getBean(UserRepository.class)).isInstanceOf(JdbcUserRepository.class);
            assertThat(context.getBean(FolderRepository.class)).isInstanceOf(JdbcFolderRepository.class);
            assertThat(context.getBean(TagRepository.class)).isInstanceOf(JdbcTagRepository.class);
            assertThat(context.getBean(ShareRepository.class)).isInstanceOf(JdbcShareRepository.class);
            assertThat(context.getBean(ApiKeyRepository.class)).isInstanceOf(JdbcApiKeyRepository.class);
        }
    }

    @Test
    void withMongo_theMongoAdapterBacksEveryPort_andNoJdbcBeanOrDataSourceExists() {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongo.bind();
        try (ApplicationContext context = ApplicationContext.run(Map.of("chats.persistence", "mongo",
                "mongodb.uri", "mongodb://127.0.0.1:" + address.getPort(),
                // Unreachable on purpose: the JDBC adapter must not even try to connect.
                "datasources.default.url", "jdbc:postgresql://127.0.0.1:1/none"), "test")) {
            assertThat(context.getBean(ChatRepository.class)).isInstanceOf(MongoChatRepository.class);
            assertThat(context.getBean(UserRepository.class)).isInstanceOf(MongoUserRepository.class);
            assertThat(context.getBean(FolderRepository.class)).isInstanceOf(MongoFolderRepository.class);
            assertThat(context.getBean(TagRepository.class)).isInstanceOf(MongoTagRepository.class);
            assertThat(context.getBean(ShareRepository.class)).isInstanceOf(MongoShareRepository.class);
            assertThat(context.getBean(ApiKeyRepository.class)).isInstanceOf(MongoApiKeyRepository.class);
            assertThat(context.findBean(JdbcApiKeyRepository.class)).isEmpty();
            assertThat(context.findBean(DataSource.class)).isEmpty();
            assertThat(context.findBean(JdbcChatRepository.class)).isEmpty();
        } finally {
            mongo.shutdownNow();
        }
    }

    @Test
    void anUnknownValue_failsStartUpNamingTheAllowedValues() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("chats.persistence", "cassandra"), "test"))
                .hasStackTraceContaining("must be one of jdbc, mongo")
                .hasStackTraceContaining("cassandra");
    }

    @Test
    void anUnreachableDatabase_failsStartUpWithTheMaskedUrl() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("datasources.default.url",
                "jdbc:postgresql://127.0.0.1:1/none?password=secret", "datasources.default.connection-timeout-millis",
                "500"), "test"))
                .hasStackTraceContaining("cannot connect to the database at jdbc:postgresql://127.0.0.1:1/none?password=***")
                .satisfies(e -> assertThat(stackTrace(e)).doesNotContain("secret"));
    }

    @Test
    void anUnreachableDatabase_withoutMigrations_stillFailsStartUpWithTheMaskedUrl() {
        // Without a migration thread the check runs at once, on the thread creating the pool.
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("datasources.default.url",
                "jdbc:postgresql://127.0.0.1:1/none?password=secret", "datasources.default.connection-timeout-millis",
                "500", "flyway.datasources.default.enabled", "false"), "test"))
                .hasStackTraceContaining("cannot connect to the database at jdbc:postgresql://127.0.0.1:1/none?password=***")
                .satisfies(e -> assertThat(stackTrace(e)).doesNotContain("secret"));
    }

    private static String stackTrace(Throwable e) {
        java.io.StringWriter out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
