package dev.chats.app;

import dev.chats.adapters.redis.RedisSignInAttempts;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * Wires the sign-in limiter of {@link SignInLimitSettings}: in memory on this instance; with
 * {@code chats.events.broker=redis} counted in that Redis (with the in-memory one as fallback while it is away),
 * so that every instance enforces one limit.
 */
@Factory
final class SignInAttemptsWiring {

    static final String KEY_PREFIX = "chats:signin-attempts:";

    @Singleton
    InMemorySignInAttempts inMemorySignInAttempts(SignInLimitSettings limit) {
        return new InMemorySignInAttempts(limit.attempts(), limit.window().toMillis(), System::currentTimeMillis);
    }

    @Context
    @Primary
    @Requires(property = "chats.events.broker", value = "redis")
    @Bean(preDestroy = "close")
    RedisSignInAttempts redisSignInAttempts(InMemorySignInAttempts fallback, RedisSettings redis,
                                            SignInLimitSettings limit) {
        return RedisSignInAttempts.connect(redis.uri(), KEY_PREFIX, limit.attempts(), limit.window(), fallback);
    }
}
