package dev.chats.domain.chat.event;

import dev.chats.domain.chat.ChatOutline;
import dev.chats.domain.user.UserId;

import java.util.Objects;

/** A chat was stored for the first time: created, imported or cloned. */
public record ChatCreated(ChatOutline chat) implements ChatEvent {

    public ChatCreated {
        Objects.requireNonNull(chat, "chat");
    }

    @Override
    public UserId recipient() {
        return chat.ownerId();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.chatCreated(this);
    }
}
