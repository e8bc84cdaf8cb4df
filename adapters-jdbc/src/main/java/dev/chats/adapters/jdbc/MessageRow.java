package dev.chats.adapters.jdbc;

import dev.chats.domain.chat.Message;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A {@code chat_message} row as a chat's messages are restored from it: one entry of {@code history.messages}. Read
 * by position, not by micronaut-data's mapper: a long chat has thousands (see {@link Rows}).
 */
record MessageRow(String chatId, String messageId, int position, String body) {

    static final String COLUMNS = "chat_id, message_id, position, body";

    /** The row at the result's cursor, from a SELECT of {@link #COLUMNS}. */
    static MessageRow read(ResultSet row) throws SQLException {
        return new MessageRow(row.getString(1), row.getString(2), row.getInt(3), row.getString(4));
    }

    Message toMessage(JsonColumns json) {
        return new Message(messageId, position, json.readObject(body));
    }
}
