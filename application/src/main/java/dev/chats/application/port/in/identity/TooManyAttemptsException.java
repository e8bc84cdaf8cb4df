package dev.chats.application.port.in.identity;

/** The account used every password attempt of the current window; nothing was checked. */
public class TooManyAttemptsException extends RuntimeException {

    public TooManyAttemptsException() {
        super("too many password attempts for this account; try again later");
    }
}
