package dev.chats.app.crash;

import dev.chats.app.support.TestStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Durability as a crashing host tests it: the server runs as a process of its own, concurrent writers create
 * chats, write messages, merge titles, tag chats and create folders, and the process is killed with SIGKILL in
 * the middle of it, twice. After each restart every write that was answered 2xx before the kill must be there,
 * and every chat of the user must be readable at once. H2 always runs (a file database, the default store);
 * PostgreSQL and MariaDB when {@code CHATS_TEST_POSTGRES_URL} / {@code CHATS_TEST_MARIADB_URL} are set; MongoDB
 * on {@code CHATS_TEST_MONGO_URI}, else on the in-process server, which lives in the test's JVM and so outlives
 * the killed server: there the test proves that chats whose writer died mid-write are readable and writable right
 * after the restart, not that MongoDB's own storage is durable.
 */
class CrashDurabilityTest {

    private static final int WRITERS = 6;
    /** The kill comes at least this long into the load, so it lands among writes of every kind ... */
    private static final Duration LOAD = Duration.ofMillis(2500);
    /** ... and not before this many writes were acknowledged, however slow a loaded machine makes them. */
    private static final int WRITES_BEFORE_KILL = 40;
    private static final Duration LOAD_LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    private final WriteLoad load = new WriteLoad();

    @ParameterizedTest
    @EnumSource(TestStore.class)
    void everyWriteAnswered2xxBeforeSigkill_isThereAfterRestart(TestStore store) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("CHATS_DATA_DIR", dataDir.toString());
        env.put("CHATS_JWT_SECRET", "crash-test-secret-" + UUID.randomUUID());
        Path log = ServerProcess.logFile("crash-" + store.name().toLowerCase()).toPath();
        try (TestStore.Place place = store.open()) {
            if (store != TestStore.H2) {
                // H2 runs on its default: a file in the data directory, as a first start does.
                env.putAll(place.environment());
            }
            try (ServerProcess server = new ServerProcess(env, log)) {
                server.start();
                String token = load.signUp(server.base());
                WriteLoad.Acknowledged acknowledged = new WriteLoad.Acknowledged();
                for (int cycle = 1; cycle <= 2; cycle++) {
                    int before = acknowledged.count();
                    writeUntilKilled(server, token, acknowledged, cycle);
                    assertThat(acknowledged.count() - before)
                            .as("writes acknowledged in cycle %d before the kill", cycle)
                            .isGreaterThanOrEqualTo(WRITES_BEFORE_KILL);
                    server.start();
                    try {
                        load.assertAllPresent(server.base(), token, acknowledged);
                    } catch (AssertionError | RuntimeException e) {
                        // CI keeps only the test's output: what the restarted server logged is the diagnosis.
                        throw new AssertionError(store + ", cycle " + cycle + ": " + e.getMessage()
                                + "\nthe server's log (" + log + ") ends with:\n" + ServerProcess.tail(log, 80), e);
                    }
                }
            }
        }
    }

    private void writeUntilKilled(ServerProcess server, String token, WriteLoad.Acknowledged acknowledged, int cycle)
            throws InterruptedException {
        int before = acknowledged.count();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            String writer = "c" + cycle + "w" + w;
            writers.submit(() -> load.write(server.base(), token, writer, acknowledged, killed));
        }
        long start = System.nanoTime();
        while (System.nanoTime() - start < LOAD_LIMIT.toNanos()
                && (System.nanoTime() - start < LOAD.toNanos() || acknowledged.count() - before < WRITES_BEFORE_KILL)) {
            Thread.sleep(20);
        }
        server.kill();
        killed.set(true);
        writers.shutdown();
        assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
}
