package dev.chats.app.operations;

import dev.chats.adapters.redis.RedisChatEvents;
import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * Readiness of the events broker ({@code broker}), with {@code chats.events.broker=redis} only: DOWN while either
 * Redis connection is lost, because this instance's changes then reach no client connected to another instance.
 * With the default {@code local} broker there is nothing to check and no indicator.
 */
@Singleton
@Requires(property = "chats.events.broker", value = "redis")
final class BrokerHealthIndicator implements HealthIndicator {

    private final RedisChatEvents redis;

    BrokerHealthIndicator(RedisChatEvents redis) {
        this.redis = redis;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        boolean connected = redis.isConnected();
        return Mono.just(HealthResult.builder("broker", connected ? HealthStatus.UP : HealthStatus.DOWN)
                .details(Map.of("kind", "redis", "connected", connected)).build());
    }
}
