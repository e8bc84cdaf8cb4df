package dev.chats.adapters.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.chats.domain.port.VapiChatRepository;
import dev.chats.domain.port.contract.VapiChatRepositoryContract;
import dev.chats.domain.user.UserId;
import dev.chats.domain.vapi.VapiChat;
import dev.chats.domain.vapi.VapiChatId;
import dev.chats.domain.vapi.VapiChatQuery;
import dev.chats.domain.vapi.VapiConversations;
import dev.chats.domain.vapi.VapiSession;
import dev.chats.domain.vapi.VapiSessionId;
import org.bson.BsonDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Vapi chat persistence contract on MongoDB; see {@link TestMongo} for where it runs. Also pinned here:
 * documents written before turn-only storage read back as they were and can be continued, and a turn's document
 * does not grow with the conversation.
 */
class MongoVapiChatsContractTest extends VapiChatRepositoryContract {

    private TestMongo mongo;
    private VapiChatRepository chats;

    @BeforeEach
    void clean() {
        mongo = TestMongo.get();
        chats = new MongoVapiChatRepository(mongo.store());
        mongo.database().getCollection(MongoVapiChatRepository.VAPI_CHATS, BsonDocument.class)
                .deleteMany(new BsonDocument());
        mongo.database().getCollection(MongoVapiChatRepository.VAPI_CHAT_OWNERS, BsonDocument.class)
                .deleteMany(new BsonDocument());
    }

    @Override
    protected VapiChatRepository vapiChats() {
        return chats;
    }

    private static Map<String, Object> message(String role, String content) {
        return Map.of("role", role, "content", content);
    }

    private BsonDocument stored(String collection, String id) {
        return mongo.database().getCollection(collection, BsonDocument.class)
                .find(new BsonDocument("_id", new org.bson.BsonString(id))).first();
    }

    @Test
    void givenDocumentsOfEarlierVersions_read_answersThemAsBeforeAndTurnsContinueThem() {
        UserId owner = new UserId(UUID.randomUUID().toString());
        String oldId = UUID.randomUUID().toString();
        String sessionId = UUID.randomUUID().toString();
        // As layout 1 wrote them: no turnOnly, the whole conversation in body.messages.
        mongo.database().getCollection(MongoVapiChatRepository.VAPI_CHATS, BsonDocument.class).insertOne(
                BsonDocument.parse("{_id: '" + oldId + "', userId: '" + owner.value() + "', assistantId: null,"
                        + " sessionId: null, previousChatId: 'an-older-one', createdAt: {$numberLong: '1000'},"
                        + " updatedAt: {$numberLong: '2000'}, cost: 0.5, body: {assistant: null,"
                        + " assistantOverrides: null, name: 'old', input: 'b', stream: false, messages: ["
                        + "{role: 'user', content: 'a'}, {role: 'assistant', content: 're a'},"
                        + " {role: 'user', content: 'b'}], output: [{role: 'assistant', content: 're b'}],"
                        + " costs: []}}"));
        mongo.database().getCollection(MongoVapiSessionRepository.VAPI_SESSIONS, BsonDocument.class).insertOne(
                BsonDocument.parse("{_id: '" + sessionId + "', userId: '" + owner.value() + "', name: null,"
                        + " status: 'active', assistantId: null, createdAt: {$numberLong: '1000'},"
                        + " updatedAt: {$numberLong: '2000'}, version: {$numberLong: '3'}, body: {"
                        + "expirationSeconds: 86400, assistant: null, assistantOverrides: null, messages: ["
                        + "{role: 'user', content: 's1'}, {role: 'assistant', content: 're s1'}], metadata: null}}"));
        VapiChat old = new VapiChat(new VapiChatId(oldId), owner, null, null, null, "old", null,
                new VapiChatId("an-older-one"), "b", false,
                List.of(message("user", "a"), message("assistant", "re a"), message("user", "b")),
                List.of(message("assistant", "re b")), List.of(), 0.5, 1000, 2000);
        VapiChat next = new VapiChat(new VapiChatId(UUID.randomUUID().toString()), owner, null, null, null, null,
                null, old.id(), "c", false, List.of(message("user", "c")), List.of(message("assistant", "re c")),
                List.of(), 0, 3000, 4000, true);
        VapiChat inSession = new VapiChat(new VapiChatId(UUID.randomUUID().toString()), owner, null, null, null,
                null, sessionId, null, "s2", false, List.of(message("user", "s2")),
                List.of(message("assistant", "re s2")), List.of(), 0, 3000, 4000, true);
        chats.add(next);
        chats.add(inSession);

        assertThat(chats.findById(owner, old.id())).contains(old);
        List<VapiChat> chain = chats.withAncestors(owner, List.of(next.id()));
        assertThat(chain).containsExactlyInAnyOrder(next, old);
        assertThat(new VapiConversations(chain, List.of(), List.of()).read(next).messages()).containsExactly(
                message("user", "a"), message("assistant", "re a"), message("user", "b"),
                message("assistant", "re b"), message("user", "c"));
        VapiSession session = new MongoVapiSessionRepository(mongo.store())
                .findById(owner, new VapiSessionId(sessionId)).orElseThrow();
        assertThat(new VapiConversations(List.of(), List.of(session), chats.sessionTurns(owner, List.of(sessionId)))
                .sessionHistory(session)).containsExactly(message("user", "s1"), message("assistant", "re s1"),
                message("user", "s2"), message("assistant", "re s2"));
    }

