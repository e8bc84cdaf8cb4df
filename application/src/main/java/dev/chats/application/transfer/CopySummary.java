package dev.chats.application.transfer;

import dev.chats.domain.transfer.RecordKind;

import java.util.Map;

/**
 * What a copy did per kind: records written, and records skipped because the target held them already (a resumed
 * copy).
 */
public record CopySummary(Map<RecordKind, Long> written, Map<RecordKind, Long> skipped) {

    public CopySummary {
        written = Map.copyOf(written);
        skipped = Map.copyOf(skipped);
    }

    public long totalWritten() {
        return written.values().stream().mapToLong(Long::longValue).sum();
    }

    public long totalSkipped() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }
}
