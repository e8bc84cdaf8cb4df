package dev.chats.application.service.chat;

import dev.chats.application.port.in.chat.ChatNotFoundException;
import dev.chats.application.port.in.chat.CreateChatUseCase;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.PageRequest;
import dev.chats.domain.chat.ChatSummary;
import dev.chats.domain.permission.PermissionPolicy;
import dev.chats.domain.chat.event.ChatArchived;
import dev.chats.domain.chat.event.ChatDeleted;
import dev.chats.domain.chat.event.ChatEvent;
import dev.chats.domain.chat.event.ChatTagsChanged;
import dev.chats.domain.port.Clock;
import dev.chats.domain.port.IdGenerator;
import dev.chats.domain.port.fake.InMemoryChatRepository;
import dev.chats.domain.port.fake.InMemoryFolderRepository;
import dev.chats.domain.port.fake.InMemoryTagRepository;
import dev.chats.domain.tag.InvalidTagNameException;
import dev.chats.domain.tag.Tag;
import dev.chats.domain.user.EmailAddress;
import dev.chats.domain.user.Role;
import dev.chats.domain.user.User;
import dev.chats.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The life of a user's tags across the tag, archive and delete use cases, over the in-memory fakes: a tag exists
 * exactly while one of its owner's non-archived chats carries it, and unarchiving brings it back with the display
 * name of its first use (COMPATIBILITY.md, fixing acceptance check 25's lost casing).
 */
class ChatTagLifecycleTest {

    private static final long T0 = 1_700_000_000L;

    private final InMemoryChatRepository chats = new InMemoryChatRepository();
    private final InMemoryTagRepository tags = new InMemoryTagRepository(chats);
    private final List<ChatEvent> events = new ArrayList<>();
    private final AtomicInteger counter = new AtomicInteger();
    private final Clock clock = () -> T0;
    private final IdGenerator ids = () -> "chat-" + counter.incrementAndGet();
    private final PermissionPolicy policy = PermissionPolicy.openByDefault();

    private final CreateChatService create =
            new CreateChatService(chats, new InMemoryFolderRepository(), clock, ids, events::add);
    private final ChatTagService tagging = new ChatTagService(chats, tags, policy, events::add);
    private final ArchiveChatService archive = new ArchiveChatService(chats, tags, policy, clock, events::add);
    private final DeleteChatService delete = new DeleteChatService(chats, tags, policy, events::add);

    private final User u1 = user("u1");
    private final User u2 = user("u2");

    private static User user(String id) {
        return new User(new UserId(id), id, new EmailAddress(id + "@example.com"), Role.USER, "hash", "/user.png", 0,
                0);
    }

    private ChatId chatOf(User owner, String title) {
        return create.create(owner, new CreateChatUseCase.Command(Map.of("title", title), Optional.empty())).id();
    }

    private Chat stored(ChatId id) {
        return chats.findById(id).orElseThrow();
    }

    private List<Tag> listed(User user) {
        return tagging.listTags(user);
    }

    private static Tag tag(String id, User owner, String name) {
        return new Tag(id, owner.id(), name, null);
    }

    private Optional<Tag> record(User owner, String id) {
        return tags.findByIds(owner.id(), List.of(id)).stream().findFirst();
    }

    private ChatEvent lastEvent() {
        return events.get(events.size() - 1);
    }

    private ChatTagsChanged lastTagsEvent() {
        assertThat(lastEvent()).isInstanceOf(ChatTagsChanged.class);
        return (ChatTagsChanged) lastEvent();
    }

    // --- acceptance check 25 ------------------------------------------------------------------------------------

    @Test
    void givenTwoChatsTaggedX_archivingBoth_unlistsX_andUnarchivingOne_listsItAgain() {
        ChatId c1 = chatOf(u1, "one");
        ChatId c2 = chatOf(u1, "two");
        tagging.addTag(u1, c1, "x");
        tagging.addTag(u1, c2, "x");
        assertThat(listed(u1)).containsExactly(tag("x", u1, "x"));

        archive.toggleArchive(u1, c1);
        assertThat(listed(u1)).containsExactly(tag("x", u1, "x"));

        archive.toggleArchive(u1, c2);
        assertThat(listed(u1)).isEmpty();

        Chat restored = archive.toggleArchive(u1, c2);
        assertThat(restored.archived()).isFalse();
        assertThat(listed(u1)).containsExactly(tag("x", u1, "x"));
    }

    @Test
    void givenTaggedChatsAllArchived_unarchive_restoresTheOriginalDisplayName() {
        ChatId c1 = chatOf(u1, "one");
        ChatId c2 = chatOf(u1, "two");
        tagging.addTag(u1, c1, "Deep Work");
        tagging.addTag(u1, c2, "deep work");
        archive.toggleArchive(u1, c1);
        archive.toggleArchive(u1, c2);
        assertThat(listed(u1)).isEmpty();

        archive.toggleArchive(u1, c2);

        assertThat(listed(u1)).containsExactly(tag("deep_work", u1, "Deep Work"));
        assertThat(tagging.tagsOf(u1, c2)).containsExactly(tag("deep_work", u1, "Deep Work"));
    }

    @Test
    void givenOnlyCarrierArchived_unarchive_restoresTheOriginalDisplayName() {
        ChatId c1 = chatOf(u1, "one");
        tagging.addTag(u1, c1, "Deep Work");

        archive.toggleArchive(u1, c1);
        assertThat(listed(u1)).isEmpty();
        archive.toggleArchive(u1, c1);

        assertThat(listed(u1)).containsExactly(tag("deep_work", u1, "Deep Work"));
    }

    @Test
    void givenArchivedChat_itsTags_stayOnTheChatWhileUnlisted() {
        ChatId c1 = chatOf(u1, "one");
        tagging.addTag(u1, c1, "Deep Work");

        Chat archived = archive.toggleArchive(u1, c1);

        assertThat(archived.tagIds()).containsExactly("deep_work");
        assertThat(stored(c1).tagIds()).containsExactly("deep_work");
        assertThat(tagging.tagsOf(u1, c1)).containsExactly(tag("deep_work", u1, "Deep Work"));
        assertThat(lastEvent()).isEqualTo(new ChatArchived(archived.outline()));
    }

    // --- adding -------------------------------------------------------------------------------------------------

    @Test
    void givenChat_addTag_storesTheIdOnTheChatAndTheFirstDisplayNameInTheRecord() {
        ChatId c1 = chatOf(u1, "one");

        List<Tag> afterFirst = tagging.addTag(u1, c1, "My Tag");
        List<Tag> afterSecond = tagging.addTag(u1, c1, "my tag");

        assertThat(afterFirst).containsExactly(tag("my_tag", u1, "My Tag"));
        assertThat(afterSecond).containsExactly(tag("my_tag", u1, "My Tag"));
        assertThat(stored(c1).meta()).containsEntry("tags", List.of("my_tag"));
        assertThat(stored(c1).updatedAt()).isEqualTo(T0);
        assertThat(listed(u1)).containsExactly(tag("my_tag", u1, "My Tag"));
    }

    @Test
    void givenChat_addTags_publishesChatTagsWithTheTagIdsInInsertionOrder() {
        ChatId c1 = chatOf(u1, "one");

        tagging.addTag(u1, c1, "Deep Work");
        assertThat(lastTagsEvent().chat().tagIds()).containsExactly("deep_work");

        tagging.addTag(u1, c1, "x");

        ChatTagsChanged event = lastTagsEvent();
        assertThat(event.recipient()).isEqualTo(u1.id());
        assertThat(event.chat().id()).isEqualTo(c1);
        assertThat(event.chat().tagIds()).containsExactly("deep_work", "x");
        assertThat(tagging.tagsOf(u1, c1)).extracting(Tag::id).containsExactly("deep_work", "x");
    }

    @Test
    void givenReservedName_addTag_isRejectedAndChangesNothing() {
        ChatId c1 = chatOf(u1, "one");
        int eventsBefore = events.size();
        long versionBefore = stored(c1).version();

        assertThatThrownBy(() -> tagging.addTag(u1, c1, "NONE"))
                .isInstanceOf(InvalidTagNameException.class)
                .hasMessage("Tag name cannot be 'None'");

        assertThat(stored(c1).tagIds()).isEmpty();
        assertThat(stored(c1).version()).isEqualTo(versionBefore);
        assertThat(record(u1, "none")).isEmpty();
        assertThat(events).hasSize(eventsBefore);
    }

    @Test
    void givenStrangersChat_addTag_throwsNotFoundAndChangesNothing() {
        ChatId c1 = chatOf(u1, "one");
        tagging.addTag(u1, c1, "x");
        Chat before = stored(c1);
        int eventsBefore = events.size();

        assertThatThrownBy(() -> tagging.addTag(u2, c1, "Stranger Tag"))
                .isInstanceOf(ChatNotFoundException.class);

        Chat after = stored(c1);
        assertThat(after.tagIds()).containsExactly("x");
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(after.updatedAt()).isEqualTo(before.updatedAt());
        assertThat(record(u2, "stranger_tag")).isEmpty();
        assertThat(record(u1, "stranger_tag")).isEmpty();
        assertThat(listed(u2)).isEmpty();
        assertThat(listed(u1)).containsExactly(tag("x", u1, "x"));
        assertThat(events).hasSize(eventsBefore);
    }

    @Test
    void givenStrangersChat_otherTagUseCases_throwNotFoundAndChangeNothing() {
        ChatId c1 = chatOf(u1, "one");
        tagging.addTag(u1, c1, "x");
        long versionBefore = stored(c1).version();
        int eventsBefore = events.size();

        assertThatThrownBy(() -> tagging.tagsOf(u2, c1)).isInstanceOf(ChatNotFoundException.class);
        assertThatThrownBy(() -> tagging.removeTag(u2, c1, "x")).isInstanceOf(ChatNotFoundException.class);
        assertThatThrownBy(() -> tagging.clearTags(u2, c1)).isInstanceOf(ChatNotFoundException.class);
        assertThatThrownBy(() -> archive.toggleArchive(u2, c1)).isInstanceOf(ChatNotFoundException.class);
        assertThatThrownBy(() -> delete.delete(u2, c1)).isInstanceOf(ChatNotFoundException.class);

        assertThat(stored(c1).tagIds()).containsExactly("x");
        assertThat(stored(c1).archived()).isFalse();
        assertThat(stored(c1).version()).isEqualTo(versionBefore);
        assertThat(listed(u1)).containsExactly(tag("x", u1, "x"));
        assertThat(events).hasSize(eventsBefore);
    }

    @Test
    void givenMissingChat_addTag_throwsNotFoundAndCreatesNoRecord() {
        assertThatThrownBy(() -> tagging.addTag(u1, new ChatId("nope"), "x"))
                .isInstanceOf(ChatNotFoundException.class);

        assertThat(record(u1, "x")).isEmpty();
        assertThat(events).isEmpty();
    }

    // --- removing -----------------------------------------------------------------------------------------------

    @Test
    void givenTwoCarriers_removingTheLastOne_forgetsTheTag() {
        ChatId c1 = chatOf(u1, "one");
        ChatId c2 = chatOf(u1, "two");
        tagging.addTag(u1, c1, "Deep Work");
        tagging.addTag(u1, c2, "Deep Work");

        assertThat(tagging.removeTag(u1, c1, "deep work")).isEmpty();
        assertThat(listed(u1)).containsExactly(tag("deep_work", u1, "Deep Work"));

        tagging.removeTag(u1, c2, "Deep Work");
        assertThat(listed(u1)).isEmpty();
        assertThat(record(u1, "deep_work")).isEmpty();

        // Forgotten for good: the next use names it afresh.
        tagging.addTag(u1, c1, "DEEP work");
        assertThat(listed(u1)).containsExactly(tag("deep_work", u1, "DEEP work"));
    }

    @Test
    void givenTaggedChat_removeTag_publishesChatTagsWithTheRemainingIds() {
        ChatId c1 = chatOf(u1, "one");
        tagging.addTag(u1, c1, "a");
        tagging.addTag(u1, c1, "b");

        List<Tag> remaining = tagging.removeTag(u1, c1, "a");

        assertThat(remaining).containsExactly(tag("b", u1, "b"));
        assertThat(lastTagsEvent().chat().tagIds()).containsExactly("b");
    }

    @Test
    void givenOtherCarrierArchived_removingFromTheLastListedCarrier_unlistsButKeepsTheName() {
        ChatId c1 = chatOf(u1, "one");
        ChatId c2 = chatOf(u1, "two");
        tagging.addTag(u1, c1, "Deep Work");
        tagging.addTag(u1, c2, "Deep Work");
        archive.toggleArchive(u1, c2);

        tagging.removeTag(u1, c1, "deep_work");
        assertThat(listed(u1)).isEmpty();

        archive.toggleArchive(u1, c2);
        assertThat(listed(u1)).containsExactly(tag("deep_work", u1, "Deep Work"));
    }

    @Test
    void givenTaggedChats_clearTags_forgetsOnlyTagsNoOtherChatCarries() {
        ChatId c1 = chatOf(u1, "one");
        ChatId c2 = chatOf(u1, "two");
        tagging.addTag(u1, c1, "Only Here");
        tagging.addTag(u1, c1, "Shared");
        tagging.addTag(u1, c2, "Shared");

        tagging.clearTags(u1, c1);

        assertThat(stored(c1).tagIds()).isEmpty();
        assertThat(listed(u1)).containsExactly(tag("shared", u1, "Shared"));
        assertThat(record(u1, "only_here")).isEmpty();
        assertThat(lastTagsEvent().chat().tagIds()).isEmpty();
    }

    // --- deleting -----------------------------------------------------------------------------------------------

    @Test
    void givenTaggedChat_delete_forgetsTagsNoOtherChatCarries() {
        ChatId c1 = chatOf(u1, "one");
        ChatId c2 = chatOf(u1, "two");
        tagging.addTag(u1, c1, "Only Here");
        tagging.addTag(u1, c1, "Shared");
        tagging.addTag(u1, c2, "Shared");

        delete.delete(u1, c1);

        assertThat(chats.findById(c1)).isEmpty();
        assertThat(listed(u1)).containsExactly(tag("shared", u1, "Shared"));
        assertThat(record(u1, "only_here")).isEmpty();
        assertThat(lastEvent()).isEqualTo(new ChatDeleted(u1.id(), c1));
    }

    @Test
    void givenArchivedChatAndAListedCarrier_deleteTheArchivedOne_keepsTheTagListed() {
        // Open WebUI's "count == 1" rule would delete the record here (quirk 7); this server keeps it.
        ChatId archived = chatOf(u1, "archived");
        ChatId live = chatOf(u1, "live");
        tagging.addTag(u1, archived, "x");
        tagging.addTag(u1, live, "x");
        archive.toggleArchive(u1, archived);

        delete.delete(u1, archived);

        assertThat(listed(u1)).containsExactly(tag("x", u1, "x"));
    }

    @Test
    void givenArchivedCarrier_deleteTheListedOne_unlistsTheTagButUnarchiveRestoresItsName() {
        ChatId archived = chatOf(u1, "archived");
        ChatId live = chatOf(u1, "live");
        tagging.addTag(u1, live, "Deep Work");
        tagging.addTag(u1, archived, "Deep Work");
        archive.toggleArchive(u1, archived);

        delete.delete(u1, live);
        assertThat(listed(u1)).isEmpty();

        archive.toggleArchive(u1, archived);
        assertThat(listed(u1)).containsExactly(tag("deep_work", u1, "Deep Work"));
    }

    @Test
    void givenTheSameTagIdOfTwoUsers_oneUsersChanges_leaveTheOtherUsersTagAlone() {
        ChatId mine = chatOf(u1, "mine");
        ChatId theirs = chatOf(u2, "theirs");
        tagging.addTag(u1, mine, "Work");
        tagging.addTag(u2, theirs, "WORK");

        archive.toggleArchive(u1, mine);
        delete.delete(u1, mine);

        assertThat(listed(u1)).isEmpty();
        assertThat(listed(u2)).containsExactly(tag("work", u2, "WORK"));
    }

    // --- listing chats by tag -----------------------------------------------------------------------------------

    @Test
    void givenArchivedCarrier_chatsTagged_includesItAndKeepsTheRecord() {
        ChatId c1 = chatOf(u1, "one");
        tagging.addTag(u1, c1, "Deep Work");
        archive.toggleArchive(u1, c1);

        List<ChatSummary> carriers = tagging.chatsTagged(u1, "Deep Work", new PageRequest(0, 60));

        assertThat(carriers).extracting(ChatSummary::id).containsExactly(c1);
        assertThat(record(u1, "deep_work")).contains(tag("deep_work", u1, "Deep Work"));
    }
}
