package dev.chats.application.service.chat;

import dev.chats.application.service.folder.FolderAccess;
import dev.chats.application.port.in.chat.ImportChatsUseCase;
import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.event.ChatCreated;
import dev.chats.domain.port.ChatEvents;
import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.port.Clock;
import dev.chats.domain.port.FolderRepository;
import dev.chats.domain.port.IdGenerator;
import dev.chats.domain.port.TagRepository;
import dev.chats.domain.tag.Tag;
import dev.chats.domain.tag.TagName;
import dev.chats.domain.user.User;

import java.util.ArrayList;
import java.util.List;

/**
 * Imports: chats exported from Open WebUI or another instance, with their own times, meta, pin and folder. Every
 * tag they carry gets a record, so imported tags list and search like any other.
 */
public final class ImportChatsService implements ImportChatsUseCase {

    private final ChatRepository chats;
    private final TagRepository tags;
    private final FolderAccess ownedFolders;
    private final Clock clock;
    private final IdGenerator ids;
    private final ChatEvents events;

    public ImportChatsService(ChatRepository chats, FolderRepository folders, TagRepository tags, Clock clock,
                              IdGenerator ids, ChatEvents events) {
        this.chats = chats;
        this.tags = tags;
        this.ownedFolders = new FolderAccess(folders);
        this.clock = clock;
        this.ids = ids;
        this.events = events;
    }

    @Override
    public Chat importOne(User actor, ImportedChat imported) {
        return importAll(actor, List.of(imported)).get(0);
    }

    @Override
    public List<Chat> importAll(User actor, List<ImportedChat> imports) {
        // Everything is checked before anything is written: a bad entry stores none of the list.
        long now = clock.nowEpochSeconds();
        List<Chat> prepared = new ArrayList<>(imports.size());
        for (ImportedChat imported : imports) {
            imported.folder().ifPresent(folder -> ownedFolders.owned(actor, folder));
            long createdAt = imported.createdAt().filter(t -> t > 0).orElse(now);
            long updatedAt = imported.updatedAt().filter(t -> t > 0).orElse(now);
            prepared.add(Chat.imported(new ChatId(ids.newId()), actor.id(), imported.document(), imported.meta(),
                    imported.pinned(), imported.folder().orElse(null),
                    createdAt, updatedAt));
        }
        // One record per distinct tag of the whole import, before the chats that carry them.
        prepared.stream().flatMap(chat -> chat.tagIds().stream()).distinct().forEach(tagId ->
                tags.addIfAbsent(new Tag(tagId, actor.id(), TagName.capitalisedWords(tagId), null)));
        List<Chat> stored = new ArrayList<>(prepared.size());
        for (Chat chat : prepared) {
            Chat added = chats.add(chat);
            events.publish(new ChatCreated(added.outline()));
            stored.add(added);
        }
        return stored;
    }
}
