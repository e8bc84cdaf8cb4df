package dev.chats.domain.vapi;

import dev.chats.domain.user.UserId;

import java.util.Objects;
import java.util.Set;

/**
 * One page of one owner's chats: the filters (a null filter does not apply; an empty id set matches nothing),
 * the order — {@code createdAt}, ties broken by id, ascending or descending — and the page (1-based) of
 * {@code limit} chats ({@code 0} asks for the count alone). With a cursor ({@code after}) the page is the
 * {@code limit} chats that follow it in that order, whatever {@code page} says; the total still counts every match.
 */
public record VapiChatQuery(UserId owner, Set<VapiChatId> ids, Set<String> assistantIds, String sessionId,
                            VapiChatId previousChatId, TimeBounds createdAt, TimeBounds updatedAt, boolean ascending,
                            int page, int limit, VapiChatCursor after) {

    public static final int MAX_LIMIT = 1000;
    public static final int DEFAULT_LIMIT = 100;

    public VapiChatQuery {
        Objects.requireNonNull(owner, "owner");
        ids = ids == null ? null : Set.copyOf(ids);
        assistantIds = assistantIds == null ? null : Set.copyOf(assistantIds);
        createdAt = createdAt == null ? TimeBounds.NONE : createdAt;
        updatedAt = updatedAt == null ? TimeBounds.NONE : updatedAt;
        if (page < 1) {
            throw new IllegalArgumentException("page must be at least 1");
        }
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 0.." + MAX_LIMIT);
        }
    }

    /** Without a cursor. */
    public VapiChatQuery(UserId owner, Set<VapiChatId> ids, Set<String> assistantIds, String sessionId,
                         VapiChatId previousChatId, TimeBounds createdAt, TimeBounds updatedAt, boolean ascending,
                         int page, int limit) {
        this(owner, ids, assistantIds, sessionId, previousChatId, createdAt, updatedAt, ascending, page, limit, null);
    }

    /** The owner's chats, newest first, the first page of the default size. */
    public static VapiChatQuery of(UserId owner) {
        return new VapiChatQuery(owner, null, null, null, null, null, null, false, 1, DEFAULT_LIMIT);
    }

    /** How many matching chats (past the cursor, if any) come before this page. */
    public long offset() {
        return after != null ? 0 : (long) (page - 1) * limit;
    }

    public VapiChatQuery after(VapiChatCursor cursor) {
        return new VapiChatQuery(owner, ids, assistantIds, sessionId, previousChatId, createdAt, updatedAt, ascending,
                page, limit, cursor);
    }

    /** Whether a chat of the owner's passes every filter (the in-memory reading of the query; not the cursor). */
    public boolean matches(VapiChat chat) {
        return chat.ownerId().equals(owner)
                && (ids == null || ids.contains(chat.id()))
                && (assistantIds == null || chat.assistantId() != null && assistantIds.contains(chat.assistantId()))
                && (sessionId == null || sessionId.equals(chat.sessionId()))
                && (previousChatId == null || previousChatId.equals(chat.previousChatId()))
                && createdAt.contains(chat.createdAt()) && updatedAt.contains(chat.updatedAt());
    }

    public VapiChatQuery withPage(int newPage, int newLimit) {
        return new VapiChatQuery(owner, ids, assistantIds, sessionId, previousChatId, createdAt, updatedAt, ascending,
                newPage, newLimit, after);
    }

    public VapiChatQuery withOwner(UserId newOwner) {
        return new VapiChatQuery(newOwner, ids, assistantIds, sessionId, previousChatId, createdAt, updatedAt,
                ascending, page, limit, after);
    }

    public VapiChatQuery ascending(boolean asc) {
        return new VapiChatQuery(owner, ids, assistantIds, sessionId, previousChatId, createdAt, updatedAt, asc, page,
                limit, after);
    }
}