    @Test
    void givenLongChainOfTurns_theLastTurnsDocument_isNoLargerThanTheFirstsAndReadsTheWholeConversation() {
        UserId owner = new UserId(UUID.randomUUID().toString());
        List<VapiChat> turns = new ArrayList<>();
        VapiChatId previous = null;
        for (int i = 0; i < 50; i++) {
            String text = String.format("turn %03d", i);
            VapiChat turn = new VapiChat(new VapiChatId(UUID.randomUUID().toString()), owner, null, null, null,
                    null, null, previous, text, false, List.of(message("user", text)),
                    List.of(message("assistant", "re " + text)), List.of(), 0, 1000L + i, 1000L + i, true);
            chats.add(turn);
            turns.add(turn);
            previous = turn.id();
        }
        VapiChat first = turns.get(0);
        VapiChat last = turns.get(turns.size() - 1);
        List<VapiChat> chain = chats.withAncestors(owner, List.of(last.id()));

        assertThat(stored(MongoVapiChatRepository.VAPI_CHATS, last.id().value()).getDocument("body").toJson()
                .length()).isEqualTo(stored(MongoVapiChatRepository.VAPI_CHATS, first.id().value())
                .getDocument("body").toJson().length());
        assertThat(new VapiConversations(chain, List.of(), List.of()).read(last).messages()).hasSize(99);
    }

    private VapiChat turn(UserId owner, long at) {
        return new VapiChat(new VapiChatId(UUID.randomUUID().toString()), owner, null, null, null, null, null, null,
                "hi", false, List.of(message("user", "hi")), List.of(message("assistant", "re hi")), List.of(), 0,
                at, at, true);
    }

    private long total(UserId owner) {
        return chats.list(new VapiChatQuery(owner, null, null, null, null, null, null, false, 1, 10)).totalItems();
    }

    private void setCounter(UserId owner, long count, long pending, long markedAt) {
        mongo.database().getCollection(MongoVapiChatRepository.VAPI_CHAT_OWNERS, BsonDocument.class).updateOne(
                Filters.eq("_id", owner.value()), Updates.combine(Updates.set("chats", count),
                        Updates.set("pending", pending), Updates.set("markedAt", markedAt)));
    }

    @Test
    void givenACounterLeftOffByAWriteThatStoppedHalfWay_theNextListCountsAfreshAndRepairsIt() {
        UserId owner = new UserId(UUID.randomUUID().toString());
        for (int i = 0; i < 3; i++) {
            chats.add(turn(owner, 1000L + i));
        }
        VapiChat deleted = turn(owner, 2000L);
        chats.add(deleted);
        chats.delete(owner, deleted.id());
        assertThat(total(owner)).isEqualTo(3);

        // A process that died between a chat's insert and the count's move: marked long ago, one short.
        setCounter(owner, 2, 1, System.currentTimeMillis() - VapiChatCounts.STALE_MILLIS - 1_000);
        assertThat(total(owner)).isEqualTo(3);
        BsonDocument repaired = mongo.database().getCollection(MongoVapiChatRepository.VAPI_CHAT_OWNERS,
                BsonDocument.class).find(Filters.eq("_id", owner.value())).first();
        assertThat(repaired.getNumber("chats").longValue()).isEqualTo(3);
        assertThat(repaired.getNumber("pending").longValue()).isZero();

        // A mark of a write still in flight is trusted as it stands: the count is not read again.
        setCounter(owner, 7, 1, System.currentTimeMillis());
        assertThat(total(owner)).isEqualTo(7);
        setCounter(owner, 3, 0, System.currentTimeMillis());
        chats.add(turn(owner, 3000L));
        assertThat(total(owner)).isEqualTo(4);
    }
}
