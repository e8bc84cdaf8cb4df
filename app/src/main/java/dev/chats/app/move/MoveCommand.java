package dev.chats.app.move;

import dev.chats.application.transfer.CopySummary;
import dev.chats.application.transfer.DeploymentTransfer;
import dev.chats.application.transfer.KindChecksum;
import dev.chats.application.transfer.StoreRecords;
import dev.chats.application.transfer.TransferProgress;
import dev.chats.application.transfer.TransferRefusedException;
import dev.chats.application.transfer.VerificationReport;
import dev.chats.domain.transfer.RecordKind;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code copy}, {@code backup} and {@code restore} commands of the server jar: a whole deployment from the
 * configured store to another store, to a backup file, or from a backup file into the configured store; then both
 * sides are read again and compared kind by kind. Exit status 0 when they agree, 1 when they differ, 2 when the
 * command was refused or failed (the reason in one line on stderr).
 */
public final class MoveCommand {

    /** The environment of the command's contexts; beans that would write to a store on their own stay out of it. */
    public static final String ENVIRONMENT = "move";

    static final Set<String> COMMANDS = Set.of("copy", "backup", "restore");
    static final int AGREED = 0;
    static final int DIFFERS = 1;
    static final int REFUSED = 2;

    private static final String USAGE = """
            usage: java -jar chats-server.jar copy --to-url <jdbc url> [--to-user <user>] [--to-password <password>]
                                                  [--to-schema <schema>] [--resume]
                   java -jar chats-server.jar copy --to-mongodb-uri <uri> [--to-mongodb-database <name>] [--resume]
                   java -jar chats-server.jar backup --file <backup.chats.gz>
                   java -jar chats-server.jar restore --file <backup.chats.gz> [--resume]
            The source of copy and backup, and the target of restore, is the store the server is configured with
            (CHATS_PERSISTENCE, DATASOURCES_DEFAULT_URL …, MONGODB_URI). --to-password may come from
            CHATS_COPY_TO_PASSWORD instead. Stop every server writing to the source first.""";

    private final PrintStream out;
    private final PrintStream err;
    private final TransferProgress progress;
    private final Map<String, String> environment;
    /** The configured store's settings; null: read from the configuration, as the server does. */
    private final Map<String, Object> configured;

    MoveCommand(PrintStream out, PrintStream err, TransferProgress progress, Map<String, String> environment,
                Map<String, Object> configured) {
        this.out = out;
        this.err = err;
        this.progress = progress;
        this.environment = environment;
        this.configured = configured;
    }

    /** Whether the first argument names one of these commands, rather than starting the server. */
    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Runs the command the arguments name; the exit status. */
    public static int main(String[] args) {
        boolean console = System.console() != null;
        return new MoveCommand(System.out, System.err,
                new TerminalProgress(System.err, console, System::nanoTime), System.getenv(), null).run(args);
    }

    int run(String[] args) {
        try {
            Options options = Options.parse(args);
            return switch (options.command()) {
                case "copy" -> copy(options);
                case "backup" -> backup(options);
                default -> restore(options);
            };
        } catch (TransferRefusedException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            if (e instanceof IllegalArgumentException) {
                err.println(USAGE);
            }
            return REFUSED;
        } catch (RuntimeException e) {
            // A store lost or a disk full part-way: one line, and the status of a command that did not finish.
            String message = String.valueOf(e.getMessage());
            err.println("error: " + e.getClass().getSimpleName() + ": "
                    + (message.contains("\n") ? message.substring(0, message.indexOf('\n')) : message));
            return REFUSED;
        }
    }

    private int copy(Options options) {
        Map<String, Object> target = targetSettings(options);
        DeploymentTransfer transfer = new DeploymentTransfer(progress);
        try (StoreSide from = StoreSide.configured(StoreSide.Role.SOURCE, configured);
             StoreSide to = StoreSide.given(target, StoreSide.Role.TARGET)) {
            out.println("copying " + from.description() + " -> " + to.description());
            StoreRecords source = new StoreRecords(from.records());
            StoreRecords sink = new StoreRecords(to.records());
            CopySummary summary = transfer.copy(source, sink, options.has("--resume"));
            return report(summary, transfer.verify(source, sink));
        }
    }

