package dev.chats.app;

import dev.chats.application.service.vapi.VapiChatCatalogService;
import dev.chats.application.service.vapi.SavedAssistantService;
import dev.chats.application.service.vapi.VapiChatTurnService;
import dev.chats.application.service.vapi.VapiSessionService;
import dev.chats.domain.port.ChatEvents;
import dev.chats.domain.port.Clock;
import dev.chats.domain.port.IdGenerator;
import dev.chats.domain.port.ModelProvider;
import dev.chats.domain.port.SavedAssistantRepository;
import dev.chats.domain.port.VapiChatRepository;
import dev.chats.domain.port.VapiSessionRepository;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Wires the Vapi chat, session and assistant use cases; their services become beans here, exposed through their use-case interfaces. */
@Factory
final class VapiChatServicesFactory {

    @Singleton
    VapiChatTurnService vapiChatTurns(VapiChatRepository chats, VapiSessionRepository sessions,
                                      SavedAssistantRepository assistants, ModelProvider model,
                                      ModelSettings settings, IdGenerator ids, Clock clock, ChatEvents events) {
        return new VapiChatTurnService(chats, sessions, assistants, model, settings.prices(), ids, clock, events);
    }

    @Singleton
    VapiSessionService vapiSessions(VapiSessionRepository sessions, VapiChatRepository chats,
                                    SavedAssistantRepository assistants, IdGenerator ids, Clock clock) {
        return new VapiSessionService(sessions, chats, assistants, ids, clock);
    }

    @Singleton
    SavedAssistantService savedAssistants(SavedAssistantRepository assistants, IdGenerator ids, Clock clock) {
        return new SavedAssistantService(assistants, ids, clock);
    }

    @Singleton
    VapiChatCatalogService vapiChatCatalog(VapiChatRepository chats, VapiSessionRepository sessions,
                                           ChatEvents events) {
        return new VapiChatCatalogService(chats, sessions, events);
    }
}
