package dev.chats.adapters.jdbc;

/** The database failed in a way no caller can correct: it surfaces as a server error. */
public class JdbcAccessException extends RuntimeException {

    public JdbcAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
