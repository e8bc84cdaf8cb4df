package dev.chats.adapters.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import dev.chats.domain.port.contract.VapiTurns;
import dev.chats.domain.user.UserId;
import dev.chats.domain.vapi.VapiChat;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reads that put a Vapi conversation back together each send the server as many commands for a turn that
 * continues fifty others, in a session of thirty more, as for a turn that continues nothing: for a chat's ancestors
 * one aggregation ({@code $graphLookup} over the links) and one query for the documents needed, for a session's
 * turns one query.
 */
class MongoVapiReadCommandsTest {

    private final UserId owner = new UserId(UUID.randomUUID().toString());
    private final List<String> commands = Collections.synchronizedList(new ArrayList<>());
    private long clock = 1_700_000_000_000L;

    @Test
    void contextReadsSendTheSameCommandsHoweverLongTheConversation() {
        TestMongo mongo = TestMongo.get();
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                commands.add(event.getCommandName());
            }
        };
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://" + mongo.hostAndPort()))
                .addCommandListener(listener).build())) {
            MongoVapiChatRepository chats = new MongoVapiChatRepository(
                    new MongoStore(client.getDatabase(mongo.database().getName())));
            String session = UUID.randomUUID().toString();
            VapiChat single = conversation(chats, 1, UUID.randomUUID().toString());
            conversation(chats, 30, session);
            VapiChat last = conversation(chats, 50, session);

            List<String> ancestorsOfOne = sent(() -> assertThat(chats.withAncestors(owner, List.of(single.id())))
                    .hasSize(1));
            List<String> ancestorsOfFifty = sent(() -> assertThat(chats.withAncestors(owner, List.of(last.id())))
                    .hasSize(50));
            List<String> turnsOfOne = sent(() -> assertThat(chats.sessionTurns(owner, List.of(single.sessionId())))
                    .hasSize(1));
            List<String> turnsOfThirty = sent(() -> assertThat(chats.sessionTurns(owner, List.of(session)))
                    .hasSize(2));

            assertThat(ancestorsOfOne).containsExactly("aggregate", "find");
            assertThat(ancestorsOfFifty).isEqualTo(ancestorsOfOne);
            assertThat(turnsOfOne).containsExactly("find");
            assertThat(turnsOfThirty).isEqualTo(turnsOfOne);
        }
    }

    private List<String> sent(Runnable read) {
        commands.clear();
        read.run();
        return List.copyOf(commands);
    }

    private VapiChat conversation(MongoVapiChatRepository chats, int turns, String sessionId) {
        return VapiTurns.conversation(chats::add, owner, turns, sessionId, () -> ++clock);
    }
}
