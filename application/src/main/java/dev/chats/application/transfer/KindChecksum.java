package dev.chats.application.transfer;

import java.math.BigInteger;
import java.util.HexFormat;

/**
 * How many records of one kind a side holds and the sum (modulo 2^256) of their {@link RecordDigest}s: equal on two
 * sides exactly when both hold the same records, whatever order each store lists them in.
 */
public final class KindChecksum {

    private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);

    private long count;
    private BigInteger sum = BigInteger.ZERO;

    public void add(byte[] recordDigest) {
        count++;
        sum = sum.add(new BigInteger(1, recordDigest)).mod(MODULUS);
    }

    public long count() {
        return count;
    }

    /** The sum as 64 hex digits. */
    public String hex() {
        byte[] bytes = sum.toByteArray();
        byte[] fixed = new byte[32];
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, fixed, 32 - length, length);
        return HexFormat.of().formatHex(fixed);
    }

    public boolean sameAs(KindChecksum other) {
        return count == other.count && sum.equals(other.sum);
    }
}
