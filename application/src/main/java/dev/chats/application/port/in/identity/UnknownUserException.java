package dev.chats.application.port.in.identity;

import dev.chats.domain.user.UserId;

/** A session names a user who does not exist, for example one deleted after the token was issued. */
public class UnknownUserException extends RuntimeException {

    public UnknownUserException(UserId id) {
        super("user " + id + " not found");
    }
}
