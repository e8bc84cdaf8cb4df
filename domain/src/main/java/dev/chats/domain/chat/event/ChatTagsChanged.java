package dev.chats.domain.chat.event;

import dev.chats.domain.chat.ChatOutline;
import dev.chats.domain.user.UserId;

import java.util.Objects;

/**
 * A tag was added to or removed from the chat; {@code chat.tagIds()} holds the tags it carries now. Announced
 * even when the tag was already there (or already gone), as Open WebUI does.
 */
public record ChatTagsChanged(ChatOutline chat) implements ChatEvent {

    public ChatTagsChanged {
        Objects.requireNonNull(chat, "chat");
    }

    @Override
    public UserId recipient() {
        return chat.ownerId();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.chatTagsChanged(this);
    }
}
