package dev.chats.adapters.rest.socketio;

import dev.chats.adapters.rest.ws.EventEnvelope;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.event.ChatEvent;
import dev.chats.domain.chat.event.MessageContentChanged;
import dev.chats.domain.user.EmailAddress;
import dev.chats.domain.user.Role;
import dev.chats.domain.user.User;
import dev.chats.domain.user.UserId;
import io.socket.socketio.server.SocketIoSocket;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a {@code user-join} carries and answers, and the payload an event is emitted with, as Open WebUI has them. */
class UserJoinTest {

    @Test
    void theTokenIsReadFromAuthToken_only() {
        assertThat(UserJoin.token(new Object[] {new JSONObject("{\"auth\":{\"token\":\"eyJ\"}}")})).isEqualTo("eyJ");
        assertThat(UserJoin.token(new Object[] {new JSONObject("{\"auth\":{\"token\":\"eyJ\"}}"), ack()}))
                .isEqualTo("eyJ");
        assertThat(UserJoin.token(new Object[] {new JSONObject("{\"token\":\"eyJ\"}")})).isNull();
        assertThat(UserJoin.token(new Object[] {new JSONObject("{\"auth\":{\"token\":42}}")})).isNull();
        assertThat(UserJoin.token(new Object[] {new JSONObject("{\"auth\":{\"token\":\"  \"}}")})).isNull();
        assertThat(UserJoin.token(new Object[] {new JSONObject("{\"auth\":\"eyJ\"}")})).isNull();
        assertThat(UserJoin.token(new Object[] {"eyJ"})).isNull();
        assertThat(UserJoin.token(new Object[] {null})).isNull();
        assertThat(UserJoin.token(new Object[0])).isNull();
    }

    @Test
    void theAnswerIsTheUsersIdAndName_only() {
        User user = new User(new UserId("u1"), "Ada", new EmailAddress("ada@example.com"), Role.USER, "hash",
                "/user.png", 1L, 1L);
        assertThat(UserJoin.answer(user).toMap()).isEqualTo(Map.of("id", "u1", "name", "Ada"));
    }

    @Test
    void anAcknowledgementIsSentWithTheArgumentsGiven_andNoneIsNotAnError() {
        List<Object[]> sent = new ArrayList<>();
        Acknowledgement.of(new Object[] {"data", (SocketIoSocket.ReceivedByLocalAcknowledgementCallback) sent::add})
                .send();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0)).isEmpty();
        Acknowledgement.of(new Object[] {"data"}).send("ignored");
        Acknowledgement.of(new Object[0]).send();
    }

    @Test
    void theEventsPayloadIsOpenWebUisEnvelope() {
        ChatEvent event = new MessageContentChanged(new UserId("u1"), new ChatId("c1"), "m1", "edited");
        assertThat(EventEnvelope.payload(event)).isEqualTo(Map.of("chat_id", "c1", "message_id", "m1",
                "data", Map.of("type", "chat:message",
                        "data", Map.of("chat_id", "c1", "message_id", "m1", "content", "edited"))));
    }

    private static SocketIoSocket.ReceivedByLocalAcknowledgementCallback ack() {
        return args -> { };
    }
}
