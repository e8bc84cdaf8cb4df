package dev.chats.app.move;

import dev.chats.app.support.TestStore;
import dev.chats.application.transfer.DeploymentTransfer;
import dev.chats.application.transfer.RecordTarget;
import dev.chats.application.transfer.StoreRecords;
import dev.chats.application.transfer.TransferProgress;
import dev.chats.domain.transfer.DeploymentRecord;
import dev.chats.domain.transfer.RecordKey;
import dev.chats.domain.transfer.RecordKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A copy that stopped part-way is refused as a non-empty target, and resumed with {@code --resume} without a
 * duplicate; a target that cannot be reached or whose schema is newer is refused in one line before anything is
 * written.
 */
class ResumeAndRefusalTest {

    private final List<TestStore.Place> places = new ArrayList<>();
    private TestStore.Place source;

    @BeforeEach
    void loadSource() {
        source = place(TestStore.H2);
        try (StoreSide side = MoveFixtures.open(source)) {
            DeploymentFixture.load(side.records());
        }
    }

    @AfterEach
    void dropPlaces() {
        places.forEach(TestStore.Place::close);
    }

    @ParameterizedTest
    @EnumSource(value = TestStore.class, names = {"H2", "MONGODB"})
    void anInterruptedCopyIsRefusedThenResumedWithoutDuplicates(TestStore store) {
        TestStore.Place target = place(store);
        try (StoreSide from = MoveFixtures.open(source); StoreSide to = MoveFixtures.open(target)) {
            StoreRecords sink = new StoreRecords(to.records());
            assertThatThrownBy(() -> new DeploymentTransfer(TransferProgress.NONE)
                    .copy(new StoreRecords(from.records()), new FailingAfter(sink, 300), false))
                    .hasMessageContaining("interrupted");
            assertThat(to.records().count(RecordKind.CHAT)).isBetween(1L, 299L);
        }
        long chatsBefore;
        try (StoreSide to = MoveFixtures.open(target)) {
            chatsBefore = to.records().count(RecordKind.CHAT);
        }

        MoveFixtures.Run refused = MoveFixtures.run(source.properties(),
                MoveFixtures.copyTo(target).toArray(String[]::new));
        assertThat(refused.status()).isEqualTo(MoveCommand.REFUSED);
        assertThat(refused.err()).startsWith("error: the target is not empty").contains("--resume")
                .hasLineCount(1);
        try (StoreSide to = MoveFixtures.open(target)) {
            assertThat(to.records().count(RecordKind.CHAT)).isEqualTo(chatsBefore);
        }

        List<String> resume = new ArrayList<>(MoveFixtures.copyTo(target));
        resume.add("--resume");
        MoveFixtures.Run resumed = MoveFixtures.run(source.properties(), resume.toArray(String[]::new));
        assertThat(resumed.status()).as(resumed.out() + resumed.err()).isEqualTo(MoveCommand.AGREED);
        assertThat(resumed.out()).containsPattern("chat +\\d+ +" + chatsBefore + "\n")
                .contains("verified: both sides hold the same");
        try (StoreSide from = MoveFixtures.open(source); StoreSide to = MoveFixtures.open(target)) {
            assertThat(MoveFixtures.content(to.records())).isEqualTo(MoveFixtures.content(from.records()));
        }
    }

