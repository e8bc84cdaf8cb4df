package dev.chats.application.transfer;

/** A copy, backup or restore that must not start (or go on): the message says why in one line. */
public final class TransferRefusedException extends RuntimeException {

    public TransferRefusedException(String message) {
        super(message);
    }

    public TransferRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
