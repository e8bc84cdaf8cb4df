package dev.chats.domain.transfer;


import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Output port: every record of a deployment, read and written as stored — for copying a deployment to another
 * store, backing it up and verifying either. Writes keep ids, times, versions and documents, publish no event and
 * apply no rule; the store derives only what it derives from a record anyway (search text, tag mirrors).
 */
public interface DeploymentRecords {

    /**
     * The keys of at most {@code limit} records of the kind that follow {@code after} (null: from the first) in an
     * order of this store's choosing that stays the same between calls; {@code after} is a key this method returned.
     */
    List<RecordKey> keysAfter(RecordKind kind, RecordKey after, int limit);

    /** The record under the key, or empty if there is none. */
    Optional<DeploymentRecord> find(RecordKind kind, RecordKey key);

    /** Which of these keys name a stored record of the kind. */
    Set<RecordKey> existing(RecordKind kind, Collection<RecordKey> keys);

    /** How many records of the kind are stored. */
    long count(RecordKind kind);

    /** Stores the record, which must not be stored yet, atomically. */
    void write(DeploymentRecord record);

    /**
     * Stores the records, of one kind and none stored yet, each atomically. A store may write them in one
     * transaction (then none is stored if one fails), which spares it a commit and round trips per record; here
     * they are written one by one.
     */
    default void writeAll(List<DeploymentRecord> records) {
        records.forEach(this::write);
    }
}
