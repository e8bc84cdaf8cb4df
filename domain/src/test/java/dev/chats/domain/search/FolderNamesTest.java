package dev.chats.domain.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Folder names: loose in search ({@code _} = space, case ignored), exact but case-insensitive for uniqueness. */
class FolderNamesTest {

    @Test
    void normalise_turnsUnderscoresAndWhitespaceRunsIntoOneSpaceAndLowerCases() {
        assertThat(FolderNames.normalise("My_Folder")).isEqualTo("my folder");
        assertThat(FolderNames.normalise("My Folder")).isEqualTo("my folder");
        assertThat(FolderNames.normalise("my__ _\tfolder")).isEqualTo("my folder");
        assertThat(FolderNames.normalise("a\n\nb")).isEqualTo("a b");
    }

    @Test
    void normalise_stripsLeadingAndTrailingSeparators() {
        assertThat(FolderNames.normalise("  _Work_ ")).isEqualTo("work");
        assertThat(FolderNames.normalise("___")).isEmpty();
    }

    @Test
    void normalise_treatsLikeWildcardsAsPlainCharacters() {
        assertThat(FolderNames.normalise("100%")).isEqualTo("100%");
        assertThat(FolderNames.normalise("a.c")).isEqualTo("a.c");
    }

    @Test
    void sameName_ignoresCaseAndSurroundingSpace() {
        assertThat(FolderNames.sameName("Work", "wORK")).isTrue();
        assertThat(FolderNames.sameName("Work", " work ")).isTrue();
    }

    @Test
    void sameName_isExactOtherwise() {
        assertThat(FolderNames.sameName("a_c", "abc")).isFalse();
        assertThat(FolderNames.sameName("a_c", "a c")).isFalse();
        assertThat(FolderNames.sameName("100%", "1000")).isFalse();
        assertThat(FolderNames.sameName("Work", "Works")).isFalse();
        assertThat(FolderNames.sameName("my  folder", "my folder")).isFalse();
    }
}
