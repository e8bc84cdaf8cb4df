package dev.chats.application.port.in;

/** The acting user lacks the role or permission this use case needs. */
public class AccessProhibitedException extends RuntimeException {

    public AccessProhibitedException(String reason) {
        super(reason);
    }
}
