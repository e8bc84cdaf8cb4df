package dev.chats.domain.chat.event;

import dev.chats.domain.chat.ChatOutline;
import dev.chats.domain.user.UserId;

import java.util.Objects;

/** The chat was pinned or unpinned: {@code chat.pinned()} says which. */
public record ChatPinned(ChatOutline chat) implements ChatEvent {

    public ChatPinned {
        Objects.requireNonNull(chat, "chat");
    }

    @Override
    public UserId recipient() {
        return chat.ownerId();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.chatPinned(this);
    }
}
