package dev.chats.application.service.vapi;

import dev.chats.application.port.in.vapi.DeleteVapiChatUseCase;
import dev.chats.application.port.in.vapi.GetVapiChatUseCase;
import dev.chats.application.port.in.vapi.ListVapiChatsUseCase;
import dev.chats.application.port.in.vapi.VapiChatNotFoundException;
import dev.chats.domain.chat.event.VapiChatDeleted;
import dev.chats.domain.port.ChatEvents;
import dev.chats.domain.port.VapiChatRepository;
import dev.chats.domain.user.User;
import dev.chats.domain.vapi.VapiChat;
import dev.chats.domain.vapi.VapiChatId;
import dev.chats.domain.vapi.VapiChatPage;
import dev.chats.domain.vapi.VapiChatQuery;

/**
 * Reads, lists and deletes the caller's chats; another user's chats do not exist for the caller. A deletion is
 * announced to the owner's clients as {@code chat.deleted}.
 */
public final class VapiChatCatalogService implements GetVapiChatUseCase, ListVapiChatsUseCase,
        DeleteVapiChatUseCase {

    private final VapiChatRepository chats;
    private final ChatEvents events;

    public VapiChatCatalogService(VapiChatRepository chats, ChatEvents events) {
        this.chats = chats;
        this.events = events;
    }

    @Override
    public VapiChat get(User actor, VapiChatId id) {
        return chats.findById(actor.id(), id).orElseThrow(VapiChatNotFoundException::chat);
    }

    @Override
    public VapiChatPage list(User actor, VapiChatQuery query) {
        return chats.list(query.withOwner(actor.id()));
    }

    @Override
    public VapiChat delete(User actor, VapiChatId id) {
        VapiChat deleted = chats.delete(actor.id(), id).orElseThrow(VapiChatNotFoundException::chat);
        events.publish(new VapiChatDeleted(deleted.outline()));
        return deleted;
    }
}
