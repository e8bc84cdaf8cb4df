package dev.chats.app;

import dev.chats.adapters.redis.RedisSignInAttempts;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Wires the sign-in limiter: {@code chats.auth.signin-limit.attempts} (15) per account within a rolling
 * {@code chats.auth.signin-limit.window} (180 s), Open WebUI's figures. In memory on this instance; with
 * {@code chats.events.broker=redis} counted in that Redis (with the in-memory one as fallback while it is away),
 * so that every instance enforces one limit.
 */
@Factory
final class SignInAttemptsWiring {

    static final int DEFAULT_ATTEMPTS = 15;
    static final String DEFAULT_WINDOW = "180s";
    static final String KEY_PREFIX = "chats:signin-attempts:";

    @Singleton
    InMemorySignInAttempts inMemorySignInAttempts(
            @Value("${chats.auth.signin-limit.attempts:" + DEFAULT_ATTEMPTS + "}") int attempts,
            @Value("${chats.auth.signin-limit.window:" + DEFAULT_WINDOW + "}") Duration window) {
        checked(attempts, window);
        return new InMemorySignInAttempts(attempts, window.toMillis(), System::currentTimeMillis);
    }

    @Context
    @Primary
    @Requires(property = "chats.events.broker", value = "redis")
    @Bean(preDestroy = "close")
    RedisSignInAttempts redisSignInAttempts(
            InMemorySignInAttempts fallback,
            @Value("${chats.events.redis.uri:`" + RedisEventsWiring.DEFAULT_URI + "`}") String uri,
            @Value("${chats.auth.signin-limit.attempts:" + DEFAULT_ATTEMPTS + "}") int attempts,
            @Value("${chats.auth.signin-limit.window:" + DEFAULT_WINDOW + "}") Duration window) {
        checked(attempts, window);
        return RedisSignInAttempts.connect(uri, KEY_PREFIX, attempts, window, fallback);
    }

    private static void checked(int attempts, Duration window) {
        if (attempts < 1) {
            throw new ConfigurationException("chats.auth.signin-limit.attempts must be at least 1, it is " + attempts);
        }
        if (window.isNegative() || window.toMillis() < 1) {
            throw new ConfigurationException("chats.auth.signin-limit.window must be positive, it is " + window);
        }
    }
}
