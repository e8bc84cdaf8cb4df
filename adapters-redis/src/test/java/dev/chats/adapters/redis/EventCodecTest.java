package dev.chats.adapters.redis;

import dev.chats.domain.port.ChatEvent;
import dev.chats.domain.user.UserId;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The channel's wire form: what one instance writes, another reads back as the same event. */
class EventCodecTest {

    private final EventCodec codec = new EventCodec(ObjectMapper.getDefault());

    @Test
    void anEvent_survivesTheRoundTrip_withItsOrigin() throws Exception {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", "c1");
        data.put("title", "Talk");
        data.put("folder_id", null);
        data.put("pinned", true);
        data.put("tags", List.of("a", "b"));
        data.put("meta", Map.of("k", List.of(1, 2)));
        ChatEvent event = new ChatEvent(new UserId("u1"), "chat:updated", "c1", "m1", data);

        String payload = codec.encode("instance-a", event);
        EventCodec.Received received = codec.decode(payload).orElseThrow();

        assertThat(received.origin()).isEqualTo("instance-a");
        assertThat(received.event().recipient()).isEqualTo(new UserId("u1"));
        assertThat(received.event().type()).isEqualTo("chat:updated");
        assertThat(received.event().chatId()).isEqualTo("c1");
        assertThat(received.event().messageId()).isEqualTo("m1");
        assertThat(received.event().data()).containsEntry("title", "Talk").containsEntry("folder_id", null)
                .containsEntry("pinned", true).containsEntry("tags", List.of("a", "b"));
    }

    @Test
    void anEventWithoutChatOrMessage_keepsThemNull() throws Exception {
        ChatEvent event = new ChatEvent(new UserId("u1"), "folder:deleted", null, null, Map.of("id", "f1"));

        ChatEvent back = codec.decode(codec.encode("a", event)).orElseThrow().event();

        assertThat(back.chatId()).isNull();
        assertThat(back.messageId()).isNull();
        assertThat(back.data()).isEqualTo(Map.of("id", "f1"));
    }

    @Test
    void foreignOrBrokenMessages_decodeToNothing() {
        assertThat(codec.decode("not json")).isEmpty();
        assertThat(codec.decode("[1,2]")).isEmpty();
        assertThat(codec.decode("{}")).isEmpty();
        assertThat(codec.decode("{\"v\":2,\"origin\":\"a\",\"recipient\":\"u\",\"type\":\"t\"}")).isEmpty();
        assertThat(codec.decode("{\"v\":1,\"origin\":\"a\",\"recipient\":\"\",\"type\":\"t\"}")).isEmpty();
        assertThat(codec.decode("{\"v\":1,\"origin\":\"a\",\"recipient\":\"u\",\"type\":\"t\",\"data\":[1]}"))
                .isEmpty();
    }

    @Test
    void uris_areLoggedWithoutTheirPassword() {
        assertThat(RedisChatEvents.masked("redis://user:secret@host:6379/0")).isEqualTo("redis://user:***@host:6379/0");
        assertThat(RedisChatEvents.masked("redis://:secret@host")).isEqualTo("redis://:***@host");
        assertThat(RedisChatEvents.masked("redis://secret@host")).isEqualTo("redis://***@host");
        assertThat(RedisChatEvents.masked("redis://127.0.0.1:6379")).isEqualTo("redis://127.0.0.1:6379");
    }
}
