package dev.chats.application.transfer;

import dev.chats.domain.transfer.DeploymentRecord;
import dev.chats.domain.transfer.RecordKey;
import dev.chats.domain.transfer.RecordKind;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Use case: copy every record of a deployment from a source to a target (a store or a backup file), and verify
 * that both sides hold the same records. Records are read in batches of keys and written in small groups, so memory
 * does not grow with the deployment; each record's write is atomic, so a copy that stopped part-way resumes by
 * skipping the records the target already holds.
 */
public final class DeploymentTransfer {

    /** Keys asked for at once; records are still loaded one at a time. */
    static final int BATCH = 500;
    /** At most so many records are written together. */
    static final int GROUP = 100;
    /** At most about so many characters of records are written together (see {@link RecordWeight}). */
    static final long GROUP_WEIGHT = 4_000_000;

    private final TransferProgress progress;

    public DeploymentTransfer(TransferProgress progress) {
        this.progress = progress;
    }

    /**
     * Refuses a target holding records, unless resuming; then copies kind by kind.
     *
     * @throws TransferRefusedException if the target is not empty and {@code resume} is false; nothing is written
     */
    public CopySummary copy(RecordSource source, RecordTarget target, boolean resume) {
        if (!resume) {
            requireEmpty(target);
        }
        Map<RecordKind, Long> written = new EnumMap<>(RecordKind.class);
        Map<RecordKind, Long> skipped = new EnumMap<>(RecordKind.class);
        progress.started("copy", total(source));
        long done = 0;
        for (RecordKind kind : RecordKind.values()) {
            long kindWritten = 0;
            long kindSkipped = 0;
            try (RecordSource.Cursor cursor = source.open(kind)) {
                for (List<RecordSource.Pending> batch = cursor.next(BATCH); !batch.isEmpty();
                     batch = cursor.next(BATCH)) {
                    Set<RecordKey> held = resume ? target.existing(kind, batch.stream()
                            .map(RecordSource.Pending::key).toList()) : Set.of();
                    Group group = new Group(target);
                    for (RecordSource.Pending pending : batch) {
                        if (held.contains(pending.key())) {
                            kindSkipped++;
                        } else {
                            Optional<DeploymentRecord> record = pending.load();
                            if (record.isPresent()) {
                                group.add(record.get());
                                kindWritten++;
                            }
                        }
                        progress.advanced(++done);
                    }
                    group.flush();
                }
            }
            written.put(kind, kindWritten);
            skipped.put(kind, kindSkipped);
        }
        progress.finished();
        return new CopySummary(written, skipped);
    }

    /** Reads both sides whole and compares each kind's count and checksum. */
    public VerificationReport verify(RecordSource source, RecordSource target) {
        Map<RecordKind, KindChecksum> sourceSums = checksums("verify source", source);
        return VerificationReport.of(sourceSums, checksums("verify target", target));
    }

    /** Each kind's count and checksum on one side. */
    public Map<RecordKind, KindChecksum> checksums(String phase, RecordSource side) {
        Map<RecordKind, KindChecksum> sums = new EnumMap<>(RecordKind.class);
        progress.started(phase, total(side));
        long done = 0;
        for (RecordKind kind : RecordKind.values()) {
            KindChecksum sum = new KindChecksum();
            try (RecordSource.Cursor cursor = side.open(kind)) {
                for (List<RecordSource.Pending> batch = cursor.next(BATCH); !batch.isEmpty();
                     batch = cursor.next(BATCH)) {
                    for (RecordSource.Pending pending : batch) {
                        pending.load().ifPresent(record -> sum.add(RecordDigest.of(record)));
                        progress.advanced(++done);
                    }
                }
            }
            sums.put(kind, sum);
        }
        progress.finished();
        return sums;
    }

    private static void requireEmpty(RecordTarget target) {
        for (RecordKind kind : RecordKind.values()) {
            long held = target.count(kind);
            if (held > 0) {
                throw new TransferRefusedException("the target is not empty (" + held + " " + kind.wireName()
                        + " records): copy into an empty store, or pass --resume to continue a copy into it");
            }
        }
    }

    /**
     * Loaded records waiting to be written together: up to {@link #GROUP} records or {@link #GROUP_WEIGHT}
     * characters, whichever comes first, so a store that writes a group in one transaction saves a commit and round
     * trips per record, while memory stays bounded (a record heavier than the limit is written alone).
     */
    private static final class Group {

        private final RecordTarget target;
        private final List<DeploymentRecord> records = new ArrayList<>();
        private long weight;

        Group(RecordTarget target) {
            this.target = target;
        }

        void add(DeploymentRecord record) {
            long added = RecordWeight.of(record);
            if (!records.isEmpty() && (records.size() == GROUP || weight + added > GROUP_WEIGHT)) {
                flush();
            }
            records.add(record);
            weight += added;
        }

        void flush() {
            if (records.isEmpty()) {
                return;
            }
            try {
                target.writeAll(List.copyOf(records));
            } catch (RuntimeException e) {
                DeploymentRecord first = records.get(0);
                throw new TransferRefusedException("writing " + first.kind().wireName() + " " + first.key()
                        + (records.size() > 1 ? " and the " + (records.size() - 1) + " after it" : "")
                        + " failed: " + e.getMessage(), e);
            }
            records.clear();
            weight = 0;
        }
    }

    private static long total(RecordSource source) {
        long total = 0;
        for (RecordKind kind : RecordKind.values()) {
            long count = source.count(kind);
            if (count < 0) {
                return -1;
            }
            total += count;
        }
        return total;
    }
}
