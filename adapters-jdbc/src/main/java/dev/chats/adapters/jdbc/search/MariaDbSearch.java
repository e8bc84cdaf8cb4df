package dev.chats.adapters.jdbc.search;

import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;

/**
 * The SQL of MariaDB's substring search, which its full-text index cannot serve alone (whole words only): each
 * message's text is kept as {@link SearchGrams} tokens beside it, written by {@link MariaDbSearchIndexer} once the
 * message is quiet, and a search asks the index for the tokens first, then LIKE keeps the rows holding the phrase.
 */
public final class MariaDbSearch {

    private static final Logger LOG = LoggerFactory.getLogger(MariaDbSearch.class);

    private MariaDbSearch() {
    }

    /**
     * Whether the server's full-text settings index {@link SearchGrams} tokens: an administrator may have raised
     * {@code innodb_ft_min_token_size} above their length, and then search must not rely on the index.
     */
    public static boolean indexesGrams(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT @@innodb_ft_min_token_size, @@innodb_ft_max_token_size")) {
            row.next();
            int min = row.getInt(1);
            int max = row.getInt(2);
            boolean indexed = min <= SearchGrams.TOKEN_LENGTH && SearchGrams.TOKEN_LENGTH <= max;
            if (!indexed) {
                LOG.warn("innodb_ft_min_token_size={} / innodb_ft_max_token_size={} leave out the {}-character"
                        + " search tokens: chat search runs without its full-text index", min, max,
                        SearchGrams.TOKEN_LENGTH);
            }
            return indexed;
        }
    }

    /**
     * The condition of a text search through the grams' full-text index. Messages written since their grams were
     * are scanned, looked up per chat of the user: usually none, and after a bulk import only the user's own until
     * the indexer has caught up.
     *
     * @param like    {@code LIKE ?} with the dialect's escape clause
     * @param grams   the tokens every match must hold ({@link SearchGrams#requireAllOf})
     * @param pattern the LIKE pattern of the phrase
     */
    public static void textCondition(String like, String grams, String pattern, List<String> conditions,
                              List<Object> parameters) {
        conditions.add("((MATCH(search_grams) AGAINST (? IN BOOLEAN MODE)"
                + " AND (LOWER(title)" + like + " OR LOWER(legacy_text)" + like + "))"
                + " OR id IN (SELECT s.chat_id FROM chat_message_search s JOIN chat_message m"
                + " ON m.chat_id = s.chat_id AND m.message_id = s.message_id"
                + " WHERE MATCH(s.grams) AGAINST (? IN BOOLEAN MODE) AND LOWER(m.content_text)" + like + ")"
                + " OR EXISTS (SELECT 1 FROM chat_message_search_pending p JOIN chat_message m"
                + " ON m.chat_id = p.chat_id AND m.message_id = p.message_id"
                + " WHERE p.chat_id = chat.id AND LOWER(m.content_text)" + like + "))");
        parameters.addAll(List.of(grams, pattern, pattern, grams, pattern, pattern));
    }

    /**
     * Queues the messages for {@link MariaDbSearchIndexer} instead of writing their grams: a message streamed in
     * many writes would otherwise leave the full-text index an entry per write until it is optimised. Search scans
     * the queued messages meanwhile, so a message is found from its first write on.
     */
    public static void queue(Connection connection, ChatId chat, Collection<Message> messages) throws SQLException {
        try (PreparedStatement mark = connection.prepareStatement("INSERT INTO chat_message_search_pending"
                + " (chat_id, message_id, written_at) VALUES (?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE written_at = VALUES(written_at)")) {
            long now = System.currentTimeMillis();
            for (Message message : messages) {
                mark.setString(1, chat.value());
                mark.setString(2, message.id());
                mark.setLong(3, now);
                mark.addBatch();
            }
            mark.executeBatch();
        }
    }
}
