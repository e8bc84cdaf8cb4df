package dev.chats.domain.chat;

import dev.chats.domain.chat.event.ChatArchived;
import dev.chats.domain.chat.event.ChatMoved;
import dev.chats.domain.chat.event.ChatPinned;
import dev.chats.domain.chat.event.ChatUpdated;
import dev.chats.domain.chat.event.MessageContentChanged;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.chats.domain.chat.ChatOrganisationTest.object;
import static org.assertj.core.api.Assertions.assertThat;

/** The events the {@link Chat} aggregate's commands return: each names the chat as the command left it. */
class ChatEventsTest {

    private static final UserId OWNER = new UserId("u1");
    private static final FolderId WORK = new FolderId("f-work");

    private static Chat stored() {
        return Chat.restore(new ChatId("c1"), OWNER, ChatDocument.fromClient(object("title", "T")), 1_000, 2_000,
                "s1", false, true, object("tags", List.of("a", "B c")), WORK, 7);
    }

    @Test
    void theOutline_isTheChatWithoutItsDocument() {
        assertThat(stored().outline()).isEqualTo(new ChatOutline(new ChatId("c1"), OWNER, "T", 1_000, 2_000, true,
                false, WORK, "s1", List.of("a", "b_c")));
    }

    @Test
    void togglePinned_returnsChatPinned_withTheNewFlagAndTime() {
        Chat chat = stored();

        ChatPinned event = chat.togglePinned(3_000);

        assertThat(event).isEqualTo(new ChatPinned(chat.outline()));
        assertThat(event.chat().pinned()).isFalse();
        assertThat(event.chat().updatedAt()).isEqualTo(3_000);
        assertThat(event.recipient()).isEqualTo(OWNER);
    }

    @Test
    void toggleArchived_returnsChatArchived_outOfItsFolder() {
        Chat chat = stored();

        ChatArchived event = chat.toggleArchived(3_000);

        assertThat(event.chat().archived()).isTrue();
        assertThat(event.chat().folderId()).isNull();
        assertThat(event).isEqualTo(new ChatArchived(chat.outline()));
    }

    @Test
    void moveToFolder_returnsChatMoved_unpinned() {
        Chat chat = stored();

        ChatMoved event = chat.moveToFolder(new FolderId("f-home"), 3_000);

        assertThat(event.chat().folderId()).isEqualTo(new FolderId("f-home"));
        assertThat(event.chat().pinned()).isFalse();
        assertThat(event).isEqualTo(new ChatMoved(chat.outline()));
    }

    @Test
    void mergeDocument_returnsChatUpdated_withTheNewTitle() {
        Chat chat = stored();

        ChatUpdated event = chat.mergeDocument(Map.of("title", "Renamed"), 3_000);

        assertThat(event.chat().title()).isEqualTo("Renamed");
        assertThat(event).isEqualTo(new ChatUpdated(chat.outline()));
    }

    @Test
    void upsertMessageContent_returnsTheContentAsSet_forANewMessageAsForAnExistingOne() {
        Chat chat = stored();

        MessageContentChanged added = chat.upsertMessageContent("m1", "hello", null, 3_000);
        MessageContentChanged edited = chat.upsertMessageContent("m1", "hello again", null, 3_001);

        assertThat(added).isEqualTo(new MessageContentChanged(OWNER, new ChatId("c1"), "m1", "hello"));
        assertThat(edited).isEqualTo(new MessageContentChanged(OWNER, new ChatId("c1"), "m1", "hello again"));
    }
}
