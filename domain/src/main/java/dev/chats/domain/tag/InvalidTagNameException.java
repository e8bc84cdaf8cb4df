package dev.chats.domain.tag;

/** A tag name that is blank, too long, or the reserved {@code none}. */
public class InvalidTagNameException extends RuntimeException {

    public InvalidTagNameException(String message) {
        super(message);
    }
}
