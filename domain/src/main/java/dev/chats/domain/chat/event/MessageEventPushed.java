package dev.chats.domain.chat.event;

import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.MessageEvent;
import dev.chats.domain.user.UserId;

import java.util.Objects;

/**
 * A tool or pipeline pushed an event for one message: relayed as it came, whether or not its side effect was
 * stored.
 */
public record MessageEventPushed(UserId owner, ChatId chatId, String messageId,
                                 MessageEvent event) implements ChatEvent {

    public MessageEventPushed {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(event, "event");
    }

    @Override
    public UserId recipient() {
        return owner;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.messageEventPushed(this);
    }
}
