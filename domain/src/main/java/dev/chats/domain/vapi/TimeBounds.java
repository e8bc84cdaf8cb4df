package dev.chats.domain.vapi;

/**
 * Bounds on a time in epoch milliseconds, each optional (null): strictly greater ({@code gt}), at least
 * ({@code ge}), strictly less ({@code lt}), at most ({@code le}). All given bounds apply together.
 */
public record TimeBounds(Long gt, Long ge, Long lt, Long le) {

    public static final TimeBounds NONE = new TimeBounds(null, null, null, null);

    public boolean isEmpty() {
        return gt == null && ge == null && lt == null && le == null;
    }

    /** Whether {@code time} lies within every given bound. */
    public boolean contains(long time) {
        return (gt == null || time > gt) && (ge == null || time >= ge) && (lt == null || time < lt)
                && (le == null || time <= le);
    }
}
