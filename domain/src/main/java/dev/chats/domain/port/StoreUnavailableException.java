package dev.chats.domain.port;

/**
 * The store cannot be reached right now (connection refused, lost or timed out). Nothing was written; the same
 * request may succeed once the store is back.
 */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
