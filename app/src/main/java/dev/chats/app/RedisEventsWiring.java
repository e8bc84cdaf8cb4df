package dev.chats.app;

import dev.chats.adapters.redis.RedisChatEvents;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;

/**
 * With {@code chats.events.broker=redis}: the {@code ChatEvents} port becomes the Redis adapter, which hands every
 * event to this instance's subscribers ({@link InProcessChatEvents}) and to the other instances through the
 * channel {@code chats.events.redis.channel} on {@code chats.events.redis.uri} ({@code REDIS_URI}). Created at
 * start-up, so an unreachable Redis fails the start in one line naming the URI. With {@code local} nothing here
 * exists and no Redis connection is opened.
 */
@Factory
@Requires(property = "chats.events.broker", value = "redis")
final class RedisEventsWiring {

    static final String DEFAULT_URI = "redis://127.0.0.1:6379";
    static final String DEFAULT_CHANNEL = "chats:events";

    @Context
    @Primary
    @Bean(preDestroy = "close")
    RedisChatEvents redisChatEvents(InProcessChatEvents local, JsonMapper json,
                                    @Value("${chats.events.redis.uri:`" + DEFAULT_URI + "`}") String uri,
                                    @Value("${chats.events.redis.channel:`" + DEFAULT_CHANNEL + "`}") String channel) {
        return RedisChatEvents.connect(uri, channel, local, json);
    }
}
