package dev.chats.application.transfer;

import dev.chats.domain.transfer.DeploymentRecord;
import dev.chats.domain.transfer.RecordKey;
import dev.chats.domain.transfer.RecordKind;

import java.util.List;
import java.util.Optional;

/** Where a copy, backup or verification reads records: a store or a backup file. */
public interface RecordSource {

    /** The records of one kind, in this source's order. */
    Cursor open(RecordKind kind);

    /** How many records of the kind it holds, for progress; -1 when unknown. */
    long count(RecordKind kind);

    /** Reads one kind in batches of keys; a record is loaded only when asked for, so skipped ones cost no read. */
    interface Cursor extends AutoCloseable {

        /** The next at most {@code max} records; empty at the end. */
        List<Pending> next(int max);

        @Override
        default void close() {
        }
    }

    /** A record whose key is known and whose fields are read on {@link #load()}. */
    interface Pending {

        RecordKey key();

        /** The record, or empty if it vanished since its key was listed. */
        Optional<DeploymentRecord> load();
    }
}
