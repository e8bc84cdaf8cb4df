package dev.chats.domain.port.fake;

import dev.chats.domain.chat.Chat;
import dev.chats.domain.chat.ChatStorage;
import dev.chats.domain.chat.ChatDocument;
import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.ChatOrder;
import dev.chats.domain.chat.ChatQuery;
import dev.chats.domain.chat.ChatSummary;
import dev.chats.domain.chat.Message;
import dev.chats.domain.chat.PageRequest;
import dev.chats.domain.chat.SortDirection;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.json.JsonTree;
import dev.chats.domain.port.ChatRepository;
import dev.chats.domain.port.ChatVersionConflictException;
import dev.chats.domain.stats.ChatFacts;
import dev.chats.domain.user.UserId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Test double: a {@link ChatRepository} in memory that passes the persistence contract.
 *
 * <p>It stores a chat the way the databases do — one chat record holding the document body (with the empty
 * {@code history.messages} placeholder) and one record per message — and {@link #update} writes only the message
 * records in {@link ChatStorage#pendingMessageChanges()}. So a chat whose pending changes are incomplete reads back wrong
 * here exactly as it would from a database, instead of being papered over by storing the whole aggregate.
 *
 * <p>Every method holds the repository's lock for its whole run, so each call is atomic, as one transaction is.
 * Nothing is shared with callers: what goes in and what comes out are deep copies. Adding an id that is already
 * stored fails with {@link IllegalStateException}, as a primary key would.
 *
 * <p>{@link InMemoryTagRepository} and {@link InMemoryShareRepository} are built on an instance of this class and
 * share its lock, as tables of one database share its transactions: the tag fake reads which chats carry a tag from
 * here, and every delete here deletes the deleted chats' shares in the same step.
 */
public final class InMemoryChatRepository implements ChatRepository {

    private final Map<ChatId, StoredChat> chats = new HashMap<>();
    /** What each delete also removes, given the deleted chats' ids: the share fake's cascade. */
    private final List<Consumer<Collection<ChatId>>> onDelete = new ArrayList<>();

    @Override
    public synchronized Chat add(Chat chat) {
        if (chats.containsKey(chat.id())) {
            throw new IllegalStateException("chat " + chat.id() + " is already stored");
        }
        Map<String, Message> messages = new LinkedHashMap<>();
        // A new chat is stored with every message of its document, whatever is pending (a restored chat pends none).
        ChatStorage.of(chat).document().messages().forEach(m -> messages.put(m.id(), copy(m)));
        chats.put(chat.id(), new StoredChat(ChatRecord.of(chat, chat.version()), messages));
        return ChatStorage.of(chat).inserted();
    }

    @Override
    public synchronized Chat update(Chat chat) {
        StoredChat stored = chats.get(chat.id());
        if (stored == null || stored.record.version() != chat.version()) {
            throw new ChatVersionConflictException(chat.id(), chat.version());
        }
        stored.record = ChatRecord.of(chat, chat.version() + 1);
        ChatStorage.of(chat).pendingMessageChanges().removed().forEach(stored.messages::remove);
        ChatStorage.of(chat).pendingMessageChanges().upserted().values()
                .forEach(m -> stored.messages.put(m.id(), copy(m)));
        return ChatStorage.of(chat).updated();
    }

    @Override
    public synchronized Optional<Chat> findById(ChatId id) {
        return Optional.ofNullable(chats.get(id)).map(stored -> stored.toChat(id));
    }

    @Override
    public synchronized Optional<Chat> findForMessageEdit(ChatId id, String messageId) {
        return Optional.ofNullable(chats.get(id)).map(stored -> stored.toChatForEdit(id, messageId));
    }

    @Override
    public synchronized boolean delete(ChatId id) {
        return deleteEach(record -> true, Set.of(id)) == 1;
    }

    @Override
    public synchronized int deleteAllOwnedBy(UserId owner) {
        return deleteEach(record -> record.owner().equals(owner), chats.keySet());
    }

    @Override
    public synchronized int setArchivedOfAll(UserId owner, boolean archived) {
        return changeEach(r -> r.owner().equals(owner) && r.archived() != archived, r -> r.withArchived(archived));
    }

    @Override
    public synchronized long countInFolders(UserId owner, Set<FolderId> folders) {
        return chats.values().stream().filter(stored -> inFolders(stored.record, owner, folders)).count();
    }

    @Override
    public synchronized int deleteInFolders(UserId owner, Set<FolderId> folders) {
        return deleteEach(record -> inFolders(record, owner, folders), chats.keySet());
    }

    @Override
    public synchronized int moveToRoot(UserId owner, Set<FolderId> folders) {
        return changeEach(r -> inFolders(r, owner, folders), ChatRecord::atRoot);
    }

    private static boolean inFolders(ChatRecord record, UserId owner, Set<FolderId> folders) {
        return record.owner().equals(owner) && record.folderId() != null && folders.contains(record.folderId());
    }

    /** Deletes the chats among {@code ids} that the filter picks, then cascades; the number deleted. */
    private int deleteEach(Predicate<ChatRecord> filter, Collection<ChatId> ids) {
        List<ChatId> deleted = new ArrayList<>();
        for (ChatId id : List.copyOf(ids)) {
            StoredChat stored = chats.get(id);
            if (stored != null && filter.test(stored.record)) {
                chats.remove(id);
                deleted.add(id);
            }
        }
        if (!deleted.isEmpty()) {
            onDelete.forEach(cascade -> cascade.accept(deleted));
        }
        return deleted.size();
    }

    /** Applies the change, which moves the version on, to every chat record the filter picks; the number changed. */
    private int changeEach(Predicate<ChatRecord> filter, UnaryOperator<ChatRecord> change) {
        int changed = 0;
        for (StoredChat stored : chats.values()) {
            if (filter.test(stored.record)) {
                stored.record = change.apply(stored.record);
                changed++;
            }
        }
        return changed;
    }

    @Override
    public synchronized List<ChatSummary> findSummaries(ChatQuery query) {
        return matching(query)
                .map(chat -> new ChatSummary(chat.id(), chat.title(), chat.updatedAt(), chat.createdAt()))
                .toList();
    }

    @Override
    public synchronized List<Chat> findChats(ChatQuery query) {
        return matching(query).toList();
    }

    @Override
    public synchronized long count(ChatQuery query) {
        return chats.entrySet().stream().map(e -> e.getValue().toChat(e.getKey())).filter(query::matches).count();
    }

    /** Filtered by the query's own rule ({@link ChatQuery#matches}), in its total order, cut to its window. */
    private Stream<Chat> matching(ChatQuery query) {
        List<Chat> all = new ArrayList<>(chats.size());
        chats.forEach((id, stored) -> all.add(stored.toChat(id)));
        return all.stream()
                .filter(query::matches)
                .sorted(comparator(query.order()))
                .skip(query.page().offset())
                .limit(query.page().limit());
    }

    private static Comparator<Chat> comparator(ChatOrder order) {
        Comparator<Chat> byField = switch (order.field()) {
            case UPDATED_AT -> Comparator.comparingLong(Chat::updatedAt);
            case CREATED_AT -> Comparator.comparingLong(Chat::createdAt);
            case TITLE -> Comparator.comparing(Chat::title);
        };
        if (order.direction() == SortDirection.DESC) {
            byField = byField.reversed();
        }
        return byField.thenComparing(chat -> chat.id().value());
    }

    /** Runs {@code work} under this repository's lock, so that it sees and changes chats and its own data at once. */
    synchronized <T> T atomically(Supplier<T> work) {
        return work.get();
    }

    /** Registers what deleting chats also deletes; called with the deleted ids under this repository's lock. */
    synchronized void whenDeleted(Consumer<Collection<ChatId>> cascade) {
        onDelete.add(cascade);
    }

    /** The tag ids the owner's chats carry ({@link Chat#tagIds()}); archived chats count only if asked to. */
    synchronized Set<String> tagIdsCarried(UserId owner, boolean archivedToo) {
        Set<String> carried = new TreeSet<>();
        chats.forEach((id, stored) -> {
            if (stored.record.owner().equals(owner) && (archivedToo || !stored.record.archived())) {
                carried.addAll(stored.toChat(id).tagIds());
            }
        });
        return carried;
    }

    @Override
    public List<ChatFacts> findFacts(UserId owner, OptionalLong updatedAfter, SortDirection direction,
                                     PageRequest page) {
        return atomically(() -> {
            Comparator<Map.Entry<ChatId, StoredChat>> order = Comparator.comparingLong(e -> e.getValue().record.updatedAt());
            if (direction == SortDirection.DESC) {
                order = order.reversed();
            }
            return chats.entrySet().stream()
                    .filter(e -> e.getValue().record.owner().equals(owner))
                    .filter(e -> updatedAfter.isEmpty() || e.getValue().record.updatedAt() > updatedAfter.getAsLong())
                    .sorted(order.thenComparing(e -> e.getKey().value()))
                    .skip(page.offset()).limit(page.limit())
                    .map(e -> facts(e.getKey(), e.getValue())).toList();
        });
    }

    @Override
    public long countChats(UserId owner, OptionalLong updatedAfter) {
        return atomically(() -> chats.values().stream().filter(c -> c.record.owner().equals(owner))
                .filter(c -> updatedAfter.isEmpty() || c.record.updatedAt() > updatedAfter.getAsLong()).count());
    }

    @Override
    public Optional<ChatFacts> findFacts(ChatId id) {
        return atomically(() -> Optional.ofNullable(chats.get(id)).map(stored -> facts(id, stored)));
    }

    private static ChatFacts facts(ChatId id, StoredChat stored) {
        return ChatFacts.of(id, stored.record.owner(), stored.record.createdAt(), stored.record.updatedAt(),
                stored.record.meta(), stored.record.body(), stored.messages.values());
    }

    private static Message copy(Message message) {
        return new Message(message.id(), message.position(), JsonTree.copyObject(message.body()));
    }

    /** The chat record: every column but the messages. */
    private record ChatRecord(UserId owner, Map<String, Object> body, long createdAt, long updatedAt,
                              String shareId, boolean archived, boolean pinned, Map<String, Object> meta,
                              FolderId folderId, long version) {

        static ChatRecord of(Chat chat, long version) {
            return new ChatRecord(chat.ownerId(), JsonTree.copyObject(ChatStorage.of(chat).document().body()),
                    chat.createdAt(), chat.updatedAt(), chat.shareId().orElse(null), chat.archived(), chat.pinned(),
                    chat.meta(), chat.folderId().orElse(null), version);
        }

        ChatRecord withArchived(boolean newArchived) {
            return new ChatRecord(owner, body, createdAt, updatedAt, shareId, newArchived, pinned, meta, folderId,
                    version + 1);
        }

        ChatRecord atRoot() {
            return new ChatRecord(owner, body, createdAt, updatedAt, shareId, archived, pinned, meta, null,
                    version + 1);
        }
    }

    /** One stored chat: its record and its message records keyed by message id. */
    private static final class StoredChat {

        private ChatRecord record;
        private final Map<String, Message> messages;

        StoredChat(ChatRecord record, Map<String, Message> messages) {
            this.record = record;
            this.messages = messages;
        }

        /** Only the records a message edit reads, as the databases read them. */
        Chat toChatForEdit(ChatId id, String messageId) {
            Optional<Message> edited = Optional.ofNullable(messages.get(messageId)).map(InMemoryChatRepository::copy);
            ChatDocument.Addition added = null;
            if (edited.isEmpty() && ChatDocument.hasMessageRows(record.body())) {
                added = new ChatDocument.Addition(ChatDocument.currentIdForEdit(record.body()).map(messages::get)
                        .map(InMemoryChatRepository::copy),
                        messages.values().stream().mapToInt(Message::position).max().orElse(-1) + 1);
            }
            return Chat.restore(id, record.owner(), ChatDocument.restoreForEdit(record.body(), messageId, edited,
                    added), record.createdAt(), record.updatedAt(), record.shareId(), record.archived(),
                    record.pinned(), record.meta(), record.folderId(), record.version());
        }

        Chat toChat(ChatId id) {
            List<Message> rows = messages.values().stream().map(InMemoryChatRepository::copy).toList();
            return Chat.restore(id, record.owner(), ChatDocument.restore(record.body(), rows), record.createdAt(),
                    record.updatedAt(), record.shareId(), record.archived(), record.pinned(), record.meta(),
                    record.folderId(), record.version());
        }
    }
}
