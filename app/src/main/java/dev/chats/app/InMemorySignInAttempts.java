package dev.chats.app;

import dev.chats.domain.port.SignInAttempts;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Sign-in limiter within one instance: the times of each account's attempts in the last window, in memory. It is
 * the {@link SignInAttempts} port with {@code chats.events.broker=local}; with {@code redis} it counts only while
 * Redis is unreachable. Refused attempts are not recorded, so an account holds at most {@code limit} times and is
 * open again {@code window} after the oldest of them; accounts idle for a window are swept away.
 */
public final class InMemorySignInAttempts implements SignInAttempts {

    /** Every this many attempts, accounts whose attempts all left the window are dropped. */
    static final int SWEEP_EVERY = 1024;

    private final int limit;
    private final long windowMillis;
    private final LongSupplier millis;
    private final Map<String, Deque<Long>> attempts = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    /**
     * @param limit        attempts an account may make within the window, at least 1
     * @param windowMillis the rolling window, milliseconds
     * @param millis       the current time in milliseconds
     */
    public InMemorySignInAttempts(int limit, long windowMillis, LongSupplier millis) {
        if (limit < 1 || windowMillis < 1) {
            throw new IllegalArgumentException("the sign-in limit and window must be positive");
        }
        this.limit = limit;
        this.windowMillis = windowMillis;
        this.millis = millis;
    }

    @Override
    public boolean admit(String account) {
        long now = millis.getAsLong();
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            sweep(now);
        }
        boolean[] admitted = {false};
        attempts.compute(account, (key, times) -> {
            Deque<Long> window = times == null ? new ArrayDeque<>() : times;
            trim(window, now);
            if (window.size() < limit) {
                window.addLast(now);
                admitted[0] = true;
            }
            return window;
        });
        return admitted[0];
    }

    /** How many accounts are remembered; for tests. */
    int accounts() {
        return attempts.size();
    }

    private void sweep(long now) {
        for (String account : attempts.keySet()) {
            attempts.computeIfPresent(account, (key, window) -> {
                trim(window, now);
                return window.isEmpty() ? null : window;
            });
        }
    }

    private void trim(Deque<Long> window, long now) {
        while (!window.isEmpty() && window.peekFirst() <= now - windowMillis) {
            window.pollFirst();
        }
    }
}
