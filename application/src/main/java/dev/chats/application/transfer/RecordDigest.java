package dev.chats.application.transfer;

import dev.chats.domain.transfer.DeploymentRecord;

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
        AsciiDigest digest = new AsciiDigest(sha256());
        CanonicalJson.write(RecordCodec.toTree(record), digest);
        return digest.digest();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /**
     * Canonical JSON is printable ASCII (every other character is escaped), so each character is its own UTF-8 byte:
     * the text goes into the digest through a byte buffer, without a charset encoder or a writer's lock per call.
     */
    private static final class AsciiDigest implements Appendable {

        private final MessageDigest digest;
        private final byte[] buffer = new byte[8192];
        private int used;

        AsciiDigest(MessageDigest digest) {
            this.digest = digest;
        }

        @Override
        public Appendable append(CharSequence text) {
            return append(text, 0, text.length());
        }

        @Override
        public Appendable append(CharSequence text, int start, int end) {
            for (int i = start; i < end; i++) {
                if (used == buffer.length) {
                    drain();
                }
                buffer[used++] = (byte) text.charAt(i);
            }
            return this;
        }

        @Override
        public Appendable append(char c) {
            if (used == buffer.length) {
                drain();
            }
            buffer[used++] = (byte) c;
            return this;
        }

        byte[] digest() {
            drain();
            return digest.digest();
        }

        private void drain() {
            digest.update(buffer, 0, used);
            used = 0;
        }
    }
}
