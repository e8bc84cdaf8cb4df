package dev.chats.adapters.redis;

import dev.chats.domain.port.SignInAttempts;
import dev.chats.testsupport.RequiredService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two limiter instances on this machine's Redis ({@code CHATS_TEST_REDIS_URI}, default
 * {@code redis://127.0.0.1:6379}), as two server instances would share it; skipped when no Redis answers there
 * (fails under {@code CI=true}).
 */
class RedisSignInAttemptsTest {

    private static final String PREFIX = "chats-test:signin:" + UUID.randomUUID() + ":";

    @BeforeAll
    static void requireRedis() {
        RequiredService.require(RedisChatEventsTest.reachable(RedisChatEventsTest.REDIS_URI),
                "no Redis at " + RedisChatEventsTest.REDIS_URI + " (set CHATS_TEST_REDIS_URI)");
    }

    @Test
    void twoInstances_shareOneCountPerAccount_andOtherAccountsAreUnaffected() {
        RefusingFallback fallback = new RefusingFallback();
        try (RedisSignInAttempts a = connect(3, Duration.ofMinutes(3), fallback);
             RedisSignInAttempts b = connect(3, Duration.ofMinutes(3), fallback)) {
            String victim = "victim-" + UUID.randomUUID() + "@example.com";
            String bystander = "bystander-" + UUID.randomUUID() + "@example.com";

            List<Boolean> answers = new ArrayList<>();
            answers.add(a.admit(victim));
            answers.add(b.admit(victim));
            answers.add(a.admit(victim));
            answers.add(b.admit(victim));
            answers.add(a.admit(victim));

            assertThat(answers).containsExactly(true, true, true, false, false);
            assertThat(b.admit(bystander)).isTrue();
            assertThat(fallback.asked).isEmpty();
        }
    }

    @Test
    void aFullWindow_opensAgainOnceItsOldestAttemptLeavesIt_refusedAttemptsNotCounted() throws Exception {
        try (RedisSignInAttempts a = connect(2, Duration.ofMillis(700), new RefusingFallback());
             RedisSignInAttempts b = connect(2, Duration.ofMillis(700), new RefusingFallback())) {
            String account = "rolling-" + UUID.randomUUID() + "@example.com";
            assertThat(a.admit(account)).isTrue();
            assertThat(b.admit(account)).isTrue();
            assertThat(a.admit(account)).isFalse();

            Thread.sleep(900);

            assertThat(b.admit(account)).isTrue();
            assertThat(a.admit(account)).isTrue();
            assertThat(b.admit(account)).isFalse();
        }
    }

    @Test
    void keys_holdAHashOfTheAccountNeverTheAddress() {
        try (RedisSignInAttempts a = connect(3, Duration.ofMinutes(1), new RefusingFallback())) {
            String key = a.key("ada@example.com");

            assertThat(key).startsWith(PREFIX).doesNotContain("ada").hasSize(PREFIX.length() + 64);
            assertThat(a.key("ada@example.com")).isEqualTo(key);
            assertThat(a.key("bob@example.com")).isNotEqualTo(key);
        }
    }

    @Test
    void whileRedisIsUnreachable_attemptsAreCountedByTheFallback() {
        RefusingFallback fallback = new RefusingFallback();
        try (RedisSignInAttempts a = connect(3, Duration.ofMinutes(1), fallback)) {
            a.close();

            assertThat(a.admit("ada@example.com")).isFalse();
            assertThat(fallback.asked).containsExactly("ada@example.com");
        }
    }

    private static RedisSignInAttempts connect(int limit, Duration window, SignInAttempts fallback) {
        return RedisSignInAttempts.connect(RedisChatEventsTest.REDIS_URI, PREFIX, limit, window, fallback);
    }

    /** Records which accounts reached it, and refuses them all. */
    private static final class RefusingFallback implements SignInAttempts {
        final List<String> asked = new ArrayList<>();

        @Override
        public synchronized boolean admit(String account) {
            asked.add(account);
            return false;
        }
    }
}
