package dev.chats.domain.chat.event;

import dev.chats.domain.chat.ChatOutline;
import dev.chats.domain.user.UserId;

import java.util.Objects;

/** A client's update was merged into the chat's document. */
public record ChatUpdated(ChatOutline chat) implements ChatEvent {

    public ChatUpdated {
        Objects.requireNonNull(chat, "chat");
    }

    @Override
    public UserId recipient() {
        return chat.ownerId();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.chatUpdated(this);
    }
}
