package dev.chats.adapters.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.port.FolderRepository;
import dev.chats.domain.port.ShareRepository;
import dev.chats.domain.port.StoreUnavailableException;
import dev.chats.domain.port.TagRepository;
import dev.chats.domain.port.UserRepository;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The adapter's beans exist only in {@code mongo} mode, share one client from {@code mongodb.uri} and
 * {@code mongodb.database}, close it on shutdown, and refuse to start against an unreachable server.
 */
class MongoWiringTest {

    private static MongoServer server;
    private static String uri;

    @BeforeAll
    static void startServer() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        uri = "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    @AfterAll
    static void stopServer() {
        server.shutdownNow();
    }

    @Test
    void inMongoMode_theMongoAdapterBacksEveryPortOverOneClientAndDatabase() {
        MongoClient client;
        try (ApplicationContext context = ApplicationContext.run(Map.of("chats.persistence", "mongo",
                "mongodb.uri", uri, "mongodb.database", "wiring"))) {
            assertThat(context.getBean(ChatRepository.class)).isInstanceOf(MongoChatRepository.class);
            assertThat(context.getBean(UserRepository.class)).isInstanceOf(MongoUserRepository.class);
            assertThat(context.getBean(FolderRepository.class)).isInstanceOf(MongoFolderRepository.class);
            assertThat(context.getBean(TagRepository.class)).isInstanceOf(MongoTagRepository.class);
            assertThat(context.getBean(ShareRepository.class)).isInstanceOf(MongoShareRepository.class);
            assertThat(context.getBeansOfType(MongoClient.class)).hasSize(1);
            assertThat(context.getBean(MongoDatabase.class).getName()).isEqualTo("wiring");
            assertThat(context.getBean(MongoStore.class).database().getName()).isEqualTo("wiring");
            client = context.getBean(MongoClient.class);
            assertThat(client.listDatabaseNames().into(new java.util.ArrayList<>())).isNotNull();
        }
        assertThatThrownBy(() -> client.listDatabaseNames().first()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutMongoMode_theAdapterCreatesNoBeanAndOpensNoConnection() {
        for (Map<String, Object> properties : java.util.List.<Map<String, Object>>of(Map.of(),
                Map.of("chats.persistence", "jdbc"))) {
            try (ApplicationContext context = ApplicationContext.run(properties)) {
                assertThat(context.findBean(MongoClient.class)).isEmpty();
                assertThat(context.findBean(MongoStore.class)).isEmpty();
                assertThat(context.findBean(ChatRepository.class)).isEmpty();
            }
        }
    }

    @Test
    void anUnreachableServer_failsStartUpNamingTheUriWithoutItsPassword() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("chats.persistence", "mongo",
                "mongodb.uri", "mongodb://chats:secret@127.0.0.1:1/?connectTimeoutMS=300",
                "mongodb.server-selection-timeout-millis", "300")))
                .satisfies(e -> assertThat(stackTrace(e))
                        .contains(StoreUnavailableException.class.getName())
                        .contains("cannot connect to MongoDB at mongodb://***@127.0.0.1:1/")
                        .doesNotContain("secret"));
    }

    @Test
    void badSettings_stopStartUpNamingTheSetting_beforeAnyConnection() {
        Map<String, String> bad = Map.of(
                "mongodb.server-selection-timeout-millis", "0",
                "mongodb.socket-timeout-millis", "-1",
                "mongodb.connect-timeout-millis", "0",
                "mongodb.outage-fail-fast-millis", "0",
                "mongodb.database", "chats.test");
        Map<String, String> messages = Map.of(
                "mongodb.server-selection-timeout-millis", "mongodb.server-selection-timeout-millis"
                        + " (MONGODB_SERVER_SELECTION_TIMEOUT_MILLIS) must be a positive number of milliseconds;"
                        + " it is 0",
                "mongodb.socket-timeout-millis", "mongodb.socket-timeout-millis (MONGODB_SOCKET_TIMEOUT_MILLIS) must"
                        + " be a positive number of milliseconds; it is -1",
                "mongodb.connect-timeout-millis", "mongodb.connect-timeout-millis (MONGODB_CONNECT_TIMEOUT_MILLIS)",
                "mongodb.outage-fail-fast-millis", "mongodb.outage-fail-fast-millis (MONGODB_OUTAGE_FAIL_FAST_MILLIS)",
                "mongodb.database", "mongodb.database (MONGODB_DATABASE) must be a MongoDB database name");
        bad.forEach((setting, value) -> assertThatThrownBy(() -> ApplicationContext.run(Map.of(
                "chats.persistence", "mongo", "mongodb.uri", uri, setting, value)).close())
                .as(setting).hasStackTraceContaining(messages.get(setting)));
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("chats.persistence", "mongo",
                "mongodb.socket-timeout-millis", "soon")).close())
                .hasStackTraceContaining("mongodb.socket-timeout-millis");
    }

    @Test
    void aUriThatIsNoConnectionString_stopsStartUpNamingTheSetting_withoutItsPassword() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("chats.persistence", "mongo",
                "mongodb.uri", "http://chats:secret@db.example:27017")).close())
                .satisfies(e -> assertThat(stackTrace(e))
                        .contains("mongodb.uri (MONGODB_URI) is not a MongoDB connection string"
                                + " (http://***@db.example:27017)")
                        .doesNotContain("secret"));
    }

    @Test
    void settingsOutsideMongoMode_areNotRead() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("mongodb.uri", "not a uri",
                "mongodb.socket-timeout-millis", "0"))) {
            assertThat(context.findBean(MongoSettings.class)).isEmpty();
        }
    }

    private static String stackTrace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
