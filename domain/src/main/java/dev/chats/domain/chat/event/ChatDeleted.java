package dev.chats.domain.chat.event;

import dev.chats.domain.chat.ChatId;
import dev.chats.domain.user.UserId;

import java.util.Objects;

/** The chat is gone. */
public record ChatDeleted(UserId owner, ChatId chatId) implements ChatEvent {

    public ChatDeleted {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(chatId, "chatId");
    }

    @Override
    public UserId recipient() {
        return owner;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.chatDeleted(this);
    }
}
