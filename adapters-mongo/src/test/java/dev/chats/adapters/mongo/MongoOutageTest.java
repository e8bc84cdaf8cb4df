package dev.chats.adapters.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.port.StoreUnavailableException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * MongoDB going away: the first call answers "unavailable" after the server-selection wait, the calls after it are
 * refused at once while the server is known away, instead of each waiting again.
 */
class MongoOutageTest {

    private final TestMongo mongo = TestMongo.get();

    @Test
    void lostServer_firstCallWaitsOnce_laterCallsAreRefusedAtOnce() throws Exception {
        try (Relay relay = new Relay(mongo.hostAndPort());
             MongoClient client = MongoClients.create(relay.uri())) {
            MongoStore store = new MongoStore(client.getDatabase(mongo.database().getName()), "relay",
                    Duration.ofSeconds(5));
            MongoChatRepository chats = new MongoChatRepository(store);
            ChatId id = new ChatId(UUID.randomUUID().toString());
            assertThat(chats.findById(id)).isEmpty();

            relay.cut();
            long first = System.nanoTime();
            assertThatThrownBy(() -> chats.findById(id)).isInstanceOf(StoreUnavailableException.class);
            long firstMillis = (System.nanoTime() - first) / 1_000_000;
            long second = System.nanoTime();
            assertThatThrownBy(() -> chats.findById(id)).isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("unreachable moments ago");
            long secondMillis = (System.nanoTime() - second) / 1_000_000;

            assertThat(secondMillis).as("refused while known away, first took %d ms", firstMillis)
                    .isLessThan(100);
        }
    }
}
