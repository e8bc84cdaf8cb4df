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
    private static final Duration LOAD = Duration.ofMillis(2500);

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
                            .as("writes acknowledged in cycle %d before the kill", cycle).isGreaterThan(20);
                    server.start();
                    load.assertAllPresent(server.base(), token, acknowledged);
                }
            }
        }
    }

    private void writeUntilKilled(ServerProcess server, String token, WriteLoad.Acknowledged acknowledged, int cycle)
            throws InterruptedException {
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            String writer = "c" + cycle + "w" + w;
            writers.submit(() -> load.write(server.base(), token, writer, acknowledged, killed));
        }
        Thread.sleep(LOAD.toMillis());
        server.kill();
        killed.set(true);
        writers.shutdown();
        assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
}
