package dev.chats.domain.transfer;

import java.util.List;
import java.util.Objects;

/**
 * Names one record within its kind: the id alone, or the owner's id then the id for records keyed by owner (tags,
 * revoked tokens, Vapi records, share and folder grants).
 */
public record RecordKey(List<String> parts) {

    public RecordKey {
        parts = List.copyOf(Objects.requireNonNull(parts, "parts"));
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a record key has at least one part");
        }
    }

    public static RecordKey of(String... parts) {
        return new RecordKey(List.of(parts));
    }

    public String first() {
        return parts.get(0);
    }

    public String last() {
        return parts.get(parts.size() - 1);
    }

    @Override
    public String toString() {
        return String.join("/", parts);
    }
}