    private int backup(Options options) {
        Path file = Path.of(options.required("--file"));
        BackupFileWriter.requireAbsent(file);
        DeploymentTransfer transfer = new DeploymentTransfer(progress);
        try (StoreSide from = StoreSide.configured(StoreSide.Role.SOURCE, configured);
             BackupFileWriter writer = new BackupFileWriter(file)) {
            out.println("backing up " + from.description() + " -> " + file);
            StoreRecords source = new StoreRecords(from.records());
            CopySummary summary = transfer.copy(source, writer, false);
            writer.finish();
            Map<RecordKind, KindChecksum> inFile = BackupFileReader.check(file, progress);
            return report(summary, VerificationReport.of(transfer.checksums("verify source", source), inFile));
        }
    }

    private int restore(Options options) {
        Path file = Path.of(options.required("--file"));
        DeploymentTransfer transfer = new DeploymentTransfer(progress);
        Map<RecordKind, KindChecksum> inFile = BackupFileReader.check(file, progress);
        try (StoreSide to = StoreSide.configured(StoreSide.Role.TARGET, configured);
             BackupFileReader reader = BackupFileReader.open(file, inFile)) {
            out.println("restoring " + file + " -> " + to.description());
            StoreRecords sink = new StoreRecords(to.records());
            CopySummary summary = transfer.copy(reader, sink, options.has("--resume"));
            return report(summary, VerificationReport.of(inFile, transfer.checksums("verify target", sink)));
        }
    }

    private int report(CopySummary summary, VerificationReport verification) {
        out.printf(Locale.ROOT, "%-16s %12s %12s%n", "kind", "written", "skipped");
        for (RecordKind kind : RecordKind.values()) {
            out.printf(Locale.ROOT, "%-16s %12d %12d%n", kind.wireName(), summary.written().get(kind),
                    summary.skipped().get(kind));
        }
        out.println();
        out.print(verification.table());
        long records = verification.lines().stream().mapToLong(line -> line.source().count()).sum();
        if (verification.agrees()) {
            out.printf(Locale.ROOT, "verified: both sides hold the same %,d records%n", records);
            return AGREED;
        }
        out.println("VERIFICATION FAILED: the sides differ in the kinds marked above");
        return DIFFERS;
    }

    private Map<String, Object> targetSettings(Options options) {
        Map<String, Object> settings = new LinkedHashMap<>();
        String uri = options.optional("--to-mongodb-uri");
        String url = options.optional("--to-url");
        String persistence = options.optional("--to-persistence");
        if (persistence == null) {
            persistence = uri != null ? "mongo" : "jdbc";
        }
        if (!List.of("jdbc", "mongo").contains(persistence)) {
            throw new IllegalArgumentException("--to-persistence must be jdbc or mongo");
        }
        settings.put("chats.persistence", persistence);
        if (persistence.equals("mongo")) {
            if (uri == null) {
                throw new IllegalArgumentException("copy to MongoDB needs --to-mongodb-uri");
            }
            settings.put("mongodb.uri", uri);
            settings.put("mongodb.database", options.optionalOr("--to-mongodb-database", "chats"));
        } else {
            if (url == null) {
                throw new IllegalArgumentException("copy needs a target: --to-url or --to-mongodb-uri");
            }
            settings.put("datasources.default.url", url);
            settings.put("datasources.default.username", options.optionalOr("--to-user", ""));
            settings.put("datasources.default.password", options.optionalOr("--to-password",
                    environment.getOrDefault("CHATS_COPY_TO_PASSWORD", "")));
            settings.put("datasources.default.schema", options.optionalOr("--to-schema", ""));
        }
        return settings;
    }

    /** The command and its options: {@code --name value} pairs and the {@code --resume} flag. */
    record Options(String command, Map<String, String> values) {

        private static final Set<String> FLAGS = Set.of("--resume");
        private static final Set<String> VALUED = Set.of("--file", "--to-persistence", "--to-url", "--to-user",
                "--to-password", "--to-schema", "--to-mongodb-uri", "--to-mongodb-database");

        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 1; i < args.length; i++) {
                String name = args[i];
                if (FLAGS.contains(name)) {
                    values.put(name, "true");
                } else if (VALUED.contains(name) && i + 1 < args.length) {
                    values.put(name, args[++i]);
                } else {
                    throw new IllegalArgumentException(VALUED.contains(name) ? name + " needs a value"
                            : "unknown option " + name);
                }
            }
            if (args[0].equals("backup") && values.containsKey("--resume")) {
                throw new IllegalArgumentException("a backup cannot resume: write a new file");
            }
            return new Options(args[0], values);
        }

        boolean has(String flag) {
            return values.containsKey(flag);
        }

        String optional(String name) {
            return values.get(name);
        }

        String optionalOr(String name, String otherwise) {
            return values.getOrDefault(name, otherwise);
        }

        String required(String name) {
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException(command + " needs " + name);
            }
            return value;
        }
    }
}
