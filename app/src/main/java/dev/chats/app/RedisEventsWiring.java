package dev.chats.app;

import dev.chats.adapters.redis.RedisChatEvents;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;

/**
 * With {@code chats.events.broker=redis}: the {@code ChatEvents} port becomes the Redis adapter, which hands every
 * event to this instance's subscribers ({@link InProcessChatEvents}) and to the other instances through the
 * channel and Redis of {@link RedisSettings}. Created at start-up, so an unreachable Redis fails the start in one
 * line naming the URI. With {@code local} nothing here exists and no Redis connection is opened.
 */
@Factory
@Requires(property = "chats.events.broker", value = "redis")
final class RedisEventsWiring {

    @Context
    @Primary
    @Bean(preDestroy = "close")
    RedisChatEvents redisChatEvents(InProcessChatEvents local, JsonMapper json, RedisSettings redis) {
        return RedisChatEvents.connect(redis.uri(), redis.channel(), local, json);
    }
}
