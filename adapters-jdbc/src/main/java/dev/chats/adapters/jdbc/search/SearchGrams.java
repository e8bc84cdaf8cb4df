package dev.chats.adapters.jdbc.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Trigram tokens for MariaDB's full-text index, which stands in for the trigram index MariaDB lacks. InnoDB
 * full-text search finds whole words only, while chat search is a literal substring match ("lph" finds "alpha").
 * So each text is stored a second time as tokens of its trigrams, and a search asks the full-text index for the
 * rows holding the phrase's tokens before LIKE decides.
 *
 * <p>Not every trigram is kept: of each run of {@link #WINDOW} consecutive trigrams only the one with the smallest
 * token is (a "minimizer"), which halves what is stored. A phrase of at least {@link #WINDOW} trigrams contains
 * whole runs, and a run picks the same trigram wherever it occurs, so a text containing the phrase holds every
 * token the phrase asks for. Shorter phrases ask for nothing and the search scans.
 *
 * <p>A token stands for a trigram within one scope, the chat's owner: every search is one user's, and InnoDB's
 * full-text index cannot be prefixed by a user column, so the scope is hashed into the token instead. A trigram
 * common across all users then costs a search only as many index entries as the searching user has.
 *
 * <p>The index only narrows: both sides are lower-cased the same way, code point by code point, before they are
 * cut, and a hash collision can only let an extra row through to the LIKE check, never keep a match out.
 *
 * <p>The tokens are persisted: changing {@link #token} or {@link #WINDOW} means re-computing every stored row.
 */
public final class SearchGrams {

    /**
     * Characters per token, inside InnoDB's default token sizes (3 to 84). Short on purpose: a message holds about
     * half as many tokens as characters, so the token length multiplies the storage the index costs.
     */
    public static final int TOKEN_LENGTH = 4;
    /**
     * The letters of a token: digits and consonants without {@code w} and {@code y}, so that no token is a word of
     * a stop-word list, which the full-text index would leave out.
     */
    private static final String TOKEN_LETTERS = "0123456789bcdfghjklmnpqrstvxz";
    private static final long TOKENS = (long) Math.pow(TOKEN_LETTERS.length(), TOKEN_LENGTH);
    /** Consecutive trigrams of which one is kept; a phrase needs this many trigrams to use the index. */
    static final int WINDOW = 3;
    /** Tokens a search asks for: each costs an index look-up, and four already narrow to the rows that match. */
    static final int MAX_QUERY_TOKENS = 4;

    private static final int GRAM = 3;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private SearchGrams() {
    }

    /** The distinct kept tokens of every text in {@code scope}, sorted and space-separated; empty for none. */
    public static String of(String scope, String... texts) {
        long scopeHash = hash(FNV_OFFSET, scope);
        SortedSet<String> tokens = new TreeSet<>();
        for (String text : texts) {
            if (text != null) {
                minimizers(trigramValues(scopeHash, text)).forEach(value -> tokens.add(encode(value)));
            }
        }
        return String.join(" ", tokens);
    }

    /**
     * The boolean-mode full-text query requiring the phrase's kept tokens in {@code scope}, or empty when the phrase
     * is shorter than {@link #WINDOW} trigrams and the index cannot help.
     */
    public static String requireAllOf(String scope, String phrase) {
        List<Long> kept = new ArrayList<>(new LinkedHashSet<>(minimizers(trigramValues(hash(FNV_OFFSET, scope),
                phrase))));
        StringBuilder query = new StringBuilder();
        for (long value : spread(kept, MAX_QUERY_TOKENS)) {
            query.append(query.length() == 0 ? "+" : " +").append(encode(value));
        }
        return query.toString();
    }

    /** Of each run of {@link #WINDOW} consecutive values the smallest (the leftmost of equals), in text order. */
    private static List<Long> minimizers(long[] values) {
        List<Long> kept = new ArrayList<>();
        int lastKept = -1;
        for (int start = 0; start + WINDOW <= values.length; start++) {
            int smallest = start;
            for (int i = start + 1; i < start + WINDOW; i++) {
                if (values[i] < values[smallest]) {
                    smallest = i;
                }
            }
            if (smallest != lastKept) {
                kept.add(values[smallest]);
                lastKept = smallest;
            }
        }
        return kept;
    }

    /** At most {@code limit} values spread over the phrase, first and last included. */
    private static List<Long> spread(List<Long> values, int limit) {
        if (values.size() <= limit) {
            return values;
        }
        List<Long> chosen = new ArrayList<>(limit);
        for (int i = 0; i < limit; i++) {
            chosen.add(values.get((int) ((long) i * (values.size() - 1) / (limit - 1))));
        }
        return chosen;
    }

    private static long[] trigramValues(long scopeHash, String text) {
        int[] codePoints = text.codePoints().map(Character::toLowerCase).toArray();
        long[] values = new long[Math.max(0, codePoints.length - GRAM + 1)];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(scopeHash, codePoints[i], codePoints[i + 1], codePoints[i + 2]);
        }
        return values;
    }

    /** The token of a trigram in the scope {@code scope} hashes to. */
    static String token(String scope, int first, int second, int third) {
        return encode(value(hash(FNV_OFFSET, scope), first, second, third));
    }

    /** 64-bit FNV-1a over the scope and the three code points, reduced to one of {@link #TOKENS} values. */
    private static long value(long scopeHash, int first, int second, int third) {
        long hash = scopeHash;
        for (int codePoint : new int[]{first, second, third}) {
            for (int shift = 0; shift < 32; shift += 8) {
                hash ^= (codePoint >>> shift) & 0xff;
                hash *= FNV_PRIME;
            }
        }
        return Long.remainderUnsigned(hash, TOKENS);
    }

    /** A value written in {@link #TOKEN_LETTERS}, most significant letter first. */
    private static String encode(long value) {
        char[] token = new char[TOKEN_LENGTH];
        long rest = value;
        for (int i = TOKEN_LENGTH - 1; i >= 0; i--) {
            token[i] = TOKEN_LETTERS.charAt((int) (rest % TOKEN_LETTERS.length()));
            rest /= TOKEN_LETTERS.length();
        }
        return new String(token);
    }

    private static long hash(long start, String text) {
        long hash = start;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            hash ^= c & 0xff;
            hash *= FNV_PRIME;
            hash ^= c >>> 8;
            hash *= FNV_PRIME;
        }
        return hash;
    }
}
