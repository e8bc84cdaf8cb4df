package dev.chats.domain.chat;

/** A message event of an unknown type or with data of the wrong shape. */
public class InvalidMessageEventException extends RuntimeException {

    public InvalidMessageEventException(String message) {
        super(message);
    }
}
