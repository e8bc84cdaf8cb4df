package dev.chats.adapters.jdbc;

import dev.chats.adapters.jdbc.search.MariaDbSearch;
import dev.chats.adapters.jdbc.search.SearchGrams;
import dev.chats.domain.chat.ChatQuery;
import dev.chats.domain.chat.Flag;
import dev.chats.domain.chat.FolderScope;
import dev.chats.domain.chat.SortDirection;
import dev.chats.domain.folder.FolderId;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        String like = " LIKE ?" + dialect.likeEscapeClause();
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        query.owner().ifPresent(owner -> {
            conditions.add("user_id = ?");
            parameters.add(owner.value());
        });
        flag("archived", query.archived(), conditions, parameters);
        flag("pinned", query.pinned(), conditions, parameters);
        folder(query.folder(), conditions, parameters);
        query.titleContains().ifPresent(text -> {
            conditions.add("LOWER(title)" + like);
            parameters.add(containsPattern(text, dialect.likeEscape()));
        });
        if (query.shared() != Flag.ANY) {
            conditions.add(query.shared() == Flag.ONLY_TRUE ? "share_id IS NOT NULL" : "share_id IS NULL");
        }
        for (String tag : new java.util.TreeSet<>(query.allTags())) {
            conditions.add("EXISTS (SELECT 1 FROM chat_tag ct WHERE ct.chat_id = chat.id AND ct.tag_id = ?)");
            parameters.add(tag);
        }
        if (query.untagged()) {
            conditions.add("NOT EXISTS (SELECT 1 FROM chat_tag ct WHERE ct.chat_id = chat.id)");
        }
        query.textContains().ifPresent(text -> {
            String pattern = containsPattern(text, dialect.likeEscape());
            // The grams are scoped by owner, so only a search within one user's chats can use them.
            String grams = searchGramsIndexed && query.owner().isPresent()
                    ? SearchGrams.requireAllOf(query.owner().get().value(), text.toLowerCase(Locale.ROOT)) : "";
            if (grams.isEmpty()) {
                conditions.add("(LOWER(title)" + like + " OR LOWER(legacy_text)" + like
                        + " OR EXISTS (SELECT 1 FROM chat_message m WHERE m.chat_id = chat.id"
                        + " AND LOWER(m.content_text)" + like + "))");
                parameters.addAll(List.of(pattern, pattern, pattern));
                return;
            }
            MariaDbSearch.textCondition(like, grams, pattern, conditions, parameters);
        });
        StringBuilder sql = new StringBuilder("SELECT ").append(columns).append(" FROM chat");
        if (!conditions.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", conditions));
        }
        String direction = query.order().direction() == SortDirection.ASC ? "ASC" : "DESC";
        sql.append(" ORDER BY ").append(dialect.chatOrderLead(query))
                .append(StoredNames.sortColumn(query.order().field())).append(' ').append(direction)
                .append(", id ASC LIMIT ? OFFSET ?");
        parameters.add(query.page().limit());
        parameters.add(query.page().offset());
        return new ChatQuerySql(sql.toString(), parameters);
    }

    private static void flag(String column, Flag flag, List<String> conditions, List<Object> parameters) {
        if (flag != Flag.ANY) {
            conditions.add(column + " = ?");
            parameters.add(flag == Flag.ONLY_TRUE);
        }
    }

    private static void folder(FolderScope scope, List<String> conditions, List<Object> parameters) {
        if (scope.onlyRoot()) {
            conditions.add("folder_id IS NULL");
            return;
        }
        scope.folderSet().ifPresent(folders -> {
            if (folders.isEmpty()) {
                conditions.add("1 = 0");
                return;
            }
            conditions.add("folder_id IN (" + SqlParameters.placeholders(folders.size()) + ")");
            folders.stream().map(FolderId::value).sorted().forEach(parameters::add);
        });
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
