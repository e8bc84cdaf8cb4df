package dev.chats.adapters.jdbc;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The message rows of a chat new to the database, sent to PostgreSQL in one {@code COPY … FROM STDIN} within the
 * chat's transaction: the server inserts them as a bulk load does, without planning and executing an upsert per
 * row, which a new chat does not need (its rows cannot exist yet: they reference the chat row inserted just before).
 * Rows are streamed in the text format one at a time, so a chat of tens of MB is never held twice as bytes.
 */
final class PostgresMessageCopy implements AutoCloseable {

    private static final String COPY = "COPY chat_message (chat_id, message_id, position, parent_id, content_text,"
            + " body) FROM STDIN";

    private final CopyIn copy;
    private final ByteArrayOutputStream row = new ByteArrayOutputStream(1024);
    private boolean ended;

    private PostgresMessageCopy(CopyIn copy) {
        this.copy = copy;
    }

    static PostgresMessageCopy start(Connection connection) throws SQLException {
        return new PostgresMessageCopy(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY));
    }

    /** Sends one row; null values become SQL NULL. */
    void add(String chatId, String messageId, int position, String parentId, String contentText, String body)
            throws SQLException {
        row.reset();
        field(chatId);
        row.write('\t');
        field(messageId);
        row.write('\t');
        field(Integer.toString(position));
        row.write('\t');
        field(parentId);
        row.write('\t');
        field(contentText);
        row.write('\t');
        field(body);
        row.write('\n');
        copy.writeToCopy(row.toByteArray(), 0, row.size());
    }

    /** Ends the COPY; the rows are written when the transaction commits. */
    void end() throws SQLException {
        ended = true;
        copy.endCopy();
    }

    @Override
    public void close() throws SQLException {
        if (!ended && copy.isActive()) {
            copy.cancelCopy();
        }
    }

    /**
     * A value in COPY's text format: backslash, tab, newline and carriage return escaped, null as {@code \N}. The
     * connection's client encoding is UTF-8 (the driver sets it), so the bytes are the value's UTF-8.
     */
    private void field(String value) {
        if (value == null) {
            row.write('\\');
            row.write('N');
            return;
        }
        int from = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            char escaped = switch (c) {
                case '\\' -> '\\';
                case '\t' -> 't';
                case '\n' -> 'n';
                case '\r' -> 'r';
                default -> 0;
            };
            if (escaped != 0) {
                utf8(value, from, i);
                row.write('\\');
                row.write(escaped);
                from = i + 1;
            }
        }
        utf8(value, from, value.length());
    }

    private void utf8(String value, int from, int to) {
        if (from < to) {
            row.writeBytes(value.substring(from, to).getBytes(StandardCharsets.UTF_8));
        }
    }
}
