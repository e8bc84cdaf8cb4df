package dev.chats.adapters.jdbc;

import dev.chats.domain.chat.InvalidChatDocumentException;

/**
 * The most one statement may carry to the database: MariaDB refuses a statement longer than its
 * {@code max_allowed_packet} (16 MiB by default) and closes the connection, which the client would see as a 500.
 * Checking before sending turns that into a 400 naming the setting. The other databases take any size.
 */
final class StatementSizeLimit {

    /** No limit: the databases other than MariaDB take any size. */
    static final StatementSizeLimit NONE = new StatementSizeLimit(Long.MAX_VALUE);
    /** Room for the statement's text and the other, small values. */
    private static final long OVERHEAD = 4096;

    private final long maxBytes;

    private StatementSizeLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** At most {@code maxBytes} per statement ({@link SqlDialect#statementSizeLimit} reads it from the server). */
    static StatementSizeLimit of(long maxBytes) {
        return new StatementSizeLimit(maxBytes);
    }

    /** Fails with {@link InvalidChatDocumentException} if {@code what}, written as these values, would not fit. */
    void requireFits(String what, String... values) {
        if (maxBytes == Long.MAX_VALUE) {
            return;
        }
        long bytes = OVERHEAD;
        for (String value : values) {
            bytes += value == null ? 4 : escapedUtf8Length(value);
        }
        if (bytes > maxBytes) {
            throw new InvalidChatDocumentException(what + " is larger than the database accepts in one write ("
                    + "max_allowed_packet = " + maxBytes + " bytes); an administrator can raise it");
        }
    }

    /** The value's UTF-8 length with the escapes the text protocol adds; a surrogate pair counts 5, not 4. */
    private static long escapedUtf8Length(String value) {
        long bytes = 2;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                bytes += c == 0 || c == '\'' || c == '"' || c == '\\' || c == '\n' || c == '\r' || c == 0x1a ? 2 : 1;
            } else if (c < 0x800 || Character.isLowSurrogate(c)) {
                bytes += 2;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
