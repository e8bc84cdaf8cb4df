package dev.chats.domain.vapi;

import dev.chats.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Conversations put back together from turns stored one by one, and from chats stored whole by earlier versions. */
class VapiConversationsTest {

    private static final UserId ADA = new UserId("ada");

    private static Map<String, Object> user(String text) {
        return Map.of("role", "user", "content", text);
    }

    private static Map<String, Object> answer(String text) {
        return Map.of("role", "assistant", "content", "re " + text);
    }

    private static VapiChat turn(String id, String session, String previous, String text, long created,
                                 long finished) {
        return new VapiChat(new VapiChatId(id), ADA, null, null, null, null, session,
                previous == null ? null : new VapiChatId(previous), text, false, List.of(user(text)),
                List.of(answer(text)), List.of(), 0, created, finished, true);
    }

    @Test
    void givenChainStartingAtAWholeChat_read_putsEveryEarlierTurnBackInOrder() {
        VapiChat whole = new VapiChat(new VapiChatId("w"), ADA, null, null, null, null, null, new VapiChatId("gone"),
                "b", false, List.of(user("a"), answer("a"), user("b")), List.of(answer("b")), List.of(), 0, 1, 2);
        VapiChat c = turn("c", null, "w", "c", 3, 4);
        VapiChat d = turn("d", null, "c", "d", 5, 6);
        VapiConversations conversations = new VapiConversations(List.of(d, c, whole), List.of(), List.of());

        VapiChat read = conversations.read(d);

        assertThat(read.messages()).containsExactly(user("a"), answer("a"), user("b"), answer("b"), user("c"),
                answer("c"), user("d"));
        assertThat(read.turnOnly()).isFalse();
        assertThat(read.output()).containsExactly(answer("d"));
        assertThat(conversations.read(whole)).as("a whole chat reads as stored").isEqualTo(whole);
    }

    @Test
    void givenSessionTurns_readAndHistory_followWhenEachTurnFinished() {
        VapiSession session = new VapiSession(new VapiSessionId("s"), ADA, null, VapiSession.Status.ACTIVE, 60,
                null, Map.of(), null, List.of(user("start")), null, 0, 0, 0);
        VapiChat one = turn("1", "s", null, "one", 10, 20);
        VapiChat slow = turn("2", "s", null, "slow", 15, 40); // began before three, finished after it began
        VapiChat three = turn("3", "s", null, "three", 30, 35);
        VapiConversations conversations = new VapiConversations(List.of(three, slow), List.of(session),
                List.of(three, slow, one));

        assertThat(conversations.read(three).messages()).as("what it saw: the turns finished when it began")
                .containsExactly(user("start"), user("one"), answer("one"), user("three"));
        assertThat(conversations.read(slow).messages()).containsExactly(user("start"), user("slow"));
        assertThat(conversations.sessionHistory(session)).as("in the order the turns finished")
                .containsExactly(user("start"), user("one"), answer("one"), user("three"), answer("three"),
                        user("slow"), answer("slow"));
    }
}
