package dev.chats.application.transfer;

import dev.chats.domain.transfer.DeploymentRecord;
import dev.chats.domain.transfer.RecordKey;
import dev.chats.domain.transfer.RecordKind;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

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
    /** A record heavier than this is read by one side of a verification at a time (see {@link #verify}). */
    static final long HEAVY = 1_000_000;

    private final TransferProgress progress;
    /** The keys of the heavy records the last copy wrote; null unless that copy weighed every record. */
    private Map<RecordKind, Set<RecordKey>> heavy;

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
        Map<RecordKind, Set<RecordKey>> heavyWritten = new EnumMap<>(RecordKind.class);
        heavy = null;
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
                                long weight = RecordWeight.of(record.get());
                                if (weight > HEAVY) {
                                    heavyWritten.computeIfAbsent(kind, k -> new HashSet<>()).add(pending.key());
                                }
                                group.add(record.get(), weight);
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
        CopySummary summary = new CopySummary(written, skipped);
        if (summary.totalSkipped() == 0) {
            heavy = heavyWritten;
        }
        return summary;
    }

    /**
     * Reads both sides whole and compares each kind's count and checksum. After a copy that wrote every record, the
     * two sides are read at the same time, each on its own thread (half the time on two cores); a record the copy
     * found heavy is then held by one side at a time, so memory stays that of one large chat. Otherwise, as after a
     * resumed copy whose skipped records were never weighed, one side after the other.
     */
    public VerificationReport verify(RecordSource source, RecordSource target) {
        if (heavy == null) {
            Map<RecordKind, KindChecksum> sourceSums = checksums("verify source", source);
            return VerificationReport.of(sourceSums, checksums("verify target", target));
        }
        long sourceTotal = total(source);
        long targetTotal = total(target);
        progress.started("verify", sourceTotal < 0 || targetTotal < 0 ? -1 : sourceTotal + targetTotal);
        Semaphore oneHeavy = new Semaphore(1);
        AtomicLong done = new AtomicLong();
        Runnable advanced = () -> {
            synchronized (progress) {
                progress.advanced(done.incrementAndGet());
            }
        };
        Map<RecordKind, Set<RecordKey>> gated = heavy;
        FutureTask<Map<RecordKind, KindChecksum>> sourceSide = new FutureTask<>(() ->
                sums(source, gated, oneHeavy, advanced));
        Thread reader = new Thread(sourceSide, "verify-source");
        reader.setDaemon(true);
        reader.start();
        Map<RecordKind, KindChecksum> targetSums;
        try {
            targetSums = sums(target, gated, oneHeavy, advanced);
        } catch (RuntimeException | Error e) {
            sourceSide.cancel(true);
            throw e;
        }
        Map<RecordKind, KindChecksum> sourceSums = result(sourceSide);
        progress.finished();
        return VerificationReport.of(sourceSums, targetSums);
    }

    /** Each kind's count and checksum on one side. */
    public Map<RecordKind, KindChecksum> checksums(String phase, RecordSource side) {
        progress.started(phase, total(side));
        long[] done = {0};
        Map<RecordKind, KindChecksum> sums = sums(side, Map.of(), null, () -> progress.advanced(++done[0]));
        progress.finished();
        return sums;
    }

    /**
     * Each kind's count and checksum on one side; a record whose key {@code heavy} names is loaded and hashed
     * holding {@code oneHeavy}.
     */
    private static Map<RecordKind, KindChecksum> sums(RecordSource side, Map<RecordKind, Set<RecordKey>> heavy,
                                                      Semaphore oneHeavy, Runnable advanced) {
        Map<RecordKind, KindChecksum> sums = new EnumMap<>(RecordKind.class);
        for (RecordKind kind : RecordKind.values()) {
            KindChecksum sum = new KindChecksum();
            Set<RecordKey> heavyKeys = heavy.getOrDefault(kind, Set.of());
            try (RecordSource.Cursor cursor = side.open(kind)) {
                for (List<RecordSource.Pending> batch = cursor.next(BATCH); !batch.isEmpty();
                     batch = cursor.next(BATCH)) {
                    for (RecordSource.Pending pending : batch) {
                        boolean gate = heavyKeys.contains(pending.key());
                        if (gate) {
                            oneHeavy.acquireUninterruptibly();
                        }
                        try {
                            pending.load().ifPresent(record -> sum.add(RecordDigest.of(record)));
                        } finally {
                            if (gate) {
                                oneHeavy.release();
                            }
                        }
                        advanced.run();
                    }
                }
            }
            sums.put(kind, sum);
        }
        return sums;
    }

    private static <T> T result(FutureTask<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while verifying", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
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

        void add(DeploymentRecord record, long added) {
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
