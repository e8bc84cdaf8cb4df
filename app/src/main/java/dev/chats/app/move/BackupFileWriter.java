package dev.chats.app.move;

import dev.chats.application.transfer.CanonicalJson;
import dev.chats.application.transfer.KindChecksum;
import dev.chats.application.transfer.RecordCodec;
import dev.chats.application.transfer.RecordTarget;
import dev.chats.application.transfer.TransferRefusedException;
import dev.chats.domain.transfer.DeploymentRecord;
import dev.chats.domain.transfer.RecordKey;
import dev.chats.domain.transfer.RecordKind;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a backup file as a copy's target: into {@code <file>.partial}, renamed to the file only by
 * {@link #finish()} once the end line is written, so a backup that stopped part-way never looks complete. Each
 * record's canonical JSON goes once through both the file and its checksum.
 */
final class BackupFileWriter implements RecordTarget, AutoCloseable {

    private final Path file;
    private final Path partial;
    private final Writer out;
    private final Map<RecordKind, KindChecksum> checksums = new EnumMap<>(RecordKind.class);
    private boolean finished;

    BackupFileWriter(Path file) {
        this.file = file;
        this.partial = file.resolveSibling(file.getFileName() + ".partial");
        requireAbsent(file);
        try {
            out = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(partial),
                    1 << 16), StandardCharsets.UTF_8), 1 << 16);
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("format", BackupFormat.FORMAT);
            header.put("version", BackupFormat.VERSION);
            header.put("created_at", System.currentTimeMillis() / 1000);
            CanonicalJson.write(header, out);
            out.write('\n');
        } catch (IOException e) {
            throw new TransferRefusedException("cannot write " + partial + ": " + e.getMessage(), e);
        }
        for (RecordKind kind : RecordKind.values()) {
            checksums.put(kind, new KindChecksum());
        }
    }

    /** A backup never overwrites a file, an earlier backup least of all. */
    static void requireAbsent(Path file) {
        if (Files.exists(file)) {
            throw new TransferRefusedException(file + " exists already: name a new file, or move it away first");
        }
    }

    @Override
    public Set<RecordKey> existing(RecordKind kind, Collection<RecordKey> keys) {
        return Set.of();
    }

    @Override
    public long count(RecordKind kind) {
        return checksums.get(kind).count();
    }

    @Override
    public void write(DeploymentRecord record) {
        MessageDigest digest = sha256();
        try (Writer toDigest = new BufferedWriter(new OutputStreamWriter(new DigestOutputStream(
                OutputStream.nullOutputStream(), digest), StandardCharsets.UTF_8), 1 << 14)) {
            out.write("{\"" + BackupFormat.KIND + "\":\"" + record.kind().wireName() + "\",\"" + BackupFormat.RECORD
                    + "\":");
            CanonicalJson.write(RecordCodec.toTree(record), new Tee(out, toDigest));
            out.write("}\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        checksums.get(record.kind()).add(digest.digest());
    }

    /** Writes the end line, closes the file and gives it its name. */
    void finish() {
        Map<String, Object> counts = new LinkedHashMap<>();
        Map<String, Object> sums = new LinkedHashMap<>();
        checksums.forEach((kind, sum) -> {
            counts.put(kind.wireName(), sum.count());
            sums.put(kind.wireName(), sum.hex());
        });
        Map<String, Object> end = new LinkedHashMap<>();
        end.put(BackupFormat.END, BackupFormat.FORMAT);
        end.put(BackupFormat.COUNTS, counts);
        end.put(BackupFormat.CHECKSUMS, sums);
        try {
            CanonicalJson.write(end, out);
            out.write('\n');
            out.close();
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            finished = true;
        } catch (IOException e) {
            throw new TransferRefusedException("cannot finish " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (!finished) {
            try {
                out.close();
            } catch (IOException ignored) {
                // The partial file stays behind under its .partial name either way.
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Appends to two writers at once. */
    private record Tee(Writer first, Writer second) implements Appendable {
        @Override
        public Appendable append(CharSequence text) throws IOException {
            first.append(text);
            second.append(text);
            return this;
        }

        @Override
        public Appendable append(CharSequence text, int start, int end) throws IOException {
            return append(text.subSequence(start, end));
        }

        @Override
        public Appendable append(char c) throws IOException {
            first.append(c);
            second.append(c);
            return this;
        }
    }
}
