package dev.chats.app.ws;

import dev.chats.adapters.redis.RedisChatEvents;
import dev.chats.app.InProcessChatEvents;
import dev.chats.domain.port.ChatEvents;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code chats.events.broker} picks what backs the {@code ChatEvents} port: {@code local} (default) keeps events
 * in the instance and creates nothing Redis; {@code redis} without a reachable Redis, or an unknown value, fails
 * the start naming the cause.
 */
class EventBrokerSelectionTest {

    @Test
    void byDefault_eventsStayInTheInstance_andNoRedisClientExists() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(), "test")) {
            assertThat(context.getBean(ChatEvents.class)).isInstanceOf(InProcessChatEvents.class);
            assertThat(context.findBean(RedisChatEvents.class)).isEmpty();
        }
    }

    @Test
    void anUnknownBroker_failsTheStart_namingTheAllowedValues() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("chats.events.broker", "kafka"), "test").close())
                .hasStackTraceContaining("chats.events.broker (CHATS_EVENTS_BROKER) must be one of local, redis;"
                        + " it is 'kafka'");
    }

    @Test
    void redisThatCannotBeReached_failsTheStart_namingTheUri() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("chats.events.broker", "redis",
                "chats.events.redis.uri", "redis://127.0.0.1:1"), "test").close())
                .hasStackTraceContaining("cannot connect to Redis at redis://127.0.0.1:1");
    }
}
