package dev.chats.adapters.rest.ws;

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

/**
 * The Open WebUI payload of every kind of chat event, byte for byte. The expected texts are what the services wrote
 * before events became types (captured from a scripted run of every use case that publishes one), so a client sees
 * exactly what it saw then.
 */
class OpenWebUiEventsTest {

    static final long T = 1_700_000_000L;
    static final UserId ADA = new UserId("ada");
    static final ChatId CHAT = new ChatId("id-3");

    final ObjectMapper json = ObjectMapper.getDefault();
    final Folder work = new Folder(new FolderId("id-1"), ADA, null, "Work", false, ordered("icon", "star", "n", 5),
            Map.of("system_prompt", "be brief"), T + 1, T + 1);

    @Test
    void everyKindOfEvent_isWrittenAsOpenWebUiWroteIt() throws Exception {
        for (Map.Entry<ChatEvent, String> sample : samples().entrySet()) {
            assertThat(json.writeValueAsString(EventEnvelope.payload(sample.getKey())))
                    .as(sample.getKey().getClass().getSimpleName())
                    .isEqualTo(sample.getValue());
        }
    }

    @Test
    void theSamples_coverEveryKindOfEvent() {
        assertThat(samples().keySet().stream().map(Object::getClass).distinct())
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(ChatEvent.class.getPermittedSubclasses()));
    }

    private Map<ChatEvent, String> samples() {
        Map<ChatEvent, String> wire = new LinkedHashMap<>();
        wire.put(new FolderCreated(work),
                "{\"chat_id\":null,\"message_id\":null,\"data\":{\"type\":\"folder:created\",\"data\":{"
                + "\"id\":\"id-1\",\"name\":\"Work\",\"meta\":{\"icon\":\"star\",\"n\":5},\"parent_id\":null,"
                + "\"is_expanded\":false,\"created_at\":1700000001,\"updated_at\":1700000001}}}");
        wire.put(new FolderUpdated(new Folder(work.id(), ADA, null, "Work 2", false,
                ordered("icon", "star", "n", 5, "color", "red"), null, T + 1, T + 3)),
                "{\"chat_id\":null,\"message_id\":null,\"data\":{\"type\":\"folder:updated\",\"data\":{"
                + "\"id\":\"id-1\",\"name\":\"Work 2\",\"meta\":{\"icon\":\"star\",\"n\":5,\"color\":\"red\"},"
                + "\"parent_id\":null,\"is_expanded\":false,\"created_at\":1700000001,\"updated_at\":1700000003}}}");
        wire.put(new ChatCreated(new ChatOutline(CHAT, ADA, "Hello \u2603", T + 6, T + 6, false, false,
                new FolderId("id-1"), null, List.of())),
                "{\"chat_id\":\"id-3\",\"message_id\":null,\"data\":{\"type\":\"chat:created\",\"data\":{"
                + "\"id\":\"id-3\",\"title\":\"Hello \u2603\",\"updated_at\":1700000006,\"created_at\":1700000006,"
                + "\"pinned\":false,\"archived\":false,\"folder_id\":\"id-1\",\"share_id\":null}}}");
        wire.put(new ChatUpdated(chat(T + 7, false, false, "id-1", null, List.of())),
                "{\"chat_id\":\"id-3\",\"message_id\":null,\"data\":{\"type\":\"chat:updated\",\"data\":{"
                + "\"id\":\"id-3\",\"title\":\"Renamed\",\"updated_at\":1700000007,\"created_at\":1700000006,"
                + "\"pinned\":false,\"archived\":false,\"folder_id\":\"id-1\",\"share_id\":null}}}");
        wire.put(new ChatPinned(chat(T + 8, true, false, "id-1", null, List.of())),
                "{\"chat_id\":\"id-3\",\"message_id\":null,\"data\":{\"type\":\"chat:pinned\",\"data\":{"
                + "\"id\":\"id-3\",\"title\":\"Renamed\",\"updated_at\":1700000008,\"created_at\":1700000006,"
                + "\"pinned\":true,\"archived\":false,\"folder_id\":\"id-1\",\"share_id\":null}}}");
        wire.put(new ChatArchived(chat(T + 9, true, true, null, null, List.of())),
                "{\"chat_id\":\"id-3\",\"message_id\":null,\"data\":{\"type\":\"chat:archived\",\"data\":{"
                + "\"id\":\"id-3\",\"title\":\"Renamed\",\"updated_at\":1700000009,\"created_at\":1700000006,"
                + "\"pinned\":true,\"archived\":true,\"folder_id\":null,\"share_id\":null}}}");
        wire.put(new ChatMoved(chat(T + 11, false, false, "id-2", null, List.of())),
                "{\"chat_id\":\"id-3\",\"message_id\":null,\"data\":{\"type\":\"chat:moved\",\"data\":{"
                + "\"id\":\"id-3\",\"title\":\"Renamed\",\"updated_at\":1700000011,\"created_at\":1700000006,"
                + "\"pinned\":false,\"archived\":false,\"folder_id\":\"id-2\",\"share_id\":null}}}");
        wire.put(new ChatTagsChanged(chat(T + 12, false, false, null, null, List.of("deep_work", "x"))),
                "{\"chat_id\":\"id-3\",\"message_id\":null,\"data\":{\"type\":\"chat:tags\",\"data\":{"
                + "\"id\":\"id-3\",\"title\":\"Renamed\",\"updated_at\":1700000012,\"created_at\":1700000006,"
                + "\"pinned\":false,\"archived\":false,\"folder_id\":null,\"share_id\":null,\"tags\":[\"deep_work\","
                + "\"x\"]}}}");
        wire.put(new ChatShareChanged(chat(T + 12, false, false, null, "id-5", List.of("deep_work"))),
                "{\"chat_id\":\"id-3\",\"message_id\":null,\"data\":{\"type\":\"chat:shared\",\"data\":{"
                + "\"id\":\"id-3\",\"title\":\"Renamed\",\"updated_at\":1700000012,\"created_at\":1700000006,"
                + "\"pinned\":false,\"archived\":false,\"folder_id\":null,\"share_id\":\"id-5\"}}}");
        wire.put(new MessageContentChanged(ADA, CHAT, "m1", "edited \u00e9"),
                "{\"chat_id\":\"id-3\",\"message_id\":\"m1\",\"data\":{\"type\":\"chat:message\",\"data\":{"
                + "\"chat_id\":\"id-3\",\"message_id\":\"m1\",\"content\":\"edited \u00e9\"}}}");
        wire.put(new MessageEventPushed(ADA, CHAT, "m1", new MessageEvent("status",
                ordered("description", "x", "done", false))),
                "{\"chat_id\":\"id-3\",\"message_id\":\"m1\",\"data\":{\"type\":\"status\",\"data\":{"
                + "\"description\":\"x\",\"done\":false}}}");
        wire.put(new AllChatsArchived(ADA, true),
                "{\"chat_id\":null,\"message_id\":null,\"data\":{\"type\":\"chat:archived\",\"data\":{"
                + "\"archived\":true,\"all\":true}}}");
        wire.put(new ChatDeleted(ADA, CHAT),
                "{\"chat_id\":\"id-3\",\"message_id\":null,\"data\":{\"type\":\"chat:deleted\",\"data\":{"
                + "\"id\":\"id-3\"}}}");
        wire.put(new FolderDeleted(ADA, new FolderId("id-1"), List.of(new FolderId("id-1")), true),
                "{\"chat_id\":null,\"message_id\":null,\"data\":{\"type\":\"folder:deleted\",\"data\":{"
                + "\"id\":\"id-1\",\"folder_ids\":[\"id-1\"],\"delete_contents\":true}}}");
        wire.put(new AllChatsDeleted(ADA),
                "{\"chat_id\":null,\"message_id\":null,\"data\":{\"type\":\"chat:deleted\",\"data\":{"
                + "\"all\":true}}}");
        wire.put(new VapiChatCreated(new VapiChatOutline(new VapiChatId("id-12"), ADA, "named", null, null, null,
                1_700_000_029_123L, 1_700_000_030_123L)),
                "{\"chat_id\":\"id-12\",\"message_id\":null,\"data\":{\"type\":\"chat.created\",\"data\":{"
                + "\"id\":\"id-12\",\"orgId\":\"ada\",\"name\":\"named\",\"assistantId\":null,\"sessionId\":null,"
                + "\"previousChatId\":null,\"createdAt\":\"2023-11-14T22:13:49.123Z\","
                + "\"updatedAt\":\"2023-11-14T22:13:50.123Z\"}}}");
        wire.put(new VapiChatDeleted(new VapiChatOutline(new VapiChatId("id-13"), ADA, null, null, null,
                new VapiChatId("id-12"), 1_700_000_031_123L, 1_700_000_032_123L)),
                "{\"chat_id\":\"id-13\",\"message_id\":null,\"data\":{\"type\":\"chat.deleted\",\"data\":{"
                + "\"id\":\"id-13\",\"orgId\":\"ada\",\"name\":null,\"assistantId\":null,\"sessionId\":null,"
                + "\"previousChatId\":\"id-12\",\"createdAt\":\"2023-11-14T22:13:51.123Z\","
                + "\"updatedAt\":\"2023-11-14T22:13:52.123Z\"}}}");
        return wire;
    }

    private static ChatOutline chat(long updatedAt, boolean pinned, boolean archived, String folderId, String shareId,
                                    List<String> tags) {
        return new ChatOutline(CHAT, ADA, "Renamed", T + 6, updatedAt, pinned, archived,
                folderId == null ? null : new FolderId(folderId), shareId, tags);
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
