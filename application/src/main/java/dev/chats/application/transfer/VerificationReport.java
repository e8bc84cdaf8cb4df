package dev.chats.application.transfer;

import dev.chats.domain.transfer.RecordKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/** The counts and checksums of each kind on both sides of a copy, and whether they agree. */
public record VerificationReport(List<Line> lines) {

    public VerificationReport {
        lines = List.copyOf(lines);
    }

    /** One kind on both sides. */
    public record Line(RecordKind kind, KindChecksum source, KindChecksum target) {
        /** Each kind's counts and checksums on two sides, side by side. */
    public static VerificationReport of(Map<RecordKind, KindChecksum> source, Map<RecordKind, KindChecksum> target) {
        List<Line> lines = new ArrayList<>();
        for (RecordKind kind : RecordKind.values()) {
            lines.add(new Line(kind, source.getOrDefault(kind, new KindChecksum()),
                    target.getOrDefault(kind, new KindChecksum())));
        }
        return new VerificationReport(lines);
    }

    public boolean agrees() {
            return source.sameAs(target);
        }
    }

    /** Each kind's counts and checksums on two sides, side by side. */
    public static VerificationReport of(Map<RecordKind, KindChecksum> source, Map<RecordKind, KindChecksum> target) {
        List<Line> lines = new ArrayList<>();
        for (RecordKind kind : RecordKind.values()) {
            lines.add(new Line(kind, source.getOrDefault(kind, new KindChecksum()),
                    target.getOrDefault(kind, new KindChecksum())));
        }
        return new VerificationReport(lines);
    }

    public boolean agrees() {
        return lines.stream().allMatch(Line::agrees);
    }

    /** A table, one kind per line, for the terminal. */
    public String table() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-16s %12s %12s  %-16s %s%n",
                "kind", "source", "target", "checksum", "result"));
        for (Line line : lines) {
            text.append(String.format(Locale.ROOT, "%-16s %12d %12d  %-16s %s%n", line.kind().wireName(),
                    line.source().count(), line.target().count(), line.source().hex().substring(0, 16),
                    line.agrees() ? "ok" : line.source().count() != line.target().count() ? "COUNT DIFFERS"
                            : "CHECKSUM DIFFERS (target " + line.target().hex().substring(0, 16) + ")"));
        }
        return text.toString();
    }
}
