package dev.chats.application.service.chat;

import dev.chats.domain.chat.PageRequest;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Walks a whole list one database page at a time, fetching the next page only when the caller reaches it, so a
 * long list never sits in memory at once.
 */
final class PagedIterable<T> implements Iterable<T> {

    static final int FETCH_SIZE = 200;

    private final Function<PageRequest, List<T>> fetch;
    private final int fetchSize;

    PagedIterable(Function<PageRequest, List<T>> fetch, int fetchSize) {
        this.fetch = fetch;
        this.fetchSize = fetchSize;
    }

    static <T> PagedIterable<T> of(Function<PageRequest, List<T>> fetch) {
        return new PagedIterable<>(fetch, FETCH_SIZE);
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private PageRequest nextPage = new PageRequest(0, fetchSize);
            private Iterator<T> current = List.<T>of().iterator();
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && !exhausted) {
                    List<T> page = fetch.apply(nextPage);
                    exhausted = page.size() < fetchSize;
                    nextPage = nextPage.next();
                    current = page.iterator();
                }
                return current.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }
}
