package dev.chats.domain.chat;

/** The conversation document breaks a storage rule (for example an over-long message id). */
public class InvalidChatDocumentException extends RuntimeException {

    public InvalidChatDocumentException(String message) {
        super(message);
    }
}
