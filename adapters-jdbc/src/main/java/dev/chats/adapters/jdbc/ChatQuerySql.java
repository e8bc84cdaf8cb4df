package dev.chats.adapters.jdbc;

import dev.chats.adapters.jdbc.search.MariaDbSearch;
import dev.chats.adapters.jdbc.search.SearchGrams;
import dev.chats.domain.chat.ChatCriterion;
import dev.chats.domain.chat.ChatQuery;
import dev.chats.domain.chat.SortDirection;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.user.UserId;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A {@link ChatQuery} as one SELECT over the {@code chat} table: filters, order and window all run in the
 * database, served by the {@code (user_id, …)} indexes.
 */
final class ChatQuerySql {

    private final String sql;
    private final List<Object> parameters;

    private ChatQuerySql(String sql, List<Object> parameters) {
        this.sql = sql;
        this.parameters = parameters;
    }

    /**
     * The SELECT of {@code columns} for {@code query}. With {@code searchGramsIndexed}, a text search asks the
     * full-text index over {@link SearchGrams} first (MariaDB); otherwise LIKE alone, which PostgreSQL's trigram
     * indexes serve and H2 scans for.
     */
    static ChatQuerySql select(SqlDialect dialect, boolean searchGramsIndexed, String columns, ChatQuery query) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(columns).append(" FROM chat")
                .append(where(dialect, searchGramsIndexed, query, parameters));
        String direction = query.order().direction() == SortDirection.ASC ? "ASC" : "DESC";
        sql.append(" ORDER BY ").append(dialect.chatOrderLead(query))
                .append(StoredNames.sortColumn(query.order().field())).append(' ').append(direction)
                .append(", id ASC LIMIT ? OFFSET ?");
        parameters.add(query.page().limit());
        parameters.add(query.page().offset());
        return new ChatQuerySql(sql.toString(), parameters);
    }

    /** The COUNT of the chats matching {@code query}'s filters, served by the same indexes as its pages. */
    static ChatQuerySql count(SqlDialect dialect, boolean searchGramsIndexed, ChatQuery query) {
        List<Object> parameters = new ArrayList<>();
        return new ChatQuerySql("SELECT COUNT(*) FROM chat" + where(dialect, searchGramsIndexed, query, parameters),
                parameters);
    }

    /** The WHERE clause of the query's criteria (empty without any), its parameters added in order. */
    private static String where(SqlDialect dialect, boolean searchGramsIndexed, ChatQuery query,
                                List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        Conditions translation = new Conditions(dialect, searchGramsIndexed, query, conditions, parameters);
        for (ChatCriterion criterion : query.criteria()) {
            criterion.accept(translation);
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** Each criterion as an SQL condition over the {@code chat} row, with its parameters in order. */
    private static final class Conditions implements ChatCriterion.Visitor<Void> {

        private final SqlDialect dialect;
        private final boolean searchGramsIndexed;
        private final ChatQuery query;
        private final List<String> conditions;
        private final List<Object> parameters;
        private final String like;

        Conditions(SqlDialect dialect, boolean searchGramsIndexed, ChatQuery query, List<String> conditions,
                   List<Object> parameters) {
            this.dialect = dialect;
            this.searchGramsIndexed = searchGramsIndexed;
            this.query = query;
            this.conditions = conditions;
            this.parameters = parameters;
            this.like = " LIKE ?" + dialect.likeEscapeClause();
        }

        private Void add(String condition, Object... values) {
            conditions.add(condition);
            parameters.addAll(List.of(values));
            return null;
        }

        @Override
        public Void ownedBy(UserId owner) {
            return add("user_id = ?", owner.value());
        }

        @Override
        public Void archived(boolean archived) {
            return add("archived = ?", archived);
        }

        @Override
        public Void pinned(boolean pinned) {
            return add("pinned = ?", pinned);
        }

        @Override
        public Void inRootFolder() {
            return add("folder_id IS NULL");
        }

        @Override
        public Void inFolders(Set<FolderId> folders) {
            if (folders.isEmpty()) {
                return add("1 = 0");
            }
            return add("folder_id IN (" + SqlParameters.placeholders(folders.size()) + ")",
                    folders.stream().map(FolderId::value).sorted().toArray());
        }

        @Override
        public Void titleContains(String text) {
            return add("LOWER(title)" + like, containsPattern(text, dialect.likeEscape()));
        }

        @Override
        public Void shared(boolean shared) {
            return add(shared ? "share_id IS NOT NULL" : "share_id IS NULL");
        }

        @Override
        public Void carriesTag(String tagId) {
            return add("EXISTS (SELECT 1 FROM chat_tag ct WHERE ct.chat_id = chat.id AND ct.tag_id = ?)", tagId);
        }

        @Override
        public Void untagged() {
            return add("NOT EXISTS (SELECT 1 FROM chat_tag ct WHERE ct.chat_id = chat.id)");
        }

        @Override
        public Void textContains(String text) {
            String pattern = containsPattern(text, dialect.likeEscape());
            // The grams are scoped by owner, so only a search within one user's chats can use them.
            String grams = searchGramsIndexed && query.owner().isPresent()
                    ? SearchGrams.requireAllOf(query.owner().get().value(), text.toLowerCase(Locale.ROOT)) : "";
            if (grams.isEmpty()) {
                return add("(LOWER(title)" + like + " OR LOWER(legacy_text)" + like
                        + " OR EXISTS (SELECT 1 FROM chat_message m WHERE m.chat_id = chat.id"
                        + " AND LOWER(m.content_text)" + like + "))", pattern, pattern, pattern);
            }
            MariaDbSearch.textCondition(like, grams, pattern, conditions, parameters);
            return null;
        }
    }

    /** {@code %text%} with the text's own {@code %}, {@code _} and escape characters taken literally. */
    static String containsPattern(String text, char escape) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder escaped = new StringBuilder(lower.length() + 2).append('%');
        for (char c : lower.toCharArray()) {
            if (c == '%' || c == '_' || c == escape) {
                escaped.append(escape);
            }
            escaped.append(c);
        }
        return escaped.append('%').toString();
    }

    String sql() {
        return sql;
    }

    void bind(PreparedStatement statement) throws SQLException {
        SqlParameters.bind(statement, parameters);
    }
}
