package dev.chats.application.service.vapi;

import dev.chats.application.port.in.vapi.DeleteVapiChatUseCase;
import dev.chats.application.port.in.vapi.GetVapiChatUseCase;
import dev.chats.application.port.in.vapi.ListVapiChatsUseCase;
import dev.chats.application.port.in.vapi.VapiChatNotFoundException;
import dev.chats.domain.port.VapiChatRepository;
import dev.chats.domain.user.User;
import dev.chats.domain.vapi.VapiChat;
import dev.chats.domain.vapi.VapiChatId;
import dev.chats.domain.vapi.VapiChatPage;
import dev.chats.domain.vapi.VapiChatQuery;

/** Reads, lists and deletes the caller's chats; another user's chats do not exist for the caller. */
public final class VapiChatCatalogService implements GetVapiChatUseCase, ListVapiChatsUseCase,
        DeleteVapiChatUseCase {

    private final VapiChatRepository chats;

    public VapiChatCatalogService(VapiChatRepository chats) {
        this.chats = chats;
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
        return chats.delete(actor.id(), id).orElseThrow(VapiChatNotFoundException::chat);
    }
}
