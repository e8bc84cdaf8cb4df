package dev.chats.application.transfer;

import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatDocument;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.transfer.DeploymentRecord;
import dev.chats.domain.transfer.DeploymentRecord.ChatRecord;
import dev.chats.domain.transfer.DeploymentRecord.RevokedTokenRecord;
import dev.chats.domain.transfer.DeploymentRecord.TagRecord;
import dev.chats.domain.transfer.RecordKey;
import dev.chats.domain.transfer.RecordKind;
import dev.chats.domain.tag.Tag;
import dev.chats.domain.user.TokenId;
import dev.chats.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Copy, resume and verification over two in-memory sides. */
class DeploymentTransferTest {

    private final DeploymentTransfer transfer = new DeploymentTransfer(TransferProgress.NONE);

    @Test
    void givenAnEmptyTarget_copy_writesEveryRecordAndVerificationAgrees() {
        Side source = Side.of(records(1_234));
        Side target = new Side();

        CopySummary summary = transfer.copy(source, target, false);

        assertThat(summary.totalWritten()).isEqualTo(1_234 + 3);
        assertThat(summary.totalSkipped()).isZero();
        assertThat(target.records).isEqualTo(source.records);
        assertThat(transfer.verify(source, target).agrees()).isTrue();
    }

    @Test
    void copy_writesRecordsInGroupsOfOneKind_andAChatHeavierThanAGroupAlone() {
        List<DeploymentRecord> all = records(250);
        all.add(chat("c-1", "small"));
        all.add(chat("c-2", "x".repeat((int) DeploymentTransfer.GROUP_WEIGHT)));
        all.add(chat("c-3", "small"));
        Side target = new Side();

        transfer.copy(Side.of(all), target, false);

        assertThat(target.records).isEqualTo(Side.of(all).records);
        assertThat(target.groups).allSatisfy(group -> {
            assertThat(group).hasSizeLessThanOrEqualTo(DeploymentTransfer.GROUP);
            assertThat(group.stream().map(DeploymentRecord::kind).distinct()).hasSize(1);
        });
        assertThat(target.groups.stream().filter(group -> group.get(0).kind() == RecordKind.TAG)
                .map(List::size)).containsExactly(DeploymentTransfer.GROUP, DeploymentTransfer.GROUP, 50);
        // Listed in reverse: c-3 alone (c-2 would overflow its group), then c-2 alone, then c-1.
        assertThat(target.groups.stream().filter(group -> group.get(0).kind() == RecordKind.CHAT)
                .map(group -> group.stream().map(record -> record.key().first()).toList()))
                .containsExactly(List.of("c-3"), List.of("c-2"), List.of("c-1"));
    }

