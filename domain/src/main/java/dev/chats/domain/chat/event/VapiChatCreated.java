package dev.chats.domain.chat.event;

import dev.chats.domain.user.UserId;
import dev.chats.domain.vapi.VapiChatOutline;

import java.util.Objects;

/** A Vapi chat turn was stored. */
public record VapiChatCreated(VapiChatOutline chat) implements ChatEvent {

    public VapiChatCreated {
        Objects.requireNonNull(chat, "chat");
    }

    @Override
    public UserId recipient() {
        return chat.ownerId();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.vapiChatCreated(this);
    }
}
