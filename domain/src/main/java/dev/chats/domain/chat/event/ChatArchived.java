package dev.chats.domain.chat.event;

import dev.chats.domain.chat.ChatOutline;
import dev.chats.domain.user.UserId;

import java.util.Objects;

/** The chat was archived or restored: {@code chat.archived()} says which. */
public record ChatArchived(ChatOutline chat) implements ChatEvent {

    public ChatArchived {
        Objects.requireNonNull(chat, "chat");
    }

    @Override
    public UserId recipient() {
        return chat.ownerId();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.chatArchived(this);
    }
}
