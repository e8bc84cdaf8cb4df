package dev.chats.domain.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The search box grammar: filter words, the phrase that remains, and the single-tag case. */
class SearchQueryTest {

    private static void assertNoFilters(SearchQuery query) {
        assertThat(query.tagIds()).isEmpty();
        assertThat(query.untagged()).isFalse();
        assertThat(query.folderNames()).isEmpty();
        assertThat(query.pinned()).isEmpty();
        assertThat(query.archived()).isEmpty();
        assertThat(query.shared()).isEmpty();
    }

    // --- phrase -------------------------------------------------------------------------------------------------

    @Test
    void givenPlainWords_parse_makesOneLowerCasePhrase() {
        SearchQuery query = SearchQuery.parse("Alpha   REPORT\tq3");

        assertThat(query.phrase()).isEqualTo("alpha report q3");
        assertThat(query.hasPhrase()).isTrue();
        assertNoFilters(query);
    }

    @Test
    void givenFiltersAmongWords_parse_joinsTheRemainingWordsInOrder() {
        SearchQuery query = SearchQuery.parse("Quarterly tag:work review pinned:true 2024 folder:x");

        assertThat(query.phrase()).isEqualTo("quarterly review 2024");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   ", "\t\n", "\u0000"})
    void givenBlankText_parse_hasNoPhraseAndNoFilters(String text) {
        SearchQuery query = SearchQuery.parse(text);

        assertThat(query.phrase()).isEmpty();
        assertThat(query.hasPhrase()).isFalse();
        assertNoFilters(query);
        assertThat(query.singleTagOnly()).isEmpty();
    }

    @Test
    void givenOnlyFilters_parse_hasNoPhrase() {
        SearchQuery query = SearchQuery.parse("tag:a pinned:true");

        assertThat(query.hasPhrase()).isFalse();
        assertThat(query.phrase()).isEmpty();
    }

    @Test
    void givenLikeWildcards_parse_keepsThemAsText() {
        assertThat(SearchQuery.parse("100% a_b").phrase()).isEqualTo("100% a_b");
    }

    @Test
    void givenNulBytes_parse_dropsThem() {
        assertThat(SearchQuery.parse("al\u0000pha").phrase()).isEqualTo("alpha");
    }

    // --- tag: ---------------------------------------------------------------------------------------------------

    @Test
    void givenOneTag_parse_filtersOnItsNormalisedId() {
        SearchQuery query = SearchQuery.parse("tag:My_Tag");

        assertThat(query.tagIds()).containsExactly("my_tag");
        assertThat(query.untagged()).isFalse();
        assertThat(query.phrase()).isEmpty();
    }

    @Test
    void givenSeveralTags_parse_requiresAllOfThem() {
        SearchQuery query = SearchQuery.parse("tag:a tag:B tag:a");

        assertThat(query.tagIds()).containsExactlyInAnyOrder("a", "b");
        assertThat(query.untagged()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tag:none", "TAG:None", "tag:a tag:none tag:b", "tag:none tag:a"})
    void givenTagNone_parse_meansUntaggedAndOverridesOtherTags(String text) {
        SearchQuery query = SearchQuery.parse(text);

        assertThat(query.untagged()).isTrue();
        assertThat(query.tagIds()).isEmpty();
    }

    @Test
    void givenEmptyTag_parse_addsNoTagAndNoPhrase() {
        SearchQuery query = SearchQuery.parse("tag:");

        assertThat(query.tagIds()).isEmpty();
        assertThat(query.untagged()).isFalse();
        assertThat(query.phrase()).isEmpty();
    }

    // --- folder: ------------------------------------------------------------------------------------------------

    @Test
    void givenFolderWithUnderscores_parse_normalisesTheName() {
        SearchQuery query = SearchQuery.parse("folder:My_Folder");

        assertThat(query.folderNames()).containsExactly("my folder");
        assertThat(query.phrase()).isEmpty();
    }

    @Test
    void givenFolderWithRunsOfUnderscores_parse_collapsesThemToOneSpace() {
        assertThat(SearchQuery.parse("folder:_My__Big___folder_").folderNames()).containsExactly("my big folder");
    }

    @Test
    void givenSeveralFolders_parse_keepsEachName() {
        assertThat(SearchQuery.parse("folder:Work folder:home_office").folderNames())
                .containsExactly("work", "home office");
    }

    // --- pinned:, archived:, shared: ----------------------------------------------------------------------------

    @Test
    void givenPinnedTrueOrFalse_parse_filtersOnIt() {
        assertThat(SearchQuery.parse("pinned:true").pinned()).contains(true);
        assertThat(SearchQuery.parse("pinned:false").pinned()).contains(false);
        assertThat(SearchQuery.parse("PINNED:TRUE").pinned()).contains(true);
    }

    @Test
    void givenArchivedTrueOrFalse_parse_filtersOnIt() {
        assertThat(SearchQuery.parse("archived:true").archived()).contains(true);
        assertThat(SearchQuery.parse("archived:false").archived()).contains(false);
    }

    @Test
    void givenSharedTrueOrFalse_parse_filtersOnIt() {
        assertThat(SearchQuery.parse("shared:true").shared()).contains(true);
        assertThat(SearchQuery.parse("shared:false").shared()).contains(false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pinned:maybe", "archived:yes", "shared:1", "pinned:", "archived:truee", "shared:no"})
    void givenInvalidFlagValue_parse_dropsTheWordWithoutFiltering(String word) {
        SearchQuery query = SearchQuery.parse("hello " + word);

        assertThat(query.phrase()).isEqualTo("hello");
        assertNoFilters(query);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pinned:true pinned:maybe", "pinned:maybe pinned:true"})
    void givenValidAndInvalidValuesOfOneFlag_parse_keepsTheValidFilter(String text) {
        // An invalid value "applies no filter" (reference §5.1): it must not cancel a valid one given beside it.
        assertThat(SearchQuery.parse(text).pinned()).contains(true);
    }

    @Test
    void givenEveryFilterAtOnce_parse_collectsEachOfThem() {
        SearchQuery query = SearchQuery.parse(
                "Budget tag:work tag:q1 folder:My_Folder pinned:false archived:true shared:true draft");

        assertThat(query.phrase()).isEqualTo("budget draft");
        assertThat(query.tagIds()).containsExactlyInAnyOrder("work", "q1");
        assertThat(query.untagged()).isFalse();
        assertThat(query.folderNames()).containsExactly("my folder");
        assertThat(query.pinned()).contains(false);
        assertThat(query.archived()).contains(true);
        assertThat(query.shared()).contains(true);
    }

    @Test
    void givenPrefixNotAtWordStart_parse_keepsTheWordInThePhrase() {
        SearchQuery query = SearchQuery.parse("mytag:x unpinned:true");

        assertThat(query.phrase()).isEqualTo("mytag:x unpinned:true");
        assertNoFilters(query);
    }

    // --- singleTagOnly ------------------------------------------------------------------------------------------

    @Test
    void givenExactlyOneTagWord_singleTagOnly_answersItsId() {
        assertThat(SearchQuery.parse("tag:Work").singleTagOnly()).contains("work");
        assertThat(SearchQuery.parse("  tag:work  ").singleTagOnly()).contains("work");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tag:a tag:b", "tag:a hello", "tag:a pinned:true", "tag:a archived:false",
            "tag:a shared:true", "tag:a folder:x", "tag:none", "hello", "pinned:true"})
    void givenAnythingBesidesOneTag_singleTagOnly_isEmpty(String text) {
        assertThat(SearchQuery.parse(text).singleTagOnly()).isEqualTo(Optional.empty());
    }

    @Test
    void parsedQuery_collectionsAreReadOnly() {
        SearchQuery query = SearchQuery.parse("tag:a folder:b");

        assertThat(query.tagIds()).isUnmodifiable();
        assertThat(query.folderNames()).isUnmodifiable();
    }
}