    @Test
    void afterACopy_verificationReadsBothSidesAtOnce_butAHeavyChatOnOneSideAtATime() {
        List<DeploymentRecord> all = records(30);
        all.add(chat("c-1", "small"));
        all.add(chat("c-2", "x".repeat((int) DeploymentTransfer.HEAVY + 1)));
        Side source = Side.of(all);
        Side target = new Side();
        transfer.copy(source, target, false);
        Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger holding = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger mostHolding = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch bothAtTheHeavyChat = new java.util.concurrent.CountDownLatch(2);
        java.util.function.Consumer<RecordKey> onLoad = key -> {
            threads.add(Thread.currentThread().getName());
            if (key.first().equals("c-2")) {
                mostHolding.accumulateAndGet(holding.incrementAndGet(), Math::max);
                bothAtTheHeavyChat.countDown();
                try {
                    // Without the one-at-a-time rule both sides meet here; with it this wait runs out.
                    bothAtTheHeavyChat.await(300, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                holding.decrementAndGet();
            }
        };
        source.onLoad = onLoad;
        target.onLoad = onLoad;

        assertThat(transfer.verify(source, target).agrees()).isTrue();

        assertThat(threads).hasSize(2);
        assertThat(mostHolding).hasValue(1);
    }

    @Test
    void givenATargetHoldingRecords_copyWithoutResume_isRefusedAndWritesNothing() {
        Side source = Side.of(records(10));
        Side target = Side.of(records(1));

        assertThatThrownBy(() -> transfer.copy(source, target, false))
                .isInstanceOf(TransferRefusedException.class).hasMessageContaining("--resume");
        assertThat(target.writes).isZero();
    }

    @Test
    void givenAPartialCopy_resume_skipsWhatTheTargetHoldsAndWritesTheRest() {
        List<DeploymentRecord> all = records(1_100);
        Side source = Side.of(all);
        Side target = Side.of(all.subList(0, 700));

        CopySummary summary = transfer.copy(source, target, true);

        assertThat(summary.totalSkipped()).isEqualTo(700);
        assertThat(summary.totalWritten()).isEqualTo(all.size() - 700);
        assertThat(target.records).isEqualTo(source.records);
        assertThat(transfer.verify(source, target).agrees()).isTrue();
    }

    @Test
    void givenOneChangedRecord_verify_reportsThatKindWithEqualCounts() {
        List<DeploymentRecord> all = records(20);
        Side source = Side.of(all);
        List<DeploymentRecord> changed = new ArrayList<>(all);
        changed.set(0, new TagRecord(new Tag("tag-0000", new UserId("u-1"), "Tag 0 changed", null)));
        Side target = Side.of(changed);

        VerificationReport report = transfer.verify(source, target);

        assertThat(report.agrees()).isFalse();
        VerificationReport.Line tags = report.lines().stream().filter(l -> l.kind() == RecordKind.TAG).findFirst()
                .orElseThrow();
        assertThat(tags.agrees()).isFalse();
        assertThat(tags.source().count()).isEqualTo(tags.target().count());
        assertThat(report.table()).contains("CHECKSUM DIFFERS");
        assertThat(report.lines().stream().filter(l -> l.kind() != RecordKind.TAG))
                .allMatch(VerificationReport.Line::agrees);
    }

    @Test
    void givenAMissingRecord_verify_reportsTheCount() {
        List<DeploymentRecord> all = records(5);
        VerificationReport report = transfer.verify(Side.of(all), Side.of(all.subList(1, all.size())));
        assertThat(report.agrees()).isFalse();
        assertThat(report.table()).contains("COUNT DIFFERS");
    }

    private static DeploymentRecord chat(String id, String content) {
        Map<String, Object> message = new LinkedHashMap<>(Map.of("id", "m", "content", content));
        Map<String, Object> history = new LinkedHashMap<>(Map.of("currentId", "m", "messages", Map.of("m", message)));
        return new ChatRecord(Chat.restore(new ChatId(id), new UserId("u-1"),
                ChatDocument.fromClient(new LinkedHashMap<>(Map.of("title", id, "history", history))), 1L, 2L, null,
                false, false, Map.of(), null, 1));
    }

    private static List<DeploymentRecord> records(int tags) {
        List<DeploymentRecord> records = new ArrayList<>();
        for (int i = 0; i < tags; i++) {
            records.add(new TagRecord(new Tag(String.format("tag-%04d", i), new UserId("u-" + (i % 3)), "Tag " + i,
                    i % 2 == 0 ? null : Map.of("n", i))));
        }
        for (int i = 0; i < 3; i++) {
            records.add(new RevokedTokenRecord(new UserId("u-" + i), new TokenId("jti-" + i), 2_000_000_000L + i));
        }
        return records;
    }

    /** A side held in memory, listing keys in an order of its own (reversed), as a store may. */
    private static final class Side implements RecordSource, RecordTarget {
        final Map<RecordKind, Map<RecordKey, DeploymentRecord>> records = new EnumMap<>(RecordKind.class);
        int writes;
        java.util.function.Consumer<RecordKey> onLoad = key -> {
        };
        final List<List<DeploymentRecord>> groups = new ArrayList<>();

        Side() {
            for (RecordKind kind : RecordKind.values()) {
                records.put(kind, new LinkedHashMap<>());
            }
        }

        static Side of(List<DeploymentRecord> records) {
            Side side = new Side();
            records.forEach(record -> side.records.get(record.kind()).put(record.key(), record));
            return side;
        }

        @Override
        public Cursor open(RecordKind kind) {
            List<RecordKey> keys = records.get(kind).keySet().stream()
                    .sorted(Comparator.comparing(RecordKey::toString).reversed()).collect(Collectors.toList());
            return max -> {
                List<Pending> batch = new ArrayList<>();
                while (!keys.isEmpty() && batch.size() < max) {
                    RecordKey key = keys.remove(0);
                    batch.add(new Pending() {
                        public RecordKey key() {
                            return key;
                        }

                        public Optional<DeploymentRecord> load() {
                            onLoad.accept(key);
                            return Optional.ofNullable(records.get(kind).get(key));
                        }
                    });
                }
                return batch;
            };
        }

        @Override
        public long count(RecordKind kind) {
            return records.get(kind).size();
        }

        @Override
        public Set<RecordKey> existing(RecordKind kind, Collection<RecordKey> keys) {
            return keys.stream().filter(records.get(kind)::containsKey).collect(Collectors.toSet());
        }

        @Override
        public void write(DeploymentRecord record) {
            if (records.get(record.kind()).putIfAbsent(record.key(), record) != null) {
                throw new IllegalStateException("duplicate " + record.key());
            }
            writes++;
        }

        @Override
        public void writeAll(List<DeploymentRecord> group) {
            groups.add(group);
            group.forEach(this::write);
        }
    }
}
