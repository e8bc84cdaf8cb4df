package dev.chats.application.port.in.identity;

/** The current password given to confirm a change is wrong; nothing was changed. */
public class IncorrectPasswordException extends RuntimeException {

    public IncorrectPasswordException() {
        super("the current password is incorrect");
    }
}
