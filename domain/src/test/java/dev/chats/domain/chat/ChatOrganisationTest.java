package dev.chats.domain.chat;

import dev.chats.domain.folder.FolderId;
import dev.chats.domain.tag.TagName;
import dev.chats.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The organising transitions of the {@link Chat} aggregate: pin, archive, folder, tags, share marks, clone and
 * import. Each test starts from a stored chat (nothing pending) and checks the state after one transition.
 */
class ChatOrganisationTest {

    private static final UserId OWNER = new UserId("u1");
    private static final UserId OTHER = new UserId("u2");
    private static final FolderId WORK = new FolderId("f-work");
    private static final FolderId HOME = new FolderId("f-home");
    private static final long CREATED = 1_000;
    private static final long UPDATED = 2_000;
    private static final long NOW = 3_000;

    static Map<String, Object> object(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> conversation() {
        return object("title", "T", "models", List.of("m"), "history", object("currentId", "m9", "messages", object(
                "m1", object("id", "m1", "parentId", null, "childrenIds", List.of("m9"), "role", "user",
                        "content", "hi", "timestamp", 1_700_000_000),
                "m9", object("id", "m9", "parentId", "m1", "childrenIds", List.of(), "role", "assistant",
                        "content", "hello", "timestamp", 1_700_000_005))));
    }

    /** A stored chat with these flags and meta. */
    private static Chat stored(Map<String, Object> document, boolean archived, boolean pinned, Map<String, ?> meta,
                               FolderId folder, String shareId) {
        return Chat.restore(new ChatId("c1"), OWNER, ChatDocument.fromClient(document), CREATED, UPDATED, shareId,
                archived, pinned, meta, folder, 7);
    }

    private static Chat plain() {
        return stored(object("title", "T"), false, false, Map.of(), null, null);
    }

    private static Chat taggedWith(Object... tags) {
        return stored(object("title", "T"), false, false, object("tags", new ArrayList<>(Arrays.asList(tags))), null, null);
    }

    // --- pin ----------------------------------------------------------------------------------------------------

    @Test
    void givenUnpinnedChat_togglePinned_pinsAndMovesUpdatedAt() {
        Chat chat = plain();

        chat.togglePinned(NOW);

        assertThat(chat.pinned()).isTrue();
        assertThat(chat.updatedAt()).isEqualTo(NOW);
        assertThat(chat.createdAt()).isEqualTo(CREATED);
    }

    @Test
    void givenPinnedChat_togglePinned_unpinsAndMovesUpdatedAt() {
        Chat chat = stored(object("title", "T"), false, true, Map.of(), WORK, null);

        chat.togglePinned(NOW);

        assertThat(chat.pinned()).isFalse();
        assertThat(chat.updatedAt()).isEqualTo(NOW);
        assertThat(chat.folderId()).contains(WORK);
        assertThat(chat.archived()).isFalse();
    }

    @Test
    void givenChat_togglePinnedTwice_isBackToUnpinned() {
        Chat chat = plain();

        chat.togglePinned(NOW);
        chat.togglePinned(NOW + 1);

        assertThat(chat.pinned()).isFalse();
        assertThat(chat.updatedAt()).isEqualTo(NOW + 1);
    }

    // --- archive ------------------------------------------------------------------------------------------------

    @Test
    void givenChatInFolder_toggleArchived_archivesLeavesFolderAndMovesUpdatedAt() {
        Chat chat = stored(object("title", "T"), false, true, Map.of(), WORK, null);

        chat.toggleArchived(NOW);

        assertThat(chat.archived()).isTrue();
        assertThat(chat.folderId()).isEmpty();
        assertThat(chat.updatedAt()).isEqualTo(NOW);
        assertThat(chat.pinned()).isTrue();
    }

    @Test
    void givenArchivedChatInFolder_toggleArchived_restoresAndStillLeavesFolder() {
        Chat chat = stored(object("title", "T"), true, false, Map.of(), WORK, null);

        chat.toggleArchived(NOW);

        assertThat(chat.archived()).isFalse();
        assertThat(chat.folderId()).isEmpty();
        assertThat(chat.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void givenTaggedChat_toggleArchived_keepsItsTags() {
        Chat chat = taggedWith("x", "y");

        chat.toggleArchived(NOW);

        assertThat(chat.tagIds()).containsExactly("x", "y");
    }

    // --- folder -------------------------------------------------------------------------------------------------

    @Test
    void givenPinnedChatAtRoot_moveToFolder_filesItUnpinsItAndMovesUpdatedAt() {
        Chat chat = stored(object("title", "T"), false, true, Map.of(), null, null);

        chat.moveToFolder(WORK, NOW);

        assertThat(chat.folderId()).contains(WORK);
        assertThat(chat.pinned()).isFalse();
        assertThat(chat.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void givenChatInFolder_moveToFolderNull_movesItToTheRoot() {
        Chat chat = stored(object("title", "T"), false, true, Map.of(), WORK, null);

        chat.moveToFolder(null, NOW);

        assertThat(chat.folderId()).isEmpty();
        assertThat(chat.pinned()).isFalse();
        assertThat(chat.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void givenChatInFolder_moveToOtherFolder_replacesTheFolder() {
        Chat chat = stored(object("title", "T"), false, false, Map.of(), WORK, null);

        chat.moveToFolder(HOME, NOW);

        assertThat(chat.folderId()).contains(HOME);
    }

    @Test
    void givenArchivedChat_moveToFolder_leavesItArchived() {
        Chat chat = stored(object("title", "T"), true, false, Map.of(), null, null);

        chat.moveToFolder(WORK, NOW);

        assertThat(chat.archived()).isTrue();
        assertThat(chat.folderId()).contains(WORK);
    }

    // --- tags ---------------------------------------------------------------------------------------------------

    @Test
    void givenUntaggedChat_addTag_storesTheNormalisedIdInMetaTags() {
        Chat chat = plain();

        boolean added = chat.addTag(TagName.of("My Tag"));

        assertThat(added).isTrue();
        assertThat(chat.tagIds()).containsExactly("my_tag");
        assertThat(chat.meta()).containsEntry("tags", List.of("my_tag"));
    }

    @Test
    void givenTaggedChat_addSameTagInOtherCase_isNoOpWithoutDuplicate() {
        Chat chat = plain();
        chat.addTag(TagName.of("My Tag"));

        boolean added = chat.addTag(TagName.of("my TAG"));

        assertThat(added).isFalse();
        assertThat(chat.tagIds()).containsExactly("my_tag");
        assertThat(chat.meta()).containsEntry("tags", List.of("my_tag"));
    }

    @Test
    void givenChat_addTags_keepsInsertionOrder() {
        Chat chat = plain();

        chat.addTag(TagName.of("zeta"));
        chat.addTag(TagName.of("alpha"));
        chat.addTag(TagName.of("Mid Tag"));

        assertThat(chat.tagIds()).containsExactly("zeta", "alpha", "mid_tag");
        assertThat(chat.meta()).containsEntry("tags", List.of("zeta", "alpha", "mid_tag"));
    }

    @Test
    void givenChat_tagOperations_neverMoveUpdatedAt() {
        Chat chat = plain();

        chat.addTag(TagName.of("a"));
        chat.addTag(TagName.of("b"));
        chat.removeTag("a");
        chat.clearTags();

        assertThat(chat.updatedAt()).isEqualTo(UPDATED);
    }

    @Test
    void givenImportedDisplayNames_tagIds_countAsTheirNormalisedIdsOnceEach() {
        Chat chat = taggedWith("Deep Work", "deep_work", "DEEP WORK", "b", "B");

        assertThat(chat.tagIds()).containsExactly("deep_work", "b");
    }

    @Test
    void givenMetaTagsWithReservedBlankOverLongAndNonStringEntries_tagIds_ignoresThem() {
        String overLong = "x".repeat(TagName.MAX_LENGTH + 1);
        String longest = "y".repeat(TagName.MAX_LENGTH);
        Chat chat = taggedWith("none", "NONE", "", overLong, 5, true, null, object("id", "z"), "kept", longest);

        assertThat(chat.tagIds()).containsExactly("kept", longest);
    }

    @Test
    void givenMetaTagsNotAList_tagIds_isEmpty() {
        Chat chat = stored(object("title", "T"), false, false, object("tags", "x"), null, null);

        assertThat(chat.tagIds()).isEmpty();
    }

    @Test
    void givenNoMeta_tagIds_isEmpty() {
        assertThat(plain().tagIds()).isEmpty();
    }

    @Test
    void givenImportedDisplayName_addTagOfSameId_isNoOp() {
        Chat chat = taggedWith("Deep Work");

        assertThat(chat.addTag(TagName.of("deep work"))).isFalse();
        assertThat(chat.tagIds()).containsExactly("deep_work");
    }

    @Test
    void givenImportedDisplayNames_addTag_rewritesMetaTagsAsNormalisedIds() {
        Chat chat = taggedWith("Deep Work", "none", "deep_work");

        chat.addTag(TagName.of("x"));

        assertThat(chat.meta()).containsEntry("tags", List.of("deep_work", "x"));
    }

    @Test
    void givenTaggedChat_removeTag_byDisplayNameRemovesTheNormalisedIdAndKeepsOrder() {
        Chat chat = taggedWith("a", "my_tag", "c");

        boolean removed = chat.removeTag("My Tag");

        assertThat(removed).isTrue();
        assertThat(chat.tagIds()).containsExactly("a", "c");
        assertThat(chat.meta()).containsEntry("tags", List.of("a", "c"));
    }

    @Test
    void givenImportedDisplayName_removeTag_removesIt() {
        Chat chat = taggedWith("Deep Work", "x");

        assertThat(chat.removeTag("deep_work")).isTrue();
        assertThat(chat.tagIds()).containsExactly("x");
    }

    @Test
    void givenChatWithoutTheTag_removeTag_isFalseAndChangesNothing() {
        Chat chat = taggedWith("a");

        boolean removed = chat.removeTag("b");

        assertThat(removed).isFalse();
        assertThat(chat.meta()).containsEntry("tags", List.of("a"));
    }

    @Test
    void givenTaggedChat_clearTags_emptiesMetaTagsAndAnswersTheFormerIds() {
        Chat chat = taggedWith("Deep Work", "b");

        List<String> former = chat.clearTags();

        assertThat(former).containsExactly("deep_work", "b");
        assertThat(chat.tagIds()).isEmpty();
        assertThat(chat.meta()).containsEntry("tags", List.of());
    }

    @Test
    void givenMetaWithOtherKeys_tagOperations_keepThem() {
        Chat chat = stored(object("title", "T"), false, false, object("color", "red", "tags", List.of("a")), null,
                null);

        chat.addTag(TagName.of("b"));
        chat.removeTag("a");

        assertThat(chat.meta()).isEqualTo(object("color", "red", "tags", List.of("b")));
    }

    @Test
    void givenChat_metaAndTagIds_areCopiesTheCallerCannotChange() {
        Chat chat = taggedWith("a");

        chat.meta().put("tags", List.of("hacked"));
        try {
            chat.tagIds().add("hacked");
        } catch (UnsupportedOperationException readOnly) {
            // an unmodifiable list is as good as a copy
        }

        assertThat(chat.tagIds()).containsExactly("a");
    }

    // --- share marks --------------------------------------------------------------------------------------------

    @Test
    void givenUnsharedChat_markShared_recordsTheShareIdWithoutMovingUpdatedAt() {
        Chat chat = plain();

        chat.markShared("s1");

        assertThat(chat.shareId()).contains("s1");
        assertThat(chat.updatedAt()).isEqualTo(UPDATED);
    }

    @Test
    void givenSharedChat_markUnshared_forgetsTheShareIdOnce() {
        Chat chat = stored(object("title", "T"), false, false, Map.of(), null, "s1");

        assertThat(chat.markUnshared()).isTrue();
        assertThat(chat.shareId()).isEmpty();
        assertThat(chat.markUnshared()).isFalse();
        assertThat(chat.shareId()).isEmpty();
    }

    @Test
    void givenChat_markSharedWithNull_isRejected() {
        Chat chat = plain();

        assertThatThrownBy(() -> chat.markShared(null)).isInstanceOf(NullPointerException.class);
        assertThat(chat.shareId()).isEmpty();
    }

    // --- clone --------------------------------------------------------------------------------------------------

    @Test
    void givenArchivedSharedPinnedChatInFolder_cloneAs_copiesDocumentMetaPinAndFolderButNotArchiveOrShare() {
        Chat source = stored(conversation(), true, true, object("tags", List.of("x")), WORK, "s1");

        Chat clone = source.cloneAs(new ChatId("c2"), OTHER, "Clone of T", "c1", NOW);

        assertThat(clone.id()).isEqualTo(new ChatId("c2"));
        assertThat(clone.ownerId()).isEqualTo(OTHER);
        assertThat(clone.title()).isEqualTo("Clone of T");
        assertThat(clone.meta()).isEqualTo(object("tags", List.of("x")));
        assertThat(clone.pinned()).isTrue();
        assertThat(clone.folderId()).contains(WORK);
        assertThat(clone.archived()).isFalse();
        assertThat(clone.shareId()).isEmpty();
        assertThat(clone.version()).isEqualTo(1);
        assertThat(clone.createdAt()).isEqualTo(NOW);
        assertThat(clone.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void givenChatWithHistory_cloneAs_marksOriginAndBranchPointInTheDocument() {
        Chat source = stored(conversation(), false, false, Map.of(), null, null);

        Chat clone = source.cloneAs(new ChatId("c2"), OWNER, "Copy", "c1", NOW);

        Map<String, Object> expected = conversation();
        expected.put("title", "Copy");
        expected.put("originalChatId", "c1");
        expected.put("branchPointMessageId", "m9");
        assertThat(clone.document()).isEqualTo(expected);
        assertThat(clone.pendingMessageChanges().upserted().keySet()).containsExactly("m1", "m9");
    }

    @Test
    void givenChatWithoutHistory_cloneAs_hasANullBranchPoint() {
        Chat source = stored(object("title", "T", "models", List.of("m")), false, false, Map.of(), null, null);

        Chat clone = source.cloneAs(new ChatId("c2"), OWNER, "Clone of T", "c1", NOW);

        assertThat(clone.document())
                .containsEntry("branchPointMessageId", null)
                .containsEntry("originalChatId", "c1")
                .containsEntry("title", "Clone of T")
                .containsEntry("models", List.of("m"))
                .doesNotContainKey("history");
    }

    @Test
    void givenClone_changingIt_leavesTheSourceAlone() {
        Chat source = stored(conversation(), false, false, object("tags", List.of("x")), null, null);
        Chat clone = source.cloneAs(new ChatId("c2"), OWNER, "Copy", "c1", NOW);

        clone.addTag(TagName.of("y"));
        clone.upsertMessageContent("m1", "changed", null, NOW);

        assertThat(source.tagIds()).containsExactly("x");
        assertThat(source.document()).isEqualTo(conversation());
        assertThat(source.title()).isEqualTo("T");
    }

    // --- import -------------------------------------------------------------------------------------------------

    @Test
    void givenImportForm_imported_keepsItsTimesPinFolderAndMeta() {
        Chat chat = Chat.imported(new ChatId("c3"), OWNER, conversation(), object("tags", List.of("t")), true, WORK,
                1_000, 2_000);

        assertThat(chat.createdAt()).isEqualTo(1_000);
        assertThat(chat.updatedAt()).isEqualTo(2_000);
        assertThat(chat.pinned()).isTrue();
        assertThat(chat.folderId()).contains(WORK);
        assertThat(chat.meta()).isEqualTo(object("tags", List.of("t")));
        assertThat(chat.tagIds()).containsExactly("t");
        assertThat(chat.archived()).isFalse();
        assertThat(chat.shareId()).isEmpty();
        assertThat(chat.version()).isEqualTo(1);
        assertThat(chat.title()).isEqualTo("T");
        assertThat(chat.document()).isEqualTo(conversation());
    }

    @Test
    void givenImportWithoutMeta_imported_hasEmptyMeta() {
        Chat chat = Chat.imported(new ChatId("c3"), OWNER, object("x", 1), null, false, null, 5, 6);

        assertThat(chat.meta()).isEmpty();
        assertThat(chat.title()).isEqualTo("New Chat");
        assertThat(chat.folderId()).isEmpty();
        assertThat(chat.createdAt()).isEqualTo(5);
        assertThat(chat.updatedAt()).isEqualTo(6);
    }

    @Test
    void tagsOrArchivedChangedSinceRead_followsTagAndArchiveChangesOnly() {
        Chat fresh = Chat.start(new ChatId("t"), new UserId("u"), Map.of(), null, 1);
        Chat stored = fresh.afterInsert();
        assertThat(fresh.tagsOrArchivedChangedSinceRead()).isTrue();
        assertThat(stored.tagsOrArchivedChangedSinceRead()).isFalse();

        stored.mergeDocument(Map.of("title", "x"), 2);
        stored.togglePinned(2);
        assertThat(stored.tagsOrArchivedChangedSinceRead()).isFalse();

        stored.addTag(TagName.of("work"));
        assertThat(stored.tagsOrArchivedChangedSinceRead()).isTrue();
        Chat updated = stored.afterUpdate();
        assertThat(updated.tagsOrArchivedChangedSinceRead()).isFalse();
        updated.toggleArchived(3);
        assertThat(updated.tagsOrArchivedChangedSinceRead()).isTrue();
        updated.toggleArchived(4);
        assertThat(updated.tagsOrArchivedChangedSinceRead()).isFalse();
    }
}
