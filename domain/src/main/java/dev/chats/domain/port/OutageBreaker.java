package dev.chats.domain.port;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * For store adapters: fails work fast while the database is known to be away. After a unit of work finds the
 * database unreachable, the breaker opens: for {@code openFor} every other unit is refused at once instead of each
 * waiting out the connection timeout. Then one unit at a time is let through as a probe; its success closes the
 * breaker, its failure opens it again. Without it, every request during an outage held a thread for the full
 * timeout before its 503.
 */
public final class OutageBreaker {

    private final long openForNanos;
    private final LongSupplier nanoTime;
    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile long openUntilNanos;
    private volatile boolean open;

    public OutageBreaker(Duration openFor) {
        this(openFor, System::nanoTime);
    }

    public OutageBreaker(Duration openFor, LongSupplier nanoTime) {
        this.openForNanos = openFor.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Lets a unit of work run, or refuses it while the database is known away; true if it runs as the probe. */
    public boolean admit(String what) {
        if (!open) {
            return false;
        }
        if (nanoTime.getAsLong() - openUntilNanos >= 0 && probing.compareAndSet(false, true)) {
            return true;
        }
        throw new StoreUnavailableException(what + " refused: the database was unreachable moments ago", null);
    }

    /** The unit of work reached the database. */
    public void succeeded(boolean probe) {
        if (open) {
            open = false;
        }
        if (probe) {
            probing.set(false);
        }
    }

    /** The unit of work found the database unreachable. */
    public void failed(boolean probe) {
        openUntilNanos = nanoTime.getAsLong() + openForNanos;
        open = true;
        if (probe) {
            probing.set(false);
        }
    }

    /** The unit of work ended for a reason that says nothing about the database being there. */
    public void released(boolean probe) {
        if (probe) {
            probing.set(false);
        }
    }
}
