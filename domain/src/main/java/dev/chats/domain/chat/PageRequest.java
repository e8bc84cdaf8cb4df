package dev.chats.domain.chat;

/** A window of a list: skip {@code offset} rows, return at most {@code limit}. */
public record PageRequest(long offset, int limit) {

    public static final int MAX_LIMIT = 1000;

    public PageRequest {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
    }

    /** Page {@code page} (1-based) of pages of {@code size}. */
    public static PageRequest ofPage(long page, int size) {
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more");
        }
        // A page number far past any list saturates instead of overflowing: the window is simply empty.
        long offset = page - 1 > Long.MAX_VALUE / size ? Long.MAX_VALUE - size : (page - 1) * size;
        return new PageRequest(offset, size);
    }

    public PageRequest next() {
        return new PageRequest(offset + limit, limit);
    }
}
