package dev.chats.application.port.in.identity;

/** A presented API key was never issued, was replaced or deleted, or belongs to a user who no longer exists. */
public class UnknownApiKeyException extends RuntimeException {

    public UnknownApiKeyException() {
        super("unknown API key");
    }
}
