package dev.chats.domain.chat.event;

import dev.chats.domain.user.UserId;

import java.util.Objects;

/** Every chat of the owner is gone. */
public record AllChatsDeleted(UserId owner) implements ChatEvent {

    public AllChatsDeleted {
        Objects.requireNonNull(owner, "owner");
    }

    @Override
    public UserId recipient() {
        return owner;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.allChatsDeleted(this);
    }
}
