package dev.chats.domain.chat.event;

import dev.chats.domain.chat.ChatId;
import dev.chats.domain.user.UserId;

import java.util.Objects;

/** A message's content was set (the message added if it was new). */
public record MessageContentChanged(UserId owner, ChatId chatId, String messageId,
                                    String content) implements ChatEvent {

    public MessageContentChanged {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(chatId, "chatId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(content, "content");
    }

    @Override
    public UserId recipient() {
        return owner;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.messageContentChanged(this);
    }
}
