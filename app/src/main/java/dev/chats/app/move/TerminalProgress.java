package dev.chats.app.move;

import dev.chats.application.transfer.TransferProgress;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Shows a phase's progress on stderr: records done (of how many), the rate and the time left. On a terminal one
 * line is rewritten in place a few times a second; otherwise a line is printed every few seconds.
 */
final class TerminalProgress implements TransferProgress {

    private final PrintStream out;
    private final boolean console;
    private final LongSupplier nanos;
    private String phase;
    private long total;
    private long started;
    private long lastShown;
    private long done;

    TerminalProgress(PrintStream out, boolean console, LongSupplier nanos) {
        this.out = out;
        this.console = console;
        this.nanos = nanos;
    }

    @Override
    public void started(String phase, long total) {
        this.phase = phase;
        this.total = total;
        this.done = 0;
        this.started = nanos.getAsLong();
        this.lastShown = started;
    }

    @Override
    public void advanced(long done) {
        this.done = done;
        long now = nanos.getAsLong();
        if (now - lastShown >= (console ? 250_000_000L : 5_000_000_000L)) {
            lastShown = now;
            show(now, false);
        }
    }

    @Override
    public void finished() {
        show(nanos.getAsLong(), true);
    }

    private void show(long now, boolean last) {
        String line = line(now);
        if (console) {
            out.print("\r" + line + "\033[K" + (last ? "\n" : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }

    String line(long now) {
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        double rate = done / seconds;
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s: %,d", phase, done));
        if (total >= 0) {
            text.append(String.format(Locale.ROOT, " / %,d records (%d%%)", total,
                    total == 0 ? 100 : Math.min(100, done * 100 / total)));
        } else {
            text.append(" records");
        }
        text.append(String.format(Locale.ROOT, ", %,.0f records/s", rate));
        if (total > done && rate > 0) {
            text.append(", ETA ").append(duration((long) ((total - done) / rate)));
        } else if (total >= 0 && done >= total) {
            text.append(String.format(Locale.ROOT, ", took %.1f s", seconds));
        }
        return text.toString();
    }

    private static String duration(long seconds) {
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
