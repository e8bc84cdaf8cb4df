package dev.chats.application.service.vapi;

import dev.chats.application.port.in.vapi.DeleteVapiChatUseCase;
import dev.chats.application.port.in.vapi.GetVapiChatUseCase;
import dev.chats.application.port.in.vapi.ListVapiChatsUseCase;
import dev.chats.application.port.in.vapi.VapiChatNotFoundException;
import dev.chats.domain.chat.event.VapiChatDeleted;
import dev.chats.domain.port.ChatEvents;
import dev.chats.domain.port.VapiChatRepository;
import dev.chats.domain.port.VapiSessionRepository;
import dev.chats.domain.user.User;
import dev.chats.domain.vapi.VapiChat;
import dev.chats.domain.vapi.VapiChatId;
import dev.chats.domain.vapi.VapiChatPage;
import dev.chats.domain.vapi.VapiChatQuery;

import java.util.List;

/**
 * Reads, lists and deletes the caller's chats; another user's chats do not exist for the caller. A deletion is
 * announced to the owner's clients as {@code chat.deleted}. Chats are answered with their whole context, put back
 * together from the turns they continue; a chat's continuations, and the other turns and history of its session,
 * are written out whole before it goes, so they read the same afterwards.
 */
public final class VapiChatCatalogService implements GetVapiChatUseCase, ListVapiChatsUseCase,
        DeleteVapiChatUseCase {

    private final VapiChatRepository chats;
    private final VapiConversationReader reader;
    private final SessionTurns sessionTurns;
    private final ChatEvents events;

    public VapiChatCatalogService(VapiChatRepository chats, VapiSessionRepository sessions, ChatEvents events) {
        this.chats = chats;
        this.reader = new VapiConversationReader(chats, sessions);
        this.sessionTurns = new SessionTurns(chats, sessions);
        this.events = events;
    }

    @Override
    public VapiChat get(User actor, VapiChatId id) {
        return reader.find(actor.id(), id).orElseThrow(VapiChatNotFoundException::chat);
    }

    @Override
    public VapiChatPage list(User actor, VapiChatQuery query) {
        VapiChatPage page = chats.list(query.withOwner(actor.id()));
        return new VapiChatPage(reader.read(actor.id(), page.results()), page.totalItems());
    }

    @Override
    public VapiChat delete(User actor, VapiChatId id) {
        VapiChat chat = reader.find(actor.id(), id).orElseThrow(VapiChatNotFoundException::chat);
        if (chat.sessionId() != null) {
            sessionTurns.beforeTurnDeleted(actor.id(), chat.sessionId());
        }
        List<VapiChat> continuations = reader.continuations(actor.id(), id).stream().filter(VapiChat::turnOnly)
                .toList();
        for (VapiChat whole : reader.read(actor.id(), continuations)) {
            chats.replace(whole);
        }
        chats.delete(actor.id(), id).orElseThrow(VapiChatNotFoundException::chat);
        events.publish(new VapiChatDeleted(chat.outline()));
        return chat;
    }
}
