package dev.chats.domain.tag;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tag names: Open WebUI's normalisation, the reserved {@code none}, length limits and the import display name. */
class TagNameTest {

    @Test
    void normalise_replacesSpacesWithUnderscoresAndLowerCases() {
        assertThat(TagName.normalise("My Tag")).isEqualTo("my_tag");
        assertThat(TagName.normalise("Deep  WORK")).isEqualTo("deep__work");
    }

    @Test
    void normalise_replacesOnlySpacesAndTrimsNothing() {
        assertThat(TagName.normalise(" x ")).isEqualTo("_x_");
        assertThat(TagName.normalise("a\tB")).isEqualTo("a\tb");
        assertThat(TagName.normalise("\tx\n")).isEqualTo("\tx\n");
        assertThat(TagName.normalise("a-b.c_d")).isEqualTo("a-b.c_d");
    }

    @Test
    void normalise_lowerCasesIndependentlyOfTheDefaultLocale() {
        assertThat(TagName.normalise("TITLE ÄÖ")).isEqualTo("title_äö");
    }

    @Test
    void of_keepsTheDisplayNameAsTypedAndTheNormalisedId() {
        TagName tag = TagName.of("My Tag");

        assertThat(tag.display()).isEqualTo("My Tag");
        assertThat(tag.id()).isEqualTo("my_tag");
    }

    @Test
    void of_doesNotTrimTabsOrSpaces() {
        assertThat(TagName.of("\tx").id()).isEqualTo("\tx");
        assertThat(TagName.of(" x").id()).isEqualTo("_x");
        assertThat(TagName.of(" x").display()).isEqualTo(" x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
    void of_reservedNoneInAnyCase_isRejected(String name) {
        assertThatThrownBy(() -> TagName.of(name))
                .isInstanceOf(InvalidTagNameException.class)
                .hasMessage("Tag name cannot be 'None'");
    }

    @ParameterizedTest
    @ValueSource(strings = {" none", "none ", "no ne", "nones", "none_"})
    void of_namesThatOnlyLookLikeNone_areAccepted(String name) {
        assertThat(TagName.of(name).id()).isNotEqualTo(TagName.RESERVED_ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   ", "\t", "\n", " \t "})
    void of_blank_isRejected(String name) {
        assertThatThrownBy(() -> TagName.of(name)).isInstanceOf(InvalidTagNameException.class);
    }

    @Test
    void of_null_isRejected() {
        assertThatThrownBy(() -> TagName.of(null)).isInstanceOf(InvalidTagNameException.class);
    }

    @Test
    void of_longestAllowedName_isAccepted() {
        String longest = "A".repeat(TagName.MAX_LENGTH);

        assertThat(TagName.of(longest).id()).isEqualTo("a".repeat(255));
    }

    @Test
    void of_overLongName_isRejected() {
        assertThatThrownBy(() -> TagName.of("a".repeat(256))).isInstanceOf(InvalidTagNameException.class);
    }

    @Test
    void capitalisedWords_turnsAnIdIntoOpenWebUisImportDisplayName() {
        assertThat(TagName.capitalisedWords("my_tag")).isEqualTo("My Tag");
        assertThat(TagName.capitalisedWords("t")).isEqualTo("T");
        assertThat(TagName.capitalisedWords("deep_WORK")).isEqualTo("Deep Work");
    }

    @Test
    void capitalisedWords_keepsInnerAndTrailingEmptyWordsAsPythonsSplitDoes() {
        assertThat(TagName.capitalisedWords("a__b")).isEqualTo("A  B");
        assertThat(TagName.capitalisedWords("x_")).isEqualTo("X ");
    }

    @Test
    void capitalisedWords_keepsALeadingEmptyWordAsPythonsSplitDoes() {
        // " ".join(w.capitalize() for w in "_x".split("_")) == " X": the id of the tag " x" (reference §3).
        assertThat(TagName.capitalisedWords("_x")).isEqualTo(" X");
    }
}
