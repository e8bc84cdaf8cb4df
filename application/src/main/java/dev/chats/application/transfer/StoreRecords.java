package dev.chats.application.transfer;

import dev.chats.domain.transfer.DeploymentRecords;
import dev.chats.domain.transfer.DeploymentRecord;
import dev.chats.domain.transfer.RecordKey;
import dev.chats.domain.transfer.RecordKind;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A store as a source and a target of records, through its {@link DeploymentRecords} port. */
public final class StoreRecords implements RecordSource, RecordTarget {

    private final DeploymentRecords store;

    public StoreRecords(DeploymentRecords store) {
        this.store = store;
    }

    @Override
    public Cursor open(RecordKind kind) {
        return new Cursor() {
            private RecordKey after;
            private boolean done;

            @Override
            public List<Pending> next(int max) {
                if (done) {
                    return List.of();
                }
                List<RecordKey> keys = store.keysAfter(kind, after, max);
                if (keys.isEmpty()) {
                    done = true;
                    return List.of();
                }
                after = keys.get(keys.size() - 1);
                return keys.stream().map(key -> (Pending) new Pending() {
                    @Override
                    public RecordKey key() {
                        return key;
                    }

                    @Override
                    public Optional<DeploymentRecord> load() {
                        return store.find(kind, key);
                    }
                }).toList();
            }
        };
    }

    @Override
    public long count(RecordKind kind) {
        return store.count(kind);
    }

    @Override
    public Set<RecordKey> existing(RecordKind kind, Collection<RecordKey> keys) {
        return store.existing(kind, keys);
    }

    @Override
    public void write(DeploymentRecord record) {
        store.write(record);
    }

    @Override
    public void writeAll(List<DeploymentRecord> records) {
        store.writeAll(records);
    }
}
