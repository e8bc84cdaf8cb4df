package dev.chats.adapters.jdbc;

import dev.chats.domain.vapi.TimeBounds;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A list of one owner's rows of a table (the Vapi chats, sessions …), filtered in the database: conditions are
 * added with their parameters, then {@link #countAndPage} counts the matches and reads one page, both on one
 * connection (run it in a snapshot so the two agree).
 */
final class OwnedRowsQuery {

    /** A page and the number of rows that match the filter in all. */
    record Page<T>(List<T> rows, long total) {
    }

    private final StringBuilder where;
    private final List<Object> parameters = new ArrayList<>();
    private final StringBuilder pageWhere = new StringBuilder();
    private int conditions;
    private final List<Object> pageParameters = new ArrayList<>();

    OwnedRowsQuery(String table, String owner) {
        this.where = new StringBuilder(" FROM " + table + " WHERE user_id = ?");
        parameters.add(owner);
    }

    /** Keeps rows whose column equals the value; no condition for null. */
    OwnedRowsQuery equal(String column, Object value) {
        if (value != null) {
            conditions++;
            where.append(" AND ").append(column).append(" = ?");
            parameters.add(value);
        }
        return this;
    }

    /** Keeps rows whose column is one of the values; no condition for null (an empty list matches nothing). */
    OwnedRowsQuery in(String column, Collection<String> values) {
        if (values != null) {
            conditions++;
            if (values.isEmpty()) {
                where.append(" AND 1 = 0");
            } else {
                where.append(" AND ").append(column).append(" IN (")
                        .append(SqlParameters.placeholders(values.size())).append(')');
                parameters.addAll(values);
            }
        }
        return this;
    }

    /** Keeps rows whose column lies within each of the bounds given. */
    OwnedRowsQuery within(String column, TimeBounds bounds) {
        bound(column, ">", bounds.gt());
        bound(column, ">=", bounds.ge());
        bound(column, "<", bounds.lt());
        bound(column, "<=", bounds.le());
        return this;
    }

    /** A condition of the page only, not of the count: a keyset cursor. */
    OwnedRowsQuery pageOnly(String condition, Object... values) {
        pageWhere.append(" AND ").append(condition);
        pageParameters.addAll(List.of(values));
        return this;
    }

    private void bound(String column, String operator, Long value) {
        if (value != null) {
            conditions++;
            where.append(" AND ").append(column).append(' ').append(operator).append(" ?");
            parameters.add(value);
        }
    }

    /**
     * Counts the matching rows and reads {@code limit} of them from {@code offset} in the given order, each into a
     * row record of {@code type} whose columns are {@code columns}.
     */
    <T> Page<T> countAndPage(Connection connection, Rows reader, Class<T> type, String columns, String orderBy,
                             long limit, long offset) throws SQLException {
        long total;
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*)" + where)) {
            SqlParameters.bind(count, parameters);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                total = row.getLong(1);
            }
        }
        return page(connection, reader, type, columns, orderBy, limit, offset, total);
    }

    /** Whether only the owner is asked for: no condition but the owner's (a page-only cursor aside). */
    boolean ownerOnly() {
        return conditions == 0;
    }

    /** As {@link #countAndPage}, with the number of matching rows already known (kept by the store). */
    <T> Page<T> page(Connection connection, Rows reader, Class<T> type, String columns, String orderBy, long limit,
                     long offset, long total) throws SQLException {
        List<T> rows = List.of();
        if (limit > 0 && offset < total) {
            List<Object> paged = new ArrayList<>(parameters);
            paged.addAll(pageParameters);
            paged.add(limit);
            paged.add(offset);
            try (PreparedStatement page = connection.prepareStatement("SELECT " + columns + where + pageWhere
                    + " ORDER BY " + orderBy + " LIMIT ? OFFSET ?")) {
                SqlParameters.bind(page, paged);
                rows = reader.all(page, type);
            }
        }
        return new Page<>(rows, total);
    }
}
