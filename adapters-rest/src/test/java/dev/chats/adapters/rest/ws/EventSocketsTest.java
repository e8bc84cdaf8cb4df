package dev.chats.adapters.rest.ws;

import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.ChatOutline;
import dev.chats.domain.chat.MessageEvent;
import dev.chats.domain.chat.event.ChatCreated;
import dev.chats.domain.chat.event.ChatDeleted;
import dev.chats.domain.chat.event.ChatEvent;
import dev.chats.domain.chat.event.ChatTagsChanged;
import dev.chats.domain.chat.event.ChatUpdated;
import dev.chats.domain.chat.event.MessageEventPushed;
import dev.chats.domain.user.EmailAddress;
import dev.chats.domain.user.Role;
import dev.chats.domain.user.User;
import dev.chats.domain.user.UserId;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The socket registry: who gets which event, when nothing is sent, and what happens to slow or silent clients. */
class EventSocketsTest {

    static final Duration PING = Duration.ofSeconds(25);
    static final Duration PONG = Duration.ofSeconds(20);

    final ObjectMapper json = ObjectMapper.getDefault();
    final EventSockets sockets = new EventSockets(json, settings(3, 1_000_000));
    final User alice = user("alice");
    final User bob = user("bob");

    @Test
    void anEvent_reachesEveryAuthenticatedSocketOfItsRecipient_andNoOtherSocket() {
        FakeTransport aliceLaptop = new FakeTransport();
        FakeTransport alicePhone = new FakeTransport();
        FakeTransport bobs = new FakeTransport();
        authenticate(open(aliceLaptop), alice);
        authenticate(open(alicePhone), alice);
        authenticate(open(bobs), bob);

        sockets.deliver(new ChatDeleted(alice.id(), new ChatId("c1")));

        String envelope = "{\"event\":\"events\",\"data\":{\"chat_id\":\"c1\",\"message_id\":null,"
                + "\"data\":{\"type\":\"chat:deleted\",\"data\":{\"id\":\"c1\"}}}}";
        assertThat(aliceLaptop.sent).hasSize(2).last().isEqualTo(envelope);
        assertThat(alicePhone.sent).hasSize(2).last().isEqualTo(envelope);
        assertThat(bobs.sent).hasSize(1).first().asString().startsWith("{\"event\":\"auth\"");
        assertThat(sockets.socketsOf(alice.id())).isEqualTo(2);
        assertThat(sockets.authenticatedSockets()).isEqualTo(3);
    }

    @Test
    void theAcknowledgement_isTheFirstFrame_andNamesTheUser() {
        FakeTransport transport = new FakeTransport();
        authenticate(open(transport), alice);

        assertThat(transport.sent).containsExactly(
                "{\"event\":\"auth\",\"data\":{\"id\":\"alice\",\"name\":\"Alice\",\"role\":\"user\"}}");
    }

    @Test
    void aSocketThatHasNotAuthenticated_getsNothing() {
        FakeTransport waiting = new FakeTransport();
        EventSocket socket = open(waiting);
        FakeTransport checking = new FakeTransport();
        open(checking).beginAuthentication();

        sockets.deliver(created("c1"));

        assertThat(waiting.sent).isEmpty();
        assertThat(checking.sent).isEmpty();
        assertThat(socket.state()).isEqualTo(EventSocket.State.AWAITING_AUTH);
        assertThat(sockets.openSockets()).isEqualTo(2);
        assertThat(sockets.authenticatedSockets()).isZero();
    }

    @Test
    void aClosedSocket_getsNothingMore_andIsForgotten() {
        FakeTransport transport = new FakeTransport();
        EventSocket socket = open(transport);
        authenticate(socket, alice);

        sockets.closed(socket);
        sockets.closed(socket);
        sockets.deliver(new ChatDeleted(alice.id(), new ChatId("c1")));

        assertThat(transport.sent).hasSize(1);
        assertThat(sockets.openSockets()).isZero();
        assertThat(sockets.socketsOf(alice.id())).isZero();
    }

    @Test
    void aSocketClosedWhileItsTokenWasChecked_isNotRegistered() {
        EventSocket socket = open(new FakeTransport());
        socket.beginAuthentication();
        sockets.closed(socket);

        assertThat(sockets.authenticate(socket, alice, null)).isFalse();
        assertThat(sockets.socketsOf(alice.id())).isZero();
    }

    @Test
    void aClientThatStopsReading_isDroppedWhenItsQueueIsFull_withoutSlowingTheOthers() {
        FakeTransport slow = new FakeTransport();
        FakeTransport fast = new FakeTransport();
        authenticate(open(slow), alice);
        authenticate(open(fast), alice);
        slow.stalled = true;

        for (int i = 0; i < 4; i++) {
            sockets.deliver(new ChatUpdated(outline("c" + i, List.of())));
        }

        assertThat(slow.aborted).isTrue();
        assertThat(slow.sent).hasSize(1 + 3);
        assertThat(fast.sent).hasSize(1 + 4);
        assertThat(sockets.socketsOf(alice.id())).isEqualTo(1);
    }

