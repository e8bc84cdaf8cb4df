package dev.chats.domain.vapi;

import dev.chats.domain.user.UserId;

import java.util.Objects;
import java.util.Set;

/**
 * One page of one owner's sessions: filters (null: not applied; an empty set matches nothing), order by
 * {@code createdAt} then id, and the 1-based page of {@code limit} sessions.
 */
public record VapiSessionQuery(UserId owner, Set<VapiSessionId> ids, Set<String> assistantIds, String name,
                               TimeBounds createdAt, TimeBounds updatedAt, boolean ascending, int page, int limit) {

    public VapiSessionQuery {
        Objects.requireNonNull(owner, "owner");
        ids = ids == null ? null : Set.copyOf(ids);
        assistantIds = assistantIds == null ? null : Set.copyOf(assistantIds);
        createdAt = createdAt == null ? TimeBounds.NONE : createdAt;
        updatedAt = updatedAt == null ? TimeBounds.NONE : updatedAt;
        if (page < 1) {
            throw new IllegalArgumentException("page must be at least 1");
        }
        if (limit < 0 || limit > VapiChatQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 0.." + VapiChatQuery.MAX_LIMIT);
        }
    }

    public static VapiSessionQuery of(UserId owner) {
        return new VapiSessionQuery(owner, null, null, null, null, null, false, 1, VapiChatQuery.DEFAULT_LIMIT);
    }

    public long offset() {
        return (long) (page - 1) * limit;
    }

    public boolean matches(VapiSession session) {
        return session.ownerId().equals(owner)
                && (ids == null || ids.contains(session.id()))
                && (assistantIds == null || session.assistantId() != null && assistantIds.contains(session.assistantId()))
                && (name == null || name.equals(session.name()))
                && createdAt.contains(session.createdAt()) && updatedAt.contains(session.updatedAt());
    }

    public VapiSessionQuery withOwner(UserId newOwner) {
        return new VapiSessionQuery(newOwner, ids, assistantIds, name, createdAt, updatedAt, ascending, page, limit);
    }

    public VapiSessionQuery withPage(int newPage, int newLimit) {
        return new VapiSessionQuery(owner, ids, assistantIds, name, createdAt, updatedAt, ascending, newPage,
                newLimit);
    }
}