    @Test
    void anUnreachableTargetIsRefusedInOneLine() {
        MoveFixtures.Run run = MoveFixtures.run(source.properties(), "copy", "--to-url",
                "jdbc:postgresql://127.0.0.1:1/chats", "--to-user", "chats", "--to-password", "s3cret");
        assertThat(run.status()).isEqualTo(MoveCommand.REFUSED);
        assertThat(run.err()).startsWith("error: the target is unreachable: cannot connect to"
                + " jdbc:postgresql://127.0.0.1:1/chats").hasLineCount(1).doesNotContain("s3cret");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void wrongCredentialsAreRefusedInOneLine() {
        TestStore.Place postgres = place(TestStore.POSTGRESQL);
        List<String> args = new ArrayList<>(List.of("copy", "--to-url", postgres.properties()
                .get("datasources.default.url"), "--to-user", "nobody_here", "--to-password", "wrong"));
        MoveFixtures.Run run = MoveFixtures.run(source.properties(), args.toArray(String[]::new));
        assertThat(run.status()).isEqualTo(MoveCommand.REFUSED);
        assertThat(run.err()).startsWith("error: the target is unreachable:").contains("nobody_here")
                .hasLineCount(1);
    }

    @Test
    void aTargetWithANewerSchemaIsRefusedAndLeftAlone() throws Exception {
        TestStore.Place target = place(TestStore.H2);
        try (StoreSide ignored = MoveFixtures.open(target);
             var connection = java.sql.DriverManager.getConnection(target.properties()
                     .get("datasources.default.url"), "", "");
             var statement = connection.createStatement()) {
            statement.execute("INSERT INTO chats_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, installed_on, execution_time, success) VALUES (999, '999', 'future',"
                    + " 'SQL', 'V999__future.sql', 0, 'test', CURRENT_TIMESTAMP, 0, TRUE)");
        }
        MoveFixtures.Run run = MoveFixtures.run(source.properties(), MoveFixtures.copyTo(target)
                .toArray(String[]::new));
        assertThat(run.status()).isEqualTo(MoveCommand.REFUSED);
        assertThat(run.err()).startsWith("error: the target").contains("has a newer schema (schema version 999")
                .hasLineCount(1);
    }

    @Test
    void aMongoDbTargetOfANewerBuildIsRefusedAndLeftAlone() {
        TestStore.Place target = place(TestStore.MONGODB);
        try (var client = com.mongodb.client.MongoClients.create(target.properties().get("mongodb.uri"))) {
            client.getDatabase(target.properties().get("mongodb.database")).getCollection("chats_layout")
                    .insertOne(new org.bson.Document("_id", "layout").append("version", 99));
        }
        MoveFixtures.Run run = MoveFixtures.run(source.properties(), MoveFixtures.copyTo(target)
                .toArray(String[]::new));
        assertThat(run.status()).isEqualTo(MoveCommand.REFUSED);
        assertThat(run.err()).startsWith("error: the target").contains("has a newer layout (layout version 99")
                .hasLineCount(1);
        try (var client = com.mongodb.client.MongoClients.create(target.properties().get("mongodb.uri"))) {
            assertThat(client.getDatabase(target.properties().get("mongodb.database")).listCollectionNames()
                    .into(new ArrayList<>())).as("nothing written to the target").containsExactly("chats_layout");
        }
    }

    @Test
    void aMongoDbSourceOfAnOlderBuildIsRefusedAndNotUpgraded() {
        TestStore.Place older = place(TestStore.MONGODB);
        TestStore.Place target = place(TestStore.H2);
        try (var client = com.mongodb.client.MongoClients.create(older.properties().get("mongodb.uri"))) {
            client.getDatabase(older.properties().get("mongodb.database")).getCollection("users")
                    .insertOne(new org.bson.Document("_id", "u-1").append("email", "old@example.com"));
        }
        MoveFixtures.Run run = MoveFixtures.run(older.properties(), MoveFixtures.copyTo(target)
                .toArray(String[]::new));
        assertThat(run.status()).isEqualTo(MoveCommand.REFUSED);
        assertThat(run.err()).startsWith("error: the source").contains("has an older layout (layout version 0")
                .hasLineCount(1);
        try (var client = com.mongodb.client.MongoClients.create(older.properties().get("mongodb.uri"))) {
            assertThat(client.getDatabase(older.properties().get("mongodb.database")).listCollectionNames()
                    .into(new ArrayList<>())).as("the source is only read").containsExactly("users");
        }
    }

    @Test
    void aSourceWithoutTheSchemaIsRefused() {
        TestStore.Place empty = place(TestStore.H2);
        TestStore.Place target = place(TestStore.H2);
        MoveFixtures.Run run = MoveFixtures.run(empty.properties(), MoveFixtures.copyTo(target)
                .toArray(String[]::new));
        assertThat(run.status()).isEqualTo(MoveCommand.REFUSED);
        assertThat(run.err()).contains("holds no chats schema").hasLineCount(1);
    }

    private TestStore.Place place(TestStore store) {
        TestStore.Place place = store.open();
        places.add(place);
        return place;
    }

    /** A target whose process dies after some writes: the copy stops there. */
    private record FailingAfter(RecordTarget target, int writes, int[] done) implements RecordTarget {

        FailingAfter(RecordTarget target, int writes) {
            this(target, writes, new int[1]);
        }

        @Override
        public Set<RecordKey> existing(RecordKind kind, Collection<RecordKey> keys) {
            return target.existing(kind, keys);
        }

        @Override
        public long count(RecordKind kind) {
            return target.count(kind);
        }

        @Override
        public void write(DeploymentRecord record) {
            if (++done[0] > writes) {
                throw new IllegalStateException("interrupted");
            }
            target.write(record);
        }
    }
}
