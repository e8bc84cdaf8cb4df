package dev.chats.domain.chat.event;

import dev.chats.domain.chat.ChatOutline;
import dev.chats.domain.user.UserId;

import java.util.Objects;

/**
 * The chat was shared, or its share withdrawn: {@code chat.shareId()} says which. Sharing an already shared chat
 * announces it again.
 */
public record ChatShareChanged(ChatOutline chat) implements ChatEvent {

    public ChatShareChanged {
        Objects.requireNonNull(chat, "chat");
    }

    @Override
    public UserId recipient() {
        return chat.ownerId();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.chatShareChanged(this);
    }
}
