package dev.chats.app;

import dev.chats.domain.port.Clock;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The application's clock in every test context: the system's time plus an offset a test moves forward with
 * {@link #advance(Duration)}, so a test that needs a later timestamp (an {@code updated_at} that must grow, an order
 * by time) gets it at once instead of sleeping until the wall clock's second turns. It follows real time otherwise,
 * because other parts still read the wall clock (token expiry checks, the MariaDB search indexer's quiet period), and
 * a frozen time would contradict them; it never goes back, so what it stamped before stays earlier.
 */
@Singleton
@Replaces(SystemClock.class)
public final class TestClock implements Clock {

    private final AtomicLong offsetMillis = new AtomicLong();

    /** Moves this context's time forward; timestamps taken afterwards are at least {@code by} later. */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward: " + by);
        }
        offsetMillis.addAndGet(by.toMillis());
    }

    @Override
    public long nowEpochSeconds() {
        return nowEpochMillis() / 1000L;
    }

    @Override
    public long nowEpochMillis() {
        return System.currentTimeMillis() + offsetMillis.get();
    }
}
