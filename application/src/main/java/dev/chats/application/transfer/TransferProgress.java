package dev.chats.application.transfer;

/** Told how far a copy or verification has come, to show it; the default shows nothing. */
public interface TransferProgress {

    TransferProgress NONE = new TransferProgress() {
    };

    /** A phase begins ("copy", "verify source" …) over about {@code total} records; -1 when unknown. */
    default void started(String phase, long total) {
    }

    /** {@code done} records of the phase are through. */
    default void advanced(long done) {
    }

    default void finished() {
    }
}
