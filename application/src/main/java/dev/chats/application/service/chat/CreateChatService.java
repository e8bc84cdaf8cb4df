package dev.chats.application.service.chat;

import dev.chats.application.port.in.chat.CreateChatUseCase;
import dev.chats.application.port.in.folder.FolderNotFoundException;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.event.ChatCreated;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.port.ChatEvents;
import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.port.Clock;
import dev.chats.domain.port.FolderRepository;
import dev.chats.domain.port.IdGenerator;
import dev.chats.domain.user.User;

/** Starts new chats. */
public final class CreateChatService implements CreateChatUseCase {

    private final ChatRepository chats;
    private final FolderRepository folders;
    private final Clock clock;
    private final IdGenerator ids;
    private final ChatEvents events;

    public CreateChatService(ChatRepository chats, FolderRepository folders, Clock clock, IdGenerator ids,
                             ChatEvents events) {
        this.chats = chats;
        this.folders = folders;
        this.clock = clock;
        this.ids = ids;
        this.events = events;
    }

    @Override
    public Chat create(User actor, Command command) {
        command.folderId().ifPresent(folder -> requireOwnFolder(actor, folder));
        Chat chat = Chat.start(new ChatId(ids.newId()), actor.id(), command.document(),
                command.folderId().orElse(null), clock.nowEpochSeconds());
        Chat stored = chats.add(chat);
        events.publish(new ChatCreated(stored.outline()));
        return stored;
    }

    private void requireOwnFolder(User actor, FolderId folder) {
        folders.findById(folder)
                .filter(f -> f.isOwnedBy(actor.id()))
                .orElseThrow(() -> new FolderNotFoundException(folder));
    }
}
