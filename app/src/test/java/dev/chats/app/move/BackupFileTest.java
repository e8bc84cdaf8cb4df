package dev.chats.app.move;

import dev.chats.app.support.TestStore;
import dev.chats.domain.transfer.RecordKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backup file that is truncated, corrupted, altered, of another format or of a newer format version is refused
 * in one line before the restore writes anything; a backup never overwrites a file.
 */
class BackupFileTest {

    @TempDir
    Path directory;
    private final List<TestStore.Place> places = new ArrayList<>();
    private Path backup;
    private TestStore.Place target;

    @BeforeEach
    void writeBackup() {
        TestStore.Place source = place();
        try (StoreSide side = MoveFixtures.open(source)) {
            DeploymentFixture.load(side.records());
        }
        backup = directory.resolve("ok.chats.gz");
        MoveFixtures.Run run = MoveFixtures.run(source.properties(), "backup", "--file", backup.toString());
        assertThat(run.status()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("verified: both sides hold the same");
        target = place();
    }

    @AfterEach
    void dropPlaces() {
        places.forEach(TestStore.Place::close);
    }

    @Test
    void aBackupDoesNotOverwriteAFile() {
        MoveFixtures.Run run = MoveFixtures.run(target.properties(), "backup", "--file", backup.toString());
        assertThat(run.status()).isEqualTo(MoveCommand.REFUSED);
        assertThat(run.err()).contains("exists already").hasLineCount(1);
    }

    @Test
    void aTruncatedFileIsRefused() throws IOException {
        byte[] bytes = Files.readAllBytes(backup);
        Path cut = write("cut.chats.gz", Arrays.copyOf(bytes, bytes.length / 2));
        assertRefused(cut, "is truncated");
    }

    @Test
    void aFileCutAtALineBoundaryIsRefusedForItsMissingEndLine() throws IOException {
        String text = text(backup);
        String withoutEnd = text.substring(0, text.lastIndexOf('\n', text.length() - 2) + 1);
        assertRefused(gzip("no-end.chats.gz", withoutEnd), "is truncated: it ends after line");
    }

    @Test
    void aCorruptedFileIsRefused() throws IOException {
        byte[] bytes = Files.readAllBytes(backup);
        bytes[bytes.length / 2] ^= 0x5a;
        assertRefused(write("flipped.chats.gz", bytes), backupName("flipped.chats.gz"));
    }

    @Test
    void anAlteredRecordIsRefusedByTheChecksums() throws IOException {
        String altered = text(backup).replace("\"title\":\"Small 7\"", "\"title\":\"Small 8\"");
        assertRefused(gzip("altered.chats.gz", altered), "do not match the counts and checksums");
    }

    @Test
    void aFileOfAnotherFormatIsRefused() throws IOException {
        assertRefused(write("plain.txt", "id,title\n1,hello\n".getBytes(StandardCharsets.UTF_8)),
                "is not a chats backup (not gzip-compressed)");
        assertRefused(gzip("other.json.gz", "{\"some\":\"json\"}\n"), "is not a chats backup");
        assertRefused(write("empty.gz", new byte[0]), "is not a chats backup");
    }

    @Test
    void aFileOfANewerFormatVersionIsRefused() throws IOException {
        String newer = text(backup).replaceFirst("\"version\":1", "\"version\":2");
        assertRefused(gzip("newer.chats.gz", newer), "backup format version 2; this build reads version 1");
    }

    /** A backup made by an earlier version, before folder grants existed, still restores after an upgrade. */
    @Test
    void aFileWrittenBeforeAKindExistedRestores() throws IOException {
        String older = withoutKindInEndLine(withoutRecordsOf(text(backup), "folder_grants"), "folder_grants");
        Path file = gzip("older.chats.gz", older);
        MoveFixtures.Run run = MoveFixtures.run(target.properties(), "restore", "--file", file.toString());
        assertThat(run.status()).as(run.out() + run.err()).isZero();
        try (StoreSide side = MoveFixtures.open(target)) {
            assertThat(side.records().count(RecordKind.FOLDER_GRANTS)).isZero();
            assertThat(side.records().count(RecordKind.CHAT)).isPositive();
        }
    }

    /** The same leniency never hides records: a kind the end line leaves out but the file holds is refused. */
    @Test
    void recordsOfAKindTheEndLineLeavesOutAreRefused() throws IOException {
        assertThat(text(backup)).contains("{\"kind\":\"folder_grants\"");
        String missing = withoutKindInEndLine(text(backup), "folder_grants");
        assertRefused(gzip("missing.chats.gz", missing), "folder_grants records");
    }

    private static String withoutRecordsOf(String text, String kind) {
        StringBuilder kept = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!line.startsWith("{\"kind\":\"" + kind + "\"")) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }

    /** The end line (the last) without the kind's count and checksum. */
    private static String withoutKindInEndLine(String text, String kind) {
        int end = text.lastIndexOf('\n', text.length() - 2) + 1;
        String line = text.substring(end)
                .replaceAll("\"" + kind + "\":(\\d+|\"[0-9a-f]+\"),?", "")
                .replace(",}", "}");
        assertThat(line).doesNotContain(kind);
        return text.substring(0, end) + line;
    }

    private void assertRefused(Path file, String reason) {
        MoveFixtures.Run run = MoveFixtures.run(target.properties(), "restore", "--file", file.toString());
        assertThat(run.status()).isEqualTo(MoveCommand.REFUSED);
        assertThat(run.err()).startsWith("error: " + file).contains(reason).hasLineCount(1);
        try (StoreSide side = MoveFixtures.open(target)) {
            for (RecordKind kind : RecordKind.values()) {
                assertThat(side.records().count(kind)).as(kind.wireName()).isZero();
            }
        }
    }

    private String backupName(String name) {
        return directory.resolve(name).toString();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(directory.resolve(name), bytes);
    }

    private Path gzip(String name, String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return write(name, bytes.toByteArray());
    }

    private static String text(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private TestStore.Place place() {
        TestStore.Place place = TestStore.H2.open();
        places.add(place);
        return place;
    }
}
