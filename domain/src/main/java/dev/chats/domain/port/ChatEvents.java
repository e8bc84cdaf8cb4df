package dev.chats.domain.port;

import dev.chats.domain.chat.event.ChatEvent;

/**
 * Output port: publishes chat events after the change they describe is stored. Publishing never fails the
 * caller; a delivery problem is the adapter's to log.
 */
@FunctionalInterface
public interface ChatEvents {

    void publish(ChatEvent event);
}
