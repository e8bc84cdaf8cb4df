package dev.chats.domain.port;

/** A user with this e-mail address already exists: nothing was written. */
public class EmailAlreadyRegisteredException extends RuntimeException {

    public EmailAlreadyRegisteredException() {
        super("e-mail address already registered");
    }
}
