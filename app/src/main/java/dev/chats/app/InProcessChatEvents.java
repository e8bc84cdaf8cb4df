package dev.chats.app;

import dev.chats.domain.chat.event.ChatEvent;
import dev.chats.domain.port.ChatEvents;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Event adapter within one instance: hands each event to this instance's subscribers (the WebSocket delivery, and
 * tests), on the publishing thread, so subscribers must not block. It is the {@link ChatEvents} port itself with
 * {@code chats.events.broker=local}; with {@code redis}, the Redis adapter is the port and hands this instance's
 * and the other instances' events here. A failing subscriber is logged and never fails the request that caused
 * the event.
 */
@Singleton
public final class InProcessChatEvents implements ChatEvents {

    private static final Logger LOG = LoggerFactory.getLogger(InProcessChatEvents.class);

    private final List<Consumer<ChatEvent>> subscribers = new CopyOnWriteArrayList<>();

    /** Registers a subscriber; returns the handle that removes it. */
    public Runnable subscribe(Consumer<ChatEvent> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    @Override
    public void publish(ChatEvent event) {
        for (Consumer<ChatEvent> subscriber : subscribers) {
            try {
                subscriber.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("event subscriber failed on {} for user {}", event.getClass().getSimpleName(),
                        event.recipient(), e);
            }
        }
    }
}
