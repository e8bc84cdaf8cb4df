package dev.chats.domain.chat.event;

import dev.chats.domain.chat.ChatOutline;
import dev.chats.domain.user.UserId;

import java.util.Objects;

/** The chat was filed in a folder, or at the root. */
public record ChatMoved(ChatOutline chat) implements ChatEvent {

    public ChatMoved {
        Objects.requireNonNull(chat, "chat");
    }

    @Override
    public UserId recipient() {
        return chat.ownerId();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.chatMoved(this);
    }
}
