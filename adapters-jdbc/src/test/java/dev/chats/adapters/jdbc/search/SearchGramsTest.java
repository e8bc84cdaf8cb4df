package dev.chats.adapters.jdbc.search;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SearchGramsTest {

    private static final String OWNER = "user-1";

    /** Letters in both cases, digits, LIKE's special characters, accents, Greek, CJK and a surrogate pair. */
    private static final String[] ALPHABET = {"a", "B", "c", "D", "e", "z", "Z", "0", "7", " ", "\n", "%", "_", "!",
            "-", "'", "é", "É", "ß", "Ω", "ω", "中", "文", "😀", "İ", "K"};

    @Test
    void givenAnyTextAndAnyPartOfIt_thePartsTokensAreAllAmongTheTexts() {
        Random random = new Random(20261123);
        int checkedWithTokens = 0;
        for (int round = 0; round < 5_000; round++) {
            String text = randomText(random, 1 + random.nextInt(80));
            // The phrase is cut from the text as the database's LOWER() sees it, one code point at a time, and
            // then lower-cased again as the search lower-cases every phrase.
            int[] lowered = text.codePoints().map(Character::toLowerCase).toArray();
            int from = random.nextInt(lowered.length);
            int to = from + 1 + random.nextInt(lowered.length - from);
            String phrase = new String(lowered, from, to - from).toLowerCase(Locale.ROOT);

            Set<String> stored = tokens(SearchGrams.of(OWNER, text));
            Set<String> required = requiredTokens(phrase);

            assertThat(stored).as("text %s, phrase %s", text, phrase).containsAll(required);
            if (!required.isEmpty()) {
                checkedWithTokens++;
            }
        }
        assertThat(checkedWithTokens).as("phrases long enough to ask the index").isGreaterThan(2_000);
    }

    @Test
    void givenUpperCaseText_aLowerCasePhraseFindsIt() {
        assertThat(tokens(SearchGrams.of(OWNER, "A NEEDLE in the title"))).containsAll(requiredTokens("needle"));
        assertThat(tokens(SearchGrams.of(OWNER, "A NEEDLE in the title"))).containsAll(requiredTokens("eedle in"));
    }

    @Test
    void givenATextWithoutThePhrase_theRequiredTokensAreMissing() {
        assertThat(requiredTokens("xyzzy")).isNotEmpty();
        assertThat(tokens(SearchGrams.of(OWNER, "alpha beta gamma"))).doesNotContainAnyElementsOf(requiredTokens("xyzzy"));
        assertThat(requiredTokens("lpha bet gamma")).isNotEmpty();
        assertThat(tokens(SearchGrams.of(OWNER, "alpha beta gamma")).containsAll(requiredTokens("lpha bet gamma")))
                .isFalse();
    }

    @Test
    void givenPhrasesShorterThanAWindowOfTrigrams_noQuery() {
        assertThat(SearchGrams.requireAllOf(OWNER, "")).isEmpty();
        assertThat(SearchGrams.requireAllOf(OWNER, "ab")).isEmpty();
        assertThat(SearchGrams.requireAllOf(OWNER, "abcd")).isEmpty();
        assertThat(SearchGrams.requireAllOf(OWNER, "a😀bc")).isEmpty();
        // Five code points, three trigrams: one window, one token, the emoji counting as one character.
        assertThat(SearchGrams.requireAllOf(OWNER, "a😀bcd")).matches("\\+[0-9bcdfghjklmnpqrstvxz]{4}");
    }

    @Test
    void givenALongPhrase_atMostMaxQueryTokensAreRequired_allOfThemKeptForTheText() {
        String phrase = "the quick brown fox jumps over the lazy dog";

        List<String> required = Arrays.stream(SearchGrams.requireAllOf(OWNER, phrase).split(" "))
                .map(term -> term.substring(1)).toList();

        assertThat(required).hasSize(SearchGrams.MAX_QUERY_TOKENS).doesNotHaveDuplicates();
        assertThat(tokens(SearchGrams.of(OWNER, "So " + phrase.toUpperCase(Locale.ROOT) + "!"))).containsAll(required);
    }

    @Test
    void givenAText_aboutHalfItsTrigramsAreKept() {
        String text = "made-up words for a count: qwrtzp xkcd blorft gnarf zimzam plonk frobnicate wibble";
        long trigrams = text.length() - 2;

        int kept = tokens(SearchGrams.of(OWNER, text)).size();

        assertThat(kept).isBetween((int) (trigrams / 3), (int) (trigrams * 2 / 3));
    }

    @Test
    void givenTexts_tokensAreDistinctSortedWordsOfFixedLength() {
        String grams = SearchGrams.of(OWNER, "abcabcabc", null, "ABCA");

        assertThat(grams.split(" ")).isSorted().doesNotHaveDuplicates().isSubsetOf(SearchGrams.token(OWNER, 'a', 'b', 'c'),
                SearchGrams.token(OWNER, 'b', 'c', 'a'), SearchGrams.token(OWNER, 'c', 'a', 'b'));
        assertThat(grams.split(" ")).allMatch(token -> token.matches("[0-9bcdfghjklmnpqrstvxz]{4}")
                && token.length() == SearchGrams.TOKEN_LENGTH);
        assertThat(SearchGrams.of(OWNER, "ab", null)).isEmpty();
    }

    @Test
    void givenTheSameTextOfTwoOwners_theirTokensDiffer() {
        Set<String> mine = tokens(SearchGrams.of(OWNER, "a shared needle"));
        Set<String> theirs = tokens(SearchGrams.of("user-2", "a shared needle"));

        assertThat(mine).doesNotContainAnyElementsOf(theirs);
        assertThat(theirs).containsAll(Arrays.stream(SearchGrams.requireAllOf("user-2", "needle").split(" "))
                .map(term -> term.substring(1)).toList());
    }

    @Test
    void tokensAreStable_theyArePersisted() {
        // Stored rows hold these values: a change here needs a migration that recomputes every row.
        // 64-bit FNV-1a over "u" (each UTF-16 unit low byte first) and 'a', 'b', 'c' (four bytes each, low first),
        // unsigned modulo 29^4, written in base 29 over "0123456789bcdfghjklmnpqrstvxz".
        assertThat(SearchGrams.token("u", 'a', 'b', 'c')).isEqualTo("sxbg");
        assertThat(SearchGrams.token(OWNER, 'a', 'b', 'c')).isEqualTo(SearchGrams.token(OWNER, 0x61, 0x62, 0x63));
        // Of the window abc (sxbg), bcd (jkf0), cde (8hnt) the smallest token is kept.
        assertThat(SearchGrams.token("u", 'b', 'c', 'd')).isEqualTo("jkf0");
        assertThat(SearchGrams.token("u", 'c', 'd', 'e')).isEqualTo("8hnt");
        assertThat(SearchGrams.of("u", "abcde")).isEqualTo("8hnt");
        assertThat(SearchGrams.token(OWNER, 'a', 'b', 'c')).isNotEqualTo(SearchGrams.token(OWNER, 'a', 'c', 'b'));
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return text.toString();
    }

    private static Set<String> tokens(String grams) {
        return grams.isEmpty() ? Set.of() : Set.of(grams.split(" "));
    }

    private static Set<String> requiredTokens(String phrase) {
        String query = SearchGrams.requireAllOf(OWNER, phrase);
        return query.isEmpty() ? Set.of()
                : Arrays.stream(query.split(" ")).map(term -> term.substring(1)).collect(Collectors.toSet());
    }
}
