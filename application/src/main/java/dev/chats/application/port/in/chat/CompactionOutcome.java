package dev.chats.application.port.in.chat;

/**
 * What a compaction did: either nothing, and why ({@code disabled}, {@code empty}, {@code too_short}), or how many
 * messages the summary stands for, how many were kept after it, and the summary's length.
 */
public record CompactionOutcome(boolean compacted, String reason, int droppedMessages, int keptMessages,
                                int summaryChars) {

    public static CompactionOutcome skipped(String reason) {
        return new CompactionOutcome(false, reason, 0, 0, 0);
    }

    public static CompactionOutcome done(int droppedMessages, int keptMessages, int summaryChars) {
        return new CompactionOutcome(true, null, droppedMessages, keptMessages, summaryChars);
    }
}
