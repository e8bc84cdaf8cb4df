package dev.chats.domain.chat;

import dev.chats.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.chats.domain.chat.ChatDocumentTest.conversation;
import static dev.chats.domain.chat.ChatDocumentTest.object;
import static org.assertj.core.api.Assertions.assertThat;

class ChatTest {

    private static final UserId OWNER = new UserId("u1");

    @Test
    void givenNewChat_start_setsTimesFlagsAndTitleFromDocument() {
        Chat chat = Chat.start(new ChatId("c1"), OWNER, object("name", "x"), null, 1000);

        assertThat(chat.title()).isEqualTo("New Chat");
        assertThat(chat.createdAt()).isEqualTo(1000);
        assertThat(chat.updatedAt()).isEqualTo(1000);
        assertThat(chat.archived()).isFalse();
        assertThat(chat.pinned()).isFalse();
        assertThat(chat.shareId()).isEmpty();
        assertThat(chat.folderId()).isEmpty();
        assertThat(chat.meta()).isEmpty();
        assertThat(chat.document()).isEqualTo(object("name", "x"));
        assertThat(chat.version()).isEqualTo(1);
    }

    @Test
    void givenNewChat_start_pendsEveryMessageForInsert() {
        Chat chat = Chat.start(new ChatId("c1"), OWNER, conversation(), null, 1000);

        assertThat(chat.pendingMessageChanges().upserted().keySet()).containsExactly("a", "b");
    }

    @Test
    void givenChat_mergeDocument_rederivesTitleKeepsOtherKeysAndMovesUpdatedAt() {
        Chat chat = Chat.start(new ChatId("c1"), OWNER,
                object("title", "T", "history", object("currentId", "m1", "messages", object()), "models", List.of("a")),
                null, 1000).afterInsert();

        chat.mergeDocument(object("title", "T2"), 1005);

        assertThat(chat.title()).isEqualTo("T2");
        assertThat(chat.document().get("models")).isEqualTo(List.of("a"));
        assertThat(chat.document().get("history")).isEqualTo(object("currentId", "m1", "messages", object()));
        assertThat(chat.updatedAt()).isEqualTo(1005);
        assertThat(chat.createdAt()).isEqualTo(1000);
    }

    @Test
    void givenPatchDroppingTitle_mergeDocument_keepsStoredTitle() {
        Chat chat = Chat.start(new ChatId("c1"), OWNER, object("title", "T"), null, 1000).afterInsert();

        chat.mergeDocument(object("models", List.of()), 1001);

        assertThat(chat.title()).isEqualTo("T");
    }

    @Test
    void givenClockBehindStoredTime_mergeDocument_neverMovesUpdatedAtBack() {
        Chat chat = Chat.start(new ChatId("c1"), OWNER, object(), null, 2000).afterInsert();

        chat.mergeDocument(object("x", 1), 1500);

        assertThat(chat.updatedAt()).isEqualTo(2000);
    }

    @Test
    void givenStoredChat_afterUpdate_incrementsVersionAndClearsPendingChanges() {
        Chat chat = Chat.start(new ChatId("c1"), OWNER, conversation(), null, 1000).afterInsert();
        chat.mergeDocument(object("history", object("messages", object())), 1001);
        assertThat(chat.pendingMessageChanges().removed()).containsExactly("a", "b");

        Chat stored = chat.afterUpdate();

        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.pendingMessageChanges().isEmpty()).isTrue();
    }

    @Test
    void givenTwoMerges_pendingChanges_accumulateLatestState() {
        Chat chat = Chat.start(new ChatId("c1"), OWNER, conversation(), null, 1000).afterInsert();
        chat.mergeDocument(object("history", object("messages", object("a", object("content", "x")))), 1001);
        chat.mergeDocument(object("history", object("messages", object("b", object("content", "y")))), 1002);

        assertThat(chat.pendingMessageChanges().upserted().keySet()).containsExactly("b");
        assertThat(chat.pendingMessageChanges().removed()).containsExactly("a");
    }

    @Test
    void givenChatsWithSameId_equality_isById() {
        Chat one = Chat.start(new ChatId("c1"), OWNER, object("a", 1), null, 1);
        Chat other = Chat.start(new ChatId("c1"), OWNER, object("b", 2), null, 2);

        assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
        assertThat(Map.of(one, 1)).containsKey(other);
    }
}
