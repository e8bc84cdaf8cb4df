package dev.chats.adapters.jdbc;

import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.ChatSummary;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The columns of a {@code chat} row the sidebar's title list reads: never the document. Read by position, not by
 * micronaut-data's mapper: this is the hottest read of the server (see {@link Rows}).
 */
record ChatTitleRow(String id, String title, long updatedAt, long createdAt) {

    static final String COLUMNS = "id, title, updated_at, created_at";

    /** The row at the result's cursor, from a SELECT of {@link #COLUMNS}. */
    static ChatTitleRow read(ResultSet row) throws SQLException {
        return new ChatTitleRow(row.getString(1), row.getString(2), row.getLong(3), row.getLong(4));
    }

    ChatSummary toSummary() {
        return new ChatSummary(new ChatId(id), title, updatedAt, createdAt);
    }
}
