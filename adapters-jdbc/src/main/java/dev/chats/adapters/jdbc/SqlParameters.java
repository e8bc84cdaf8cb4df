package dev.chats.adapters.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/** Statements with a number of parameters known only at run time: IN lists and assembled conditions. */
final class SqlParameters {

    private SqlParameters() {
    }

    /** {@code ?, ?, …} for an IN list of {@code count} values. */
    static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** Binds {@code parameters} in order, from the first placeholder on. */
    static void bind(PreparedStatement statement, List<?> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }
}
