package dev.chats.app.move;

import dev.chats.application.transfer.KindChecksum;
import dev.chats.application.transfer.RecordCodec;
import dev.chats.application.transfer.RecordDigest;
import dev.chats.application.transfer.RecordSource;
import dev.chats.application.transfer.TransferProgress;
import dev.chats.application.transfer.TransferRefusedException;
import dev.chats.domain.json.JsonTree;
import dev.chats.domain.transfer.DeploymentRecord;
import dev.chats.domain.transfer.RecordKey;
import dev.chats.domain.transfer.RecordKind;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a backup file ({@link BackupFormat}). {@link #check} reads it whole first — gzip checksum, header, every
 * record, the end line and each kind's count and checksum against it — so a truncated, corrupted or foreign file
 * is refused in one line before anything is written; then the file serves as a copy's source, one pass in kind
 * order.
 */
final class BackupFileReader implements RecordSource, AutoCloseable {

    /** Parsed lines held at once stay under this many characters, however large one chat is. */
    private static final long BATCH_CHARS = 8L << 20;

    private final Lines lines;
    private final Map<RecordKind, Long> counts;

    private BackupFileReader(Path file, Map<RecordKind, Long> counts) {
        this.lines = new Lines(file);
        this.counts = counts;
    }

    /**
     * Reads the whole file and returns each kind's count and checksum.
     *
     * @throws TransferRefusedException naming what is wrong with the file
     */
    static Map<RecordKind, KindChecksum> check(Path file, TransferProgress progress) {
        Map<RecordKind, KindChecksum> sums = new EnumMap<>(RecordKind.class);
        for (RecordKind kind : RecordKind.values()) {
            sums.put(kind, new KindChecksum());
        }
        progress.started("check " + file.getFileName(), -1);
        try (Lines lines = new Lines(file)) {
            long done = 0;
            for (Line line = lines.next(); line != null; line = lines.next()) {
                sums.get(line.kind()).add(RecordDigest.of(line.record()));
                progress.advanced(++done);
            }
            lines.requireEnd(sums);
        }
        progress.finished();
        return sums;
    }

    /** The file as a source; {@link #check} it first. */
    static BackupFileReader open(Path file, Map<RecordKind, KindChecksum> checked) {
        Map<RecordKind, Long> counts = new EnumMap<>(RecordKind.class);
        checked.forEach((kind, sum) -> counts.put(kind, sum.count()));
        return new BackupFileReader(file, counts);
    }

    @Override
    public Cursor open(RecordKind kind) {
        return max -> {
            List<Pending> batch = new ArrayList<>();
            long chars = 0;
            while (batch.size() < max && chars < BATCH_CHARS) {
                Line line = lines.peek();
                if (line == null || line.kind() != kind) {
                    break;
                }
                lines.next();
                chars += line.length();
                DeploymentRecord record = line.record();
                batch.add(new Pending() {
                    @Override
                    public RecordKey key() {
                        return record.key();
                    }

                    @Override
                    public Optional<DeploymentRecord> load() {
                        return Optional.of(record);
                    }
                });
            }
            return batch;
        };
    }

    @Override
    public long count(RecordKind kind) {
        return counts.getOrDefault(kind, -1L);
    }

    @Override
    public void close() {
        lines.close();
    }

    private record Line(RecordKind kind, DeploymentRecord record, int length) {
    }

    /** The record lines of a file in order, after its header is checked; the end line is kept aside. */
    private static final class Lines implements AutoCloseable {

        private static final JsonMapper JSON = JsonMapper.createDefault();

        private final Path file;
        private final BufferedReader reader;
        private long number;
        private Line peeked;
        private RecordKind last = RecordKind.values()[0];
        private Map<String, Object> end;

        Lines(Path file) {
            this.file = file;
            try {
                reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file),
                        1 << 16), StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)),
                        1 << 16);
            } catch (NoSuchFileException e) {
                throw refused("does not exist", e);
            } catch (ZipException e) {
                throw refused("is not a chats backup (not gzip-compressed)", e);
            } catch (EOFException e) {
                throw refused("is not a chats backup (empty or cut short before its first line)", e);
            } catch (IOException e) {
                throw refused("cannot be read: " + e.getMessage(), e);
            }
            Map<String, Object> header;
            try {
                header = parse(readLine());
            } catch (TransferRefusedException e) {
                throw refused("is not a chats backup (its first line is not a chats-backup header)", e);
            }
            if (header == null || !BackupFormat.FORMAT.equals(header.get("format"))) {
                throw refused("is not a chats backup (its first line is not a chats-backup header)", null);
            }
            if (!(header.get("version") instanceof Number version) || version.intValue() > BackupFormat.VERSION
                    || version.intValue() < 1) {
                throw refused("was written in backup format version " + header.get("version")
                        + "; this build reads version " + BackupFormat.VERSION + " (restore it with a newer build)",
                        null);
            }
        }

        Line peek() {
            if (peeked == null && end == null) {
                peeked = read();
            }
            return peeked;
        }

        Line next() {
            Line line = peek();
            peeked = null;
            return line;
        }

        /** Checks the end line against what was read. */
        void requireEnd(Map<RecordKind, KindChecksum> sums) {
            if (end == null) {
                throw refused("is truncated: it ends after line " + number + " without its end line", null);
            }
            if (readLine() != null) {
                throw refused("is corrupted: it goes on after its end line", null);
            }
            Map<?, ?> counts = end.get(BackupFormat.COUNTS) instanceof Map<?, ?> m ? m : Map.of();
            Map<?, ?> checksums = end.get(BackupFormat.CHECKSUMS) instanceof Map<?, ?> m ? m : Map.of();
            for (RecordKind kind : RecordKind.values()) {
                KindChecksum sum = sums.get(kind);
                // A file written before this kind existed names it nowhere and holds none of it: still whole.
                boolean olderThanKind = !counts.containsKey(kind.wireName())
                        && !checksums.containsKey(kind.wireName());
                if (olderThanKind && sum.count() == 0) {
                    continue;
                }
                Object count = counts.get(kind.wireName());
                if (!(count instanceof Number n) || n.longValue() != sum.count()
                        || !sum.hex().equals(checksums.get(kind.wireName()))) {
                    throw refused("is corrupted: its " + kind.wireName() + " records (" + sum.count()
                            + " read) do not match the counts and checksums of its end line", null);
                }
            }
        }

        private Line read() {
            String text = readLine();
            if (text == null) {
                return null;
            }
            Map<String, Object> tree = parse(text);
            if (tree == null) {
                throw refused("is corrupted at line " + number + ": not a JSON object", null);
            }
            if (BackupFormat.FORMAT.equals(tree.get(BackupFormat.END))) {
                end = tree;
                return null;
            }
            Optional<RecordKind> kind = tree.get(BackupFormat.KIND) instanceof String name
                    ? RecordKind.fromWire(name) : Optional.empty();
            if (kind.isEmpty() || !(tree.get(BackupFormat.RECORD) instanceof Map<?, ?>)) {
                throw refused("is corrupted at line " + number + ": not a record of a known kind", null);
            }
            if (kind.get().compareTo(last) < 0) {
                throw refused("is corrupted at line " + number + ": " + kind.get().wireName()
                        + " records after " + last.wireName() + " records", null);
            }
            last = kind.get();
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) tree.get(BackupFormat.RECORD);
            try {
                return new Line(kind.get(), RecordCodec.fromTree(kind.get(), fields), text.length());
            } catch (IllegalArgumentException e) {
                throw refused("is corrupted at line " + number + ": " + e.getMessage(), e);
            }
        }

        private String readLine() {
            try {
                String line = reader.readLine();
                if (line != null) {
                    number++;
                }
                return line;
            } catch (EOFException e) {
                throw refused("is truncated: it ends inside line " + (number + 1), e);
            } catch (ZipException e) {
                throw refused("is corrupted near line " + (number + 1) + ": " + e.getMessage(), e);
            } catch (IOException e) {
                throw refused("cannot be read near line " + (number + 1) + ": " + e.getMessage(), e);
            }
        }

        private Map<String, Object> parse(String text) {
            if (text == null) {
                return null;
            }
            try {
                Object tree = JSON.readValue(text, Argument.OBJECT_ARGUMENT);
                if (tree instanceof Map<?, ?>) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> object = JsonTree.copyObject((Map<String, ?>) tree);
                    return object;
                }
                return null;
            } catch (IOException | RuntimeException e) {
                throw refused("is corrupted at line " + number + ": not JSON", e);
            }
        }

        private TransferRefusedException refused(String what, Throwable cause) {
            return new TransferRefusedException(file + " " + what, cause);
        }

        @Override
        public void close() {
            try {
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
