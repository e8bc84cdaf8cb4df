package dev.chats.adapters.jdbc;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Trigram tokens for MariaDB's full-text index, which stands in for the trigram index MariaDB lacks. InnoDB
 * full-text search finds whole words only, while chat search is a literal substring match ("lph" finds "alpha").
 * So each text is stored a second time as the set of its trigrams, one word-like token per trigram, and a search
 * asks the full-text index for the rows holding every trigram of the phrase before LIKE decides.
 *
 * <p>A token stands for a trigram within one scope, the chat's owner: every search is one user's, and InnoDB's
 * full-text index cannot be prefixed by a user column, so the scope is hashed into the token instead. A trigram
 * common across all users then costs a search only as many index entries as the searching user has.
 *
 * <p>The index only narrows: a text containing the phrase holds all the phrase's trigrams, because both sides are
 * lower-cased the same way, code point by code point, before they are cut. A hash collision can only let an extra
 * row through to the LIKE check, never keep a match out.
 *
 * <p>The tokens are persisted: changing {@link #token} means re-computing every stored row.
 */
final class SearchGrams {

    /**
     * Characters per token, inside InnoDB's default token sizes (3 to 84). Short on purpose: a message holds about
     * as many tokens as characters, so the token length multiplies the storage the index costs.
     */
    static final int TOKEN_LENGTH = 4;
    /**
     * The letters of a token: digits and consonants without {@code w} and {@code y}, so that no token is a word of
     * a stop-word list, which the full-text index would leave out.
     */
    private static final String TOKEN_LETTERS = "0123456789bcdfghjklmnpqrstvxz";
    private static final long TOKENS = (long) Math.pow(TOKEN_LETTERS.length(), TOKEN_LENGTH);
    /** Trigrams a search asks for: each costs an index look-up, and four already narrow to the rows that match. */
    static final int MAX_QUERY_TOKENS = 4;

    private static final int GRAM = 3;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private SearchGrams() {
    }

    /** The distinct tokens of every text's trigrams in {@code scope}, sorted and space-separated; empty for none. */
    static String of(String scope, String... texts) {
        long scopeHash = hash(FNV_OFFSET, scope);
        SortedSet<String> tokens = new TreeSet<>();
        for (String text : texts) {
            if (text != null) {
                tokens.addAll(tokensInOrder(scopeHash, text));
            }
        }
        return String.join(" ", tokens);
    }

    /**
     * The boolean-mode full-text query requiring the phrase's trigrams in {@code scope}, or empty when the phrase is
     * shorter than a trigram and the index cannot help.
     */
    static String requireAllOf(String scope, String phrase) {
        List<String> tokens = new ArrayList<>(new LinkedHashSet<>(tokensInOrder(hash(FNV_OFFSET, scope), phrase)));
        StringBuilder query = new StringBuilder();
        for (String token : spread(tokens, MAX_QUERY_TOKENS)) {
            query.append(query.length() == 0 ? "+" : " +").append(token);
        }
        return query.toString();
    }

    /** At most {@code limit} tokens spread over the phrase, first and last included. */
    private static List<String> spread(List<String> tokens, int limit) {
        if (tokens.size() <= limit) {
            return tokens;
        }
        List<String> chosen = new ArrayList<>(limit);
        for (int i = 0; i < limit; i++) {
            chosen.add(tokens.get((int) ((long) i * (tokens.size() - 1) / (limit - 1))));
        }
        return chosen;
    }

    private static List<String> tokensInOrder(long scopeHash, String text) {
        int[] codePoints = text.codePoints().map(Character::toLowerCase).toArray();
        List<String> tokens = new ArrayList<>(Math.max(0, codePoints.length - GRAM + 1));
        for (int i = 0; i + GRAM <= codePoints.length; i++) {
            tokens.add(token(scopeHash, codePoints[i], codePoints[i + 1], codePoints[i + 2]));
        }
        return tokens;
    }

    /** The token of a trigram in the scope {@code scope} hashes to. */
    static String token(String scope, int first, int second, int third) {
        return token(hash(FNV_OFFSET, scope), first, second, third);
    }

    /**
     * 64-bit FNV-1a over the scope and the three code points, reduced to one of {@link #TOKENS} tokens written in
     * {@link #TOKEN_LETTERS}. Two trigrams may share a token: that only lets an extra row through to LIKE.
     */
    private static String token(long scopeHash, int first, int second, int third) {
        long hash = scopeHash;
        for (int codePoint : new int[]{first, second, third}) {
            for (int shift = 0; shift < 32; shift += 8) {
                hash ^= (codePoint >>> shift) & 0xff;
                hash *= FNV_PRIME;
            }
        }
        long value = Long.remainderUnsigned(hash, TOKENS);
        char[] token = new char[TOKEN_LENGTH];
        for (int i = TOKEN_LENGTH - 1; i >= 0; i--) {
            token[i] = TOKEN_LETTERS.charAt((int) (value % TOKEN_LETTERS.length()));
            value /= TOKEN_LETTERS.length();
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
