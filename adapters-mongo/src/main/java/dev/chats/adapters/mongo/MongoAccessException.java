package dev.chats.adapters.mongo;

/** MongoDB failed in a way no caller can correct: it surfaces as a server error. */
public class MongoAccessException extends RuntimeException {

    public MongoAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
