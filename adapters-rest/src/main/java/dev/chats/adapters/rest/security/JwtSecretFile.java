package dev.chats.adapters.rest.security;

import io.micronaut.context.exceptions.ConfigurationException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The generated token-signing secret, kept in {@code <data dir>/jwt-secret} so that sessions survive a restart:
 * created once with 64 random bytes (base64), readable by the owner only where the file system has POSIX
 * permissions, and read back on every later start.
 */
final class JwtSecretFile {

    static final String FILE_NAME = "jwt-secret";
    static final int SECRET_BYTES = 64;
    /** HS256 needs at least 256 bits; a shorter stored secret means the file was damaged. */
    static final int MIN_SECRET_BYTES = 32;

    private final Path file;

    JwtSecretFile(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    Path path() {
        return file;
    }

    /** The secret as base64 text, created on first use. */
    String readOrCreate() {
        try {
            if (Files.exists(file)) {
                return read();
            }
            return create();
        } catch (IOException e) {
            throw new ConfigurationException("cannot read or create the JWT secret file " + file.toAbsolutePath()
                    + ": " + e.getMessage() + " (set chats.data-dir / CHATS_DATA_DIR to a writable directory, or "
                    + "set chats.jwt.secret / CHATS_JWT_SECRET)", e);
        }
    }

    private String read() throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            secret = new byte[0];
        }
        if (secret.length < MIN_SECRET_BYTES) {
            throw new ConfigurationException("the JWT secret file " + file.toAbsolutePath() + " is damaged: it must "
                    + "hold at least " + MIN_SECRET_BYTES + " base64-encoded bytes. Delete it to generate a new "
                    + "secret (this signs every user out).");
        }
        return text;
    }

    private String create() throws IOException {
        byte[] secret = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        String text = Base64.getEncoder().encodeToString(secret);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path draft = Files.createTempFile(dir, ".jwt-secret-", ".tmp", ownerOnly(dir));
        try {
            Files.writeString(draft, text + "\n", StandardCharsets.US_ASCII);
            publish(draft);
        } finally {
            Files.deleteIfExists(draft);
        }
        // Read back: another instance sharing the directory may have published its secret first, and that one wins.
        return read();
    }

    /**
     * Makes the complete draft visible under the final name without ever replacing an existing secret: a hard
     * link fails if the name exists, where a rename would silently overwrite it.
     */
    private void publish(Path draft) throws IOException {
        try {
            Files.createLink(file, draft);
        } catch (FileAlreadyExistsException e) {
            // Someone else's secret is already in place.
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (!Files.exists(file)) {
                try {
                    Files.move(draft, file);
                } catch (FileAlreadyExistsException ignored) {
                    // Lost the race to another instance; its secret is used.
                }
            }
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path dir) {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------"))};
        }
        return new FileAttribute<?>[0];
    }
}
