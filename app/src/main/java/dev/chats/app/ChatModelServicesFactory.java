package dev.chats.app;

import dev.chats.application.port.in.chat.EditMessageUseCase;
import dev.chats.application.service.chat.CompactChatService;
import dev.chats.application.service.chat.CompleteConversationService;
import dev.chats.domain.permission.PermissionPolicy;
import dev.chats.domain.port.ChatEvents;
import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.port.Clock;
import dev.chats.domain.port.ModelProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** Wires the Open WebUI use cases that ask the model about a stored chat: completions and context compaction. */
@Factory
final class ChatModelServicesFactory {

    @Singleton
    CompleteConversationService completeConversations(ChatRepository chats, PermissionPolicy policy,
                                                      ModelProvider model, EditMessageUseCase messages) {
        return new CompleteConversationService(chats, policy, model, messages);
    }

    @Singleton
    CompactChatService compactChats(ChatRepository chats, PermissionPolicy policy, ModelProvider model, Clock clock,
                                    ChatEvents events, @Value("${chats.compaction.enabled:false}") boolean enabled) {
        return new CompactChatService(chats, policy, model, clock, events, enabled);
    }
}
