package dev.chats.application.transfer;

import dev.chats.domain.transfer.DeploymentRecord;
import dev.chats.domain.transfer.RecordKey;
import dev.chats.domain.transfer.RecordKind;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Where a copy or restore writes records: a store or a backup file. */
public interface RecordTarget {

    /** Which of these keys the target holds already. */
    Set<RecordKey> existing(RecordKind kind, Collection<RecordKey> keys);

    /** How many records of the kind the target holds. */
    long count(RecordKind kind);

    /** Writes one record not held yet. */
    void write(DeploymentRecord record);

    /** Writes records of one kind not held yet, each atomically (a store may write them in one transaction). */
    default void writeAll(List<DeploymentRecord> records) {
        records.forEach(this::write);
    }
}
