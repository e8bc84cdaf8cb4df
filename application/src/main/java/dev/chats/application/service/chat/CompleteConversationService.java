package dev.chats.application.service.chat;

import dev.chats.application.port.in.chat.CompleteConversationUseCase;
import dev.chats.application.port.in.chat.EditMessageUseCase;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.completion.Completion;
import dev.chats.domain.completion.ModelRequest;
import dev.chats.domain.permission.PermissionPolicy;
import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.port.ModelProvider;
import dev.chats.domain.user.User;

import java.util.function.Consumer;

/**
 * Completes a conversation through the server's model connection. A named stored chat is checked before the model
 * is asked (Open WebUI: its owner, or an admin), so a refused request costs no tokens; the answer goes into the
 * named message only once the model has finished, so a failed call leaves the chat as it was.
 */
public final class CompleteConversationService implements CompleteConversationUseCase {

    private final ChatAccess access;
    private final ModelProvider model;
    private final EditMessageUseCase messages;

    public CompleteConversationService(ChatRepository chats, PermissionPolicy policy, ModelProvider model,
                                       EditMessageUseCase messages) {
        this.access = new ChatAccess(chats, policy);
        this.model = model;
        this.messages = messages;
    }

    @Override
    public Run start(User actor, Conversation conversation) {
        ChatId chat = conversation.namesStoredChat() ? new ChatId(conversation.chatId()) : null;
        if (chat != null) {
            access.ownedOrAdministeredForEdit(actor, chat);
        }
        ModelRequest request = new ModelRequest(null, conversation.model(), conversation.messages(),
                conversation.temperature(), conversation.maxTokens(), null);
        return onDelta -> {
            Completion answer = onDelta == null ? model.complete(request) : model.stream(request, onDelta);
            if (chat != null && conversation.messageId() != null) {
                messages.setContent(actor, chat, conversation.messageId(), answer.text());
            }
            return answer;
        };
    }
}
