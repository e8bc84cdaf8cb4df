package dev.chats.app.move;

/**
 * The backup file format: gzip-compressed UTF-8 text, one JSON object per line. The first line names the format and
 * its version, then one line per record ({@code {"kind": …, "record": {…}}}, kinds in copy order), and last an end
 * line with each kind's count and checksum — a file without it was cut short.
 */
final class BackupFormat {

    static final String FORMAT = "chats-backup";
    /** Bumped when a reader of an earlier version could not read the records right. */
    static final int VERSION = 1;
    static final String KIND = "kind";
    static final String RECORD = "record";
    static final String END = "end";
    static final String COUNTS = "counts";
    static final String CHECKSUMS = "checksums";

    private BackupFormat() {
    }
}