    @Test
    void aSlowClientThatCatchesUp_staysConnected() {
        FakeTransport transport = new FakeTransport();
        authenticate(open(transport), alice);
        transport.stalled = true;

        for (int i = 0; i < 10; i++) {
            sockets.deliver(new ChatUpdated(outline("c" + i, List.of())));
            transport.drain();
        }

        assertThat(transport.aborted).isFalse();
        assertThat(transport.sent).hasSize(11);
    }

    @Test
    void theByteBound_dropsASocketFallingBehindOnLargeFrames_butAnySingleFrameMayGo() {
        EventSockets small = new EventSockets(json, settings(100, 200));
        FakeTransport transport = new FakeTransport();
        EventSocket socket = small.open(transport, 0);
        socket.beginAuthentication();
        small.authenticate(socket, alice, null);
        transport.stalled = true;
        String big = "x".repeat(500);

        small.deliver(new MessageEventPushed(alice.id(), new ChatId("c1"), "m1",
                new MessageEvent("message", Map.of("content", big))));
        assertThat(transport.aborted).isFalse();
        small.deliver(new MessageEventPushed(alice.id(), new ChatId("c1"), "m1",
                new MessageEvent("message", Map.of("content", big))));
        assertThat(transport.aborted).isTrue();
    }

    @Test
    void theHeartbeat_pingsLiveSockets_dropsSilentOnes_andClosesExpiredSessions() {
        FakeTransport live = new FakeTransport();
        FakeTransport silent = new FakeTransport();
        FakeTransport expired = new FakeTransport();
        EventSocket liveSocket = open(live);
        authenticate(liveSocket, alice);
        authenticate(open(silent), alice);
        EventSocket expiring = open(expired);
        expiring.beginAuthentication();
        sockets.authenticate(expiring, bob, 1_000L);

        long later = PING.plus(PONG).toNanos() + 1;
        liveSocket.seen(later - 1);
        expiring.seen(later - 1);
        sockets.heartbeat(later, 1_000L);

        assertThat(live.pings).isEqualTo(1);
        assertThat(silent.aborted).isTrue();
        assertThat(expired.closedWith).isEqualTo(EventSockets.TOKEN_EXPIRED);
        assertThat(sockets.socketsOf(alice.id())).isEqualTo(1);
        assertThat(sockets.socketsOf(bob.id())).isZero();
    }

    @Test
    void aFailingTransport_neverReachesThePublisher() {
        FakeTransport broken = new FakeTransport();
        broken.failEvents = true;
        authenticate(open(broken), alice);

        sockets.deliver(created("c1"));
        sockets.deliver(created("c2"));

        assertThat(sockets.socketsOf(alice.id())).isEqualTo(1);
        assertThat(broken.sent).hasSize(1);
    }

    @Test
    void theEnvelope_carriesNestedDataAsJson() throws Exception {
        String frame = json.writeValueAsString(EventEnvelope.of(new ChatTagsChanged(outline("c1", List.of("a", "b")))));

        assertThat(frame).isEqualTo("{\"event\":\"events\",\"data\":{\"chat_id\":\"c1\",\"message_id\":null,"
                + "\"data\":{\"type\":\"chat:tags\",\"data\":{\"id\":\"c1\",\"title\":\"T\",\"updated_at\":2,"
                + "\"created_at\":1,\"pinned\":false,\"archived\":false,\"folder_id\":null,\"share_id\":null,"
                + "\"tags\":[\"a\",\"b\"]}}}}");
    }

    private ChatEvent created(String chatId) {
        return new ChatCreated(outline(chatId, List.of()));
    }

    private ChatOutline outline(String chatId, List<String> tags) {
        return new ChatOutline(new ChatId(chatId), alice.id(), "T", 1, 2, false, false, null, null, tags);
    }

    private EventSocket open(SocketTransport transport) {
        return sockets.open(transport, 0);
    }

    private void authenticate(EventSocket socket, User user) {
        assertThat(socket.beginAuthentication()).isTrue();
        assertThat(sockets.authenticate(socket, user, null)).isTrue();
    }

    private static WebSocketSettings settings(int frames, long bytes) {
        return new WebSocketSettings(Duration.ofSeconds(10), PING, PONG, 16_384, frames, bytes);
    }

    private static User user(String id) {
        String name = Character.toUpperCase(id.charAt(0)) + id.substring(1);
        return new User(new UserId(id), name, new EmailAddress(id + "@example.com"), Role.USER, "hash",
                User.DEFAULT_PROFILE_IMAGE_URL, 0, 0);
    }
}
