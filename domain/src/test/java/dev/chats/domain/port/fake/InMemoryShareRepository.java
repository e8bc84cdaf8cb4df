package dev.chats.domain.port.fake;

import dev.chats.domain.chat.ChatId;
import dev.chats.domain.chat.SortDirection;
import dev.chats.domain.port.ShareRepository;
import dev.chats.domain.share.AccessGrant;
import dev.chats.domain.share.Share;
import dev.chats.domain.share.ShareListQuery;
import dev.chats.domain.share.ShareSummary;
import dev.chats.domain.user.UserId;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Test double: a {@link ShareRepository} in memory that passes the persistence contract. It lives under the lock of
 * the {@link InMemoryChatRepository} it is built on, which deletes a chat's share together with the chat. Saving a
 * share of a chat that is not stored fails with {@link IllegalStateException}, as a foreign key would; saving again
 * under a stored id replaces the snapshot (title, document, {@code updatedAt}) and keeps the rest, as the databases
 * do. A share's document is a mutable map, so shares are copied on the way in and on the way out.
 */
public final class InMemoryShareRepository implements ShareRepository {

    private final InMemoryChatRepository chats;
    private final Map<String, Share> shares = new HashMap<>();
    private final Map<ChatId, List<AccessGrant>> grants = new HashMap<>();

    /** Shares of these chats: the same store, so deleting a chat deletes its share. */
    public InMemoryShareRepository(InMemoryChatRepository chats) {
        this.chats = Objects.requireNonNull(chats, "chats");
        chats.whenDeleted(deleted -> {
            Set<ChatId> ids = Set.copyOf(deleted);
            shares.values().removeIf(share -> ids.contains(share.chatId()));
            grants.keySet().removeAll(ids);
        });
    }

    @Override
    public void save(Share share) {
        chats.atomically(() -> {
            Share stored = shares.get(share.id());
            if (stored != null) {
                shares.put(share.id(), new Share(stored.id(), stored.chatId(), stored.ownerId(), share.title(),
                        share.document(), stored.createdAt(), share.updatedAt()));
                return null;
            }
            if (chats.findById(share.chatId()).isEmpty()) {
                throw new IllegalStateException("share " + share.id() + " refers to chat " + share.chatId()
                        + ", which is not stored");
            }
            shares.put(share.id(), copy(share));
            return null;
        });
    }

    @Override
    public Optional<Share> findById(String shareId) {
        return chats.atomically(() -> Optional.ofNullable(shares.get(shareId)).map(InMemoryShareRepository::copy));
    }

    @Override
    public boolean delete(String shareId) {
        return chats.atomically(() -> shares.remove(shareId) != null);
    }

    /** Share's constructor deep-copies the document. */
    private static Share copy(Share share) {
        return new Share(share.id(), share.chatId(), share.ownerId(), share.title(), share.document(),
                share.createdAt(), share.updatedAt());
    }

    @Override
    public List<ShareSummary> findByOwner(ShareListQuery query) {
        return chats.atomically(() -> {
            Comparator<Share> order = switch (query.order().field()) {
                case UPDATED_AT -> Comparator.comparingLong(Share::updatedAt);
                case CREATED_AT -> Comparator.comparingLong(Share::createdAt);
                case TITLE -> Comparator.comparing(Share::title);
            };
            if (query.order().direction() == SortDirection.DESC) {
                order = order.reversed();
            }
            String needle = query.titleContains().map(text -> text.toLowerCase(Locale.ROOT)).orElse(null);
            return shares.values().stream()
                    .filter(share -> share.ownerId().equals(query.owner()))
                    .filter(share -> needle == null || share.title().toLowerCase(Locale.ROOT).contains(needle))
                    .sorted(order.thenComparing(Share::id))
                    .skip(query.page().offset()).limit(query.page().limit())
                    .map(share -> new ShareSummary(share.id(), share.chatId(), share.title(), share.createdAt(),
                            share.updatedAt()))
                    .toList();
        });
    }

    @Override
    public List<AccessGrant> grantsOf(UserId owner, ChatId chat) {
        return chats.atomically(() -> chats.findById(chat).filter(stored -> stored.ownerId().equals(owner))
                .map(stored -> List.copyOf(grants.getOrDefault(chat, List.of()))).orElse(List.of()));
    }

    @Override
    public void replaceGrants(UserId owner, ChatId chat, List<AccessGrant> replacement) {
        chats.atomically(() -> {
            if (chats.findById(chat).filter(stored -> stored.ownerId().equals(owner)).isEmpty()) {
                throw new IllegalStateException("grants refer to chat " + chat + ", which is not stored");
            }
            if (replacement.isEmpty()) {
                grants.remove(chat);
            } else {
                grants.put(chat, List.copyOf(replacement));
            }
            return null;
        });
    }
}
