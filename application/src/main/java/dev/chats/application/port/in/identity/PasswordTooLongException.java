package dev.chats.application.port.in.identity;

/** The password is longer than the hasher can use; nothing was stored. */
public class PasswordTooLongException extends RuntimeException {

    public PasswordTooLongException(int maxBytes) {
        super("password longer than " + maxBytes + " bytes");
    }
}
