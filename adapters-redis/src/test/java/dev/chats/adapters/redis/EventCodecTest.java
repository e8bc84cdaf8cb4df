package dev.chats.adapters.redis;

import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.ChatOutline;
import dev.chats.domain.chat.MessageEvent;
import dev.chats.domain.chat.event.AllChatsArchived;
import dev.chats.domain.chat.event.AllChatsDeleted;
import dev.chats.domain.chat.event.ChatArchived;
import dev.chats.domain.chat.event.ChatCreated;
import dev.chats.domain.chat.event.ChatDeleted;
import dev.chats.domain.chat.event.ChatEvent;
import dev.chats.domain.chat.event.ChatMoved;
import dev.chats.domain.chat.event.ChatPinned;
import dev.chats.domain.chat.event.ChatShareChanged;
import dev.chats.domain.chat.event.ChatTagsChanged;
import dev.chats.domain.chat.event.ChatUpdated;
import dev.chats.domain.chat.event.FolderCreated;
import dev.chats.domain.chat.event.FolderDeleted;
import dev.chats.domain.chat.event.FolderUpdated;
import dev.chats.domain.chat.event.MessageContentChanged;
import dev.chats.domain.chat.event.MessageEventPushed;
import dev.chats.domain.chat.event.VapiChatCreated;
import dev.chats.domain.chat.event.VapiChatDeleted;
import dev.chats.domain.folder.Folder;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.user.UserId;
import dev.chats.domain.vapi.VapiChatId;
import dev.chats.domain.vapi.VapiChatOutline;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The channel's wire form: what one instance writes, another reads back as an equal event, of every kind. */
class EventCodecTest {

    private static final UserId U1 = new UserId("u1");

    private final EventCodec codec = new EventCodec(ObjectMapper.getDefault());

    @Test
    void everyKindOfEvent_survivesTheRoundTrip_withItsOrigin() throws Exception {
        for (ChatEvent event : samples()) {
            EventCodec.Received received = codec.decode(codec.encode("instance-a", event)).orElseThrow();

            assertThat(received.origin()).isEqualTo("instance-a");
            assertThat(received.event()).as(event.getClass().getSimpleName()).isEqualTo(event);
            assertThat(received.event().recipient()).isEqualTo(event.recipient());
        }
    }

    @Test
    void theSamples_coverEveryKindOfEvent() {
        assertThat(samples().stream().map(Object::getClass).distinct())
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(ChatEvent.class.getPermittedSubclasses()));
    }

    @Test
    void anEventWithoutFolderShareOrName_keepsThemNull() throws Exception {
        ChatEvent event = new ChatMoved(new ChatOutline(new ChatId("c1"), U1, "", 0, 0, false, false, null, null,
                List.of()));
        ChatEvent vapi = new VapiChatDeleted(new VapiChatOutline(new VapiChatId("v1"), U1, null, null, null, null, 0,
                0));

        assertThat(codec.decode(codec.encode("a", event)).orElseThrow().event()).isEqualTo(event);
        assertThat(codec.decode(codec.encode("a", vapi)).orElseThrow().event()).isEqualTo(vapi);
    }

    @Test
    void aMessageOfTheFormerVersion_decodesToNothing() {
        assertThat(codec.decode("{\"v\":1,\"origin\":\"a\",\"recipient\":\"u\",\"type\":\"chat:deleted\","
                + "\"chat_id\":\"c1\",\"message_id\":null,\"data\":{\"id\":\"c1\"}}")).isEmpty();
    }

    @Test
    void foreignOrBrokenMessages_decodeToNothing() {
        assertThat(codec.decode("not json")).isEmpty();
        assertThat(codec.decode("[1,2]")).isEmpty();
        assertThat(codec.decode("{}")).isEmpty();
        assertThat(codec.decode("{\"v\":2,\"origin\":\"a\",\"type\":\"t\",\"owner\":\"u\"}")).isEmpty();
        assertThat(codec.decode("{\"v\":2,\"type\":\"all_chats_deleted\",\"owner\":\"u\"}")).isEmpty();
        assertThat(codec.decode("{\"v\":2,\"origin\":\"a\",\"type\":\"all_chats_deleted\",\"owner\":7}")).isEmpty();
        assertThat(codec.decode("{\"v\":2,\"origin\":\"a\",\"type\":\"chat_deleted\",\"owner\":\"u\"}")).isEmpty();
        assertThat(codec.decode("{\"v\":2,\"origin\":\"a\",\"type\":\"chat_created\",\"chat\":[1]}")).isEmpty();
        assertThat(codec.decode("{\"v\":2,\"origin\":\"a\",\"type\":\"message_event_pushed\",\"owner\":\"u\","
                + "\"chat_id\":\"c\",\"message_id\":\"m\",\"event_type\":\"no such type\",\"data\":{}}")).isEmpty();
        assertThat(codec.decode("{\"v\":2,\"origin\":\"a\",\"type\":\"all_chats_deleted\",\"owner\":\"u\"}"))
                .as("the well-formed control case").isPresent();
    }

    /** One event of every kind, with the values most likely to change on the way: nulls, nesting, numbers, text. */
    private static List<ChatEvent> samples() {
        ChatOutline chat = new ChatOutline(new ChatId("c1"), U1, "Talk \u2603 \"quoted\"", 1_700_000_000L,
                1_700_000_001L, true, false, new FolderId("f1"), "s1", List.of("deep_work", "x"));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("icon", "star");
        meta.put("k", List.of(1, 2.5, Map.of("deep", true)));
        meta.put("none", null);
        Folder folder = new Folder(new FolderId("f1"), U1, new FolderId("f0"), "Work", true, meta,
                Map.of("system_prompt", "be brief", "model_ids", List.of("m")), 10, 20);
        VapiChatOutline vapi = new VapiChatOutline(new VapiChatId("v2"), U1, "named", "assistant-1", "session-1",
                new VapiChatId("v1"), 1_700_000_029_123L, 1_700_000_030_123L);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("description", "x");
        data.put("done", false);
        data.put("n", 1.5);
        return List.of(new ChatCreated(chat), new ChatUpdated(chat), new ChatPinned(chat), new ChatArchived(chat),
                new AllChatsArchived(U1, true), new ChatMoved(chat), new ChatShareChanged(chat),
                new ChatTagsChanged(chat), new ChatDeleted(U1, new ChatId("c1")), new AllChatsDeleted(U1),
                new MessageContentChanged(U1, new ChatId("c1"), "m1", "edited \u00e9"),
                new MessageEventPushed(U1, new ChatId("c1"), "m1", new MessageEvent("status", data)),
                new FolderCreated(folder), new FolderUpdated(new Folder(new FolderId("f2"), U1, null, "Bare", false,
                        null, null, 1, 2)),
                new FolderDeleted(U1, new FolderId("f1"), List.of(new FolderId("f1"), new FolderId("f2")), true),
                new VapiChatCreated(vapi), new VapiChatDeleted(vapi));
    }
}
