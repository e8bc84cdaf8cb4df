package dev.chats.app.move;

import dev.chats.app.support.TestStore;
import dev.chats.domain.transfer.DeploymentRecord;
import dev.chats.domain.transfer.RecordKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole round trip H2 → PostgreSQL → MariaDB → MongoDB → backup file → H2 with the {@code copy}, {@code backup}
 * and {@code restore} commands, a chat of 36 MB among the records: every record of every kind reads back the same at
 * the end as at the start, and what a client reads through the API (the server started on the first and on the last
 * store) is byte for byte the same. PostgreSQL and MariaDB take part when their test servers are configured (as
 * {@code .ci/run} does); H2, MongoDB (in-process) and the file always do.
 */
class DeploymentMoveTest {

    @TempDir
    Path directory;

    @Test
    void aDeploymentCopiedThroughEveryStoreAndAFileReadsBackUnchanged() {
        List<TestStore.Place> places = new ArrayList<>();
        try {
            TestStore.Place first = TestStore.H2.open();
            places.add(first);
            for (TestStore store : List.of(TestStore.POSTGRESQL, TestStore.MARIADB)) {
                try {
                    places.add(store.open());
                } catch (TestAbortedException skipped) {
                    System.err.println("round trip without " + store + ": " + skipped.getMessage());
                }
            }
            TestStore.Place mongo = TestStore.MONGODB.open();
            places.add(mongo);
            TestStore.Place last = TestStore.H2.open();
            places.add(last);

            Map<RecordKind, Map<String, String>> start;
            try (StoreSide source = MoveFixtures.open(first)) {
                DeploymentFixture.load(source.records());
                source.records().write(DeploymentFixture.hugeChat());
                start = MoveFixtures.content(source.records());
            }
            List<DeploymentRecord> fixture = new ArrayList<>(DeploymentFixture.records());
            fixture.add(DeploymentFixture.hugeChat());
            assertThat(start).isEqualTo(MoveFixtures.content(fixture));
            assertThat(start.get(RecordKind.CHAT).get("c-huge")).as("the 36 MB chat's canonical JSON")
                    .hasSizeGreaterThan(36_000_000);
            assertThat(start.get(RecordKind.CHAT)).hasSize(DeploymentFixture.SMALL_CHATS + 6);
            Map<String, String> answersAtStart = ApiAnswers.of(first);
            assertThat(answersAtStart).hasSizeGreaterThan(DeploymentFixture.SMALL_CHATS / 2);
            assertThat(ApiAnswers.notOk(answersAtStart)).as("what the fixture's admin reads at the start").isEmpty();

            for (int i = 0; i + 1 < places.size() - 1; i++) {
                MoveFixtures.Run copy = MoveFixtures.run(places.get(i).properties(),
                        MoveFixtures.copyTo(places.get(i + 1)).toArray(String[]::new));
                assertThat(copy.status()).as(copy.out() + copy.err()).isZero();
                assertThat(copy.out()).contains("verified: both sides hold the same");
            }
            Path file = directory.resolve("deployment.chats.gz");
            MoveFixtures.Run backup = MoveFixtures.run(mongo.properties(), "backup", "--file", file.toString());
            assertThat(backup.status()).as(backup.out() + backup.err()).isZero();
            MoveFixtures.Run restore = MoveFixtures.run(last.properties(), "restore", "--file", file.toString());
            assertThat(restore.status()).as(restore.out() + restore.err()).isZero();
            assertThat(restore.out()).contains("verified: both sides hold the same");

            try (StoreSide end = MoveFixtures.open(last)) {
                assertThat(MoveFixtures.content(end.records())).isEqualTo(start);
            }
            assertThat(ApiAnswers.differences(answersAtStart, ApiAnswers.of(last)))
                    .as("answers that differ at the end from the start").isEmpty();
        } finally {
            places.forEach(TestStore.Place::close);
        }
    }
}
