package dev.chats.adapters.rest.security;

import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The generated JWT secret: made once, owner-only, reused, and a damaged file stops the start-up. */
class JwtSecretFileTest {

    @TempDir
    Path dir;

    @Test
    void givenNoFile_readOrCreate_makesDirectoriesAnd64RandomBytes() {
        Path dataDir = dir.resolve("nested/data");

        String secret = new JwtSecretFile(dataDir).readOrCreate();

        assertThat(Base64.getDecoder().decode(secret)).hasSize(JwtSecretFile.SECRET_BYTES);
        assertThat(dataDir.resolve(JwtSecretFile.FILE_NAME)).exists();
        assertThat(new JwtSecretFile(dir.resolve("other")).readOrCreate()).isNotEqualTo(secret);
    }

    @Test
    void givenAFile_readOrCreate_reusesItAndLeavesNoDrafts() throws Exception {
        String first = new JwtSecretFile(dir).readOrCreate();

        assertThat(new JwtSecretFile(dir).readOrCreate()).isEqualTo(first);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(JwtSecretFile.FILE_NAME);
        }
    }

    @Test
    void createdFile_isReadableByTheOwnerOnly() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));

        new JwtSecretFile(dir).readOrCreate();

        assertThat(Files.getPosixFilePermissions(dir.resolve(JwtSecretFile.FILE_NAME)))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }

    @Test
    void givenADamagedFile_readOrCreate_failsNamingTheFile() throws Exception {
        Files.writeString(dir.resolve(JwtSecretFile.FILE_NAME), "c2hvcnQ=\n");

        assertThatThrownBy(() -> new JwtSecretFile(dir).readOrCreate())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(JwtSecretFile.FILE_NAME)
                .hasMessageContaining("damaged");
    }

    @Test
    void givenADataDirThatIsAFile_readOrCreate_failsWithAHint() throws Exception {
        Path notADir = Files.writeString(dir.resolve("plain-file"), "x");

        assertThatThrownBy(() -> new JwtSecretFile(notADir).readOrCreate())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("CHATS_DATA_DIR");
    }
}
