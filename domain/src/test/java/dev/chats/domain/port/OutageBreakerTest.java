package dev.chats.domain.port;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutageBreakerTest {

    private final AtomicLong now = new AtomicLong();
    private final OutageBreaker breaker = new OutageBreaker(Duration.ofSeconds(2), now::get);

    @Test
    void closed_admitsEveryoneAsNoProbe() {
        assertThat(breaker.admit("read")).isFalse();
        assertThat(breaker.admit("read")).isFalse();
    }

    @Test
    void afterAFailure_refusesAtOnce_untilTheWindowHasPassed() {
        breaker.failed(breaker.admit("read"));

        now.addAndGet(Duration.ofMillis(1_999).toNanos());
        assertThatThrownBy(() -> breaker.admit("read")).isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void afterTheWindow_oneProbeAtATime_andItsSuccessCloses() {
        breaker.failed(breaker.admit("read"));
        now.addAndGet(Duration.ofSeconds(2).toNanos());

        boolean probe = breaker.admit("read");
        assertThat(probe).isTrue();
        assertThatThrownBy(() -> breaker.admit("other")).isInstanceOf(StoreUnavailableException.class);
        breaker.succeeded(probe);

        assertThat(breaker.admit("read")).isFalse();
    }

    @Test
    void aFailedProbe_opensTheWindowAgain() {
        breaker.failed(breaker.admit("read"));
        now.addAndGet(Duration.ofSeconds(2).toNanos());

        breaker.failed(breaker.admit("read"));

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThatThrownBy(() -> breaker.admit("read")).isInstanceOf(StoreUnavailableException.class);
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(breaker.admit("read")).isTrue();
    }

    @Test
    void aProbeEndingForAnotherReason_letsTheNextProbeThrough() {
        breaker.failed(breaker.admit("read"));
        now.addAndGet(Duration.ofSeconds(2).toNanos());

        breaker.released(breaker.admit("read"));

        assertThat(breaker.admit("read")).isTrue();
    }
}
