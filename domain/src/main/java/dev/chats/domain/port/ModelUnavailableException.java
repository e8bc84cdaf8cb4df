package dev.chats.domain.port;

/** The model did not answer usably: unreachable, an error status, an unreadable answer, or past its time. */
public class ModelUnavailableException extends RuntimeException {

    public ModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
