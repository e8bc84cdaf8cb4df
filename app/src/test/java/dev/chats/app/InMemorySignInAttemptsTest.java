package dev.chats.app;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-memory sign-in limiter's rolling window, on a clock the test moves. */
class InMemorySignInAttemptsTest {

    private final AtomicLong now = new AtomicLong(1_000_000L);
    private final InMemorySignInAttempts limiter = new InMemorySignInAttempts(3, 180_000L, now::get);

    @Test
    void aFullWindow_refusesTheAccount_butNoOther() {
        List<Boolean> answers = new ArrayList<>();
        for (int attempt = 0; attempt < 5; attempt++) {
            answers.add(limiter.admit("ada@example.com"));
            now.addAndGet(1_000L);
        }

        assertThat(answers).containsExactly(true, true, true, false, false);
        assertThat(limiter.admit("bob@example.com")).isTrue();
    }

    @Test
    void theWindowRolls_eachAttemptFreesItsPlace180SecondsLater_refusedOnesNeverExtendIt() {
        limiter.admit("ada@example.com");
        now.addAndGet(60_000L);
        limiter.admit("ada@example.com");
        limiter.admit("ada@example.com");
        now.addAndGet(100_000L);
        assertThat(limiter.admit("ada@example.com")).as("still within the first attempt's window").isFalse();

        now.addAndGet(20_000L);
        assertThat(limiter.admit("ada@example.com")).as("the first attempt left the window").isTrue();
        assertThat(limiter.admit("ada@example.com")).isFalse();
        now.addAndGet(60_000L);
        assertThat(limiter.admit("ada@example.com")).as("the second and third left").isTrue();
        assertThat(limiter.admit("ada@example.com")).isTrue();
        assertThat(limiter.admit("ada@example.com")).isFalse();
    }

    @Test
    void accountsIdleForAWindow_areForgotten() {
        for (int i = 0; i < 100; i++) {
            limiter.admit("user-" + i + "@example.com");
        }
        now.addAndGet(180_001L);

        for (int i = 0; i < InMemorySignInAttempts.SWEEP_EVERY; i++) {
            limiter.admit("late@example.com");
        }

        assertThat(limiter.accounts()).isEqualTo(1);
    }
}
