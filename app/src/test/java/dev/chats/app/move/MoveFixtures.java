package dev.chats.app.move;

import dev.chats.app.support.TestStore;
import dev.chats.application.transfer.CanonicalJson;
import dev.chats.application.transfer.RecordCodec;
import dev.chats.application.transfer.TransferProgress;
import dev.chats.domain.transfer.DeploymentRecords;
import dev.chats.domain.transfer.DeploymentRecord;
import dev.chats.domain.transfer.RecordKey;
import dev.chats.domain.transfer.RecordKind;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Test helpers: stores as command-line targets, the command run in-process, and a store's whole content. */
final class MoveFixtures {

    private MoveFixtures() {
    }

    /** What one run of the command printed and returned. */
    record Run(int status, String out, String err) {
    }

    static Run run(Map<String, String> configured, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new MoveCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), TransferProgress.NONE, Map.of(),
                configured == null ? null : new java.util.LinkedHashMap<>(configured)).run(args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** {@code copy} options naming the place as the target. */
    static List<String> copyTo(TestStore.Place place) {
        Map<String, String> p = place.properties();
        List<String> args = new ArrayList<>(List.of("copy"));
        if ("mongo".equals(p.get("chats.persistence"))) {
            args.addAll(List.of("--to-mongodb-uri", p.get("mongodb.uri"), "--to-mongodb-database",
                    p.get("mongodb.database")));
            return args;
        }
        args.addAll(List.of("--to-url", p.get("datasources.default.url")));
        add(args, "--to-user", p.get("datasources.default.username"));
        add(args, "--to-password", p.get("datasources.default.password"));
        add(args, "--to-schema", p.get("datasources.default.schema"));
        return args;
    }

    private static void add(List<String> args, String name, String value) {
        if (value != null && !value.isEmpty()) {
            args.add(name);
            args.add(value);
        }
    }

    /** Opens the place's store as the server would (migrating an empty database). */
    static StoreSide open(TestStore.Place place) {
        return StoreSide.given(new java.util.LinkedHashMap<>(place.properties()), StoreSide.Role.TARGET);
    }

    /** Every record of the store as canonical JSON, per kind, by key. */
    static Map<RecordKind, Map<String, String>> content(DeploymentRecords store) {
        Map<RecordKind, Map<String, String>> content = new EnumMap<>(RecordKind.class);
        for (RecordKind kind : RecordKind.values()) {
            Map<String, String> records = new TreeMap<>();
            RecordKey after = null;
            for (List<RecordKey> keys = store.keysAfter(kind, null, 200); !keys.isEmpty();
                 keys = store.keysAfter(kind, after, 200)) {
                for (RecordKey key : keys) {
                    String previous = records.put(key.toString(), text(store.find(kind, key).orElseThrow()));
                    if (previous != null) {
                        throw new AssertionError("key listed twice: " + kind + " " + key);
                    }
                }
                after = keys.get(keys.size() - 1);
            }
            content.put(kind, records);
        }
        return content;
    }

    static Map<RecordKind, Map<String, String>> content(List<DeploymentRecord> records) {
        Map<RecordKind, Map<String, String>> content = new EnumMap<>(RecordKind.class);
        for (RecordKind kind : RecordKind.values()) {
            content.put(kind, new TreeMap<>());
        }
        records.forEach(record -> content.get(record.kind()).put(record.key().toString(), text(record)));
        return content;
    }

    static String text(DeploymentRecord record) {
        return CanonicalJson.toText(RecordCodec.toTree(record));
    }
}
