package dev.chats.application.transfer;

import dev.chats.domain.transfer.DeploymentRecord;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The SHA-256 of a record's canonical JSON ({@link RecordCodec}, {@link CanonicalJson}), streamed through the digest
 * so a large chat is never held twice as text.
 */
public final class RecordDigest {

    private RecordDigest() {
    }

    public static byte[] of(DeploymentRecord record) {
        MessageDigest digest = sha256();
        try (Writer writer = new BufferedWriter(new OutputStreamWriter(
                new DigestOutputStream(OutputStream.nullOutputStream(), digest), StandardCharsets.UTF_8), 8192)) {
            CanonicalJson.write(RecordCodec.toTree(record), writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return digest.digest();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
