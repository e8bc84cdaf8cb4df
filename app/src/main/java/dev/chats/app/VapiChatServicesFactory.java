package dev.chats.app;

import dev.chats.application.service.vapi.VapiChatCatalogService;
import dev.chats.application.service.vapi.VapiChatTurnService;
import dev.chats.application.service.vapi.VapiSessionService;
import dev.chats.domain.port.Clock;
import dev.chats.domain.port.IdGenerator;
import dev.chats.domain.port.ModelProvider;
import dev.chats.domain.port.VapiChatRepository;
import dev.chats.domain.port.VapiSessionRepository;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Wires the Vapi chat and session use cases; their services become beans here, exposed through their use-case interfaces. */
@Factory
final class VapiChatServicesFactory {

    @Singleton
    VapiChatTurnService vapiChatTurns(VapiChatRepository chats, VapiSessionRepository sessions, ModelProvider model,
                                      IdGenerator ids, Clock clock) {
        return new VapiChatTurnService(chats, sessions, model, ids, clock);
    }

    @Singleton
    VapiSessionService vapiSessions(VapiSessionRepository sessions, IdGenerator ids, Clock clock) {
        return new VapiSessionService(sessions, ids, clock);
    }

    @Singleton
    VapiChatCatalogService vapiChatCatalog(VapiChatRepository chats) {
        return new VapiChatCatalogService(chats);
    }
}
