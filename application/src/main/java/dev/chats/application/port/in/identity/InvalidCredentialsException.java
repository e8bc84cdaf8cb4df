package dev.chats.application.port.in.identity;

/** The e-mail address or the password is wrong; which one is deliberately not said. */
public class InvalidCredentialsException extends RuntimeException {

    public InvalidCredentialsException() {
        super("invalid e-mail address or password");
    }
}
