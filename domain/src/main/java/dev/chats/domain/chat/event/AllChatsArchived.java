package dev.chats.domain.chat.event;

import dev.chats.domain.user.UserId;

import java.util.Objects;

/** Every chat of the owner was archived, or restored, at once. */
public record AllChatsArchived(UserId owner, boolean archived) implements ChatEvent {

    public AllChatsArchived {
        Objects.requireNonNull(owner, "owner");
    }

    @Override
    public UserId recipient() {
        return owner;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.allChatsArchived(this);
    }
}
