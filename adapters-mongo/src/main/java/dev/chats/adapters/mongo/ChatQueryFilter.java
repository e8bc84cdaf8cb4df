package dev.chats.adapters.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.chats.domain.chat.ChatCriterion;
import dev.chats.domain.chat.ChatQuery;
import dev.chats.domain.chat.SortDirection;
import dev.chats.domain.folder.FolderId;
import dev.chats.domain.user.UserId;
import org.bson.BsonRegularExpression;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

import static dev.chats.adapters.mongo.ChatDocumentMapper.ARCHIVED;
import static dev.chats.adapters.mongo.ChatDocumentMapper.CREATED;
import static dev.chats.adapters.mongo.ChatDocumentMapper.FOLDER;
import static dev.chats.adapters.mongo.ChatDocumentMapper.ID;
import static dev.chats.adapters.mongo.ChatDocumentMapper.LEASE;
import static dev.chats.adapters.mongo.ChatDocumentMapper.LEGACY_TEXT;
import static dev.chats.adapters.mongo.ChatDocumentMapper.PINNED;
import static dev.chats.adapters.mongo.ChatDocumentMapper.SHARE;
import static dev.chats.adapters.mongo.ChatDocumentMapper.TAGS;
import static dev.chats.adapters.mongo.ChatDocumentMapper.TITLE;
import static dev.chats.adapters.mongo.ChatDocumentMapper.UPDATED;
import static dev.chats.adapters.mongo.ChatDocumentMapper.USER;

/**
 * A {@link ChatQuery} as one filter and sort over {@code chats}, served by the {@code (userId, …)} indexes; the
 * window is applied by the database ({@code skip}/{@code limit}). A text search first asks {@code chat_messages} (and
 * the pieces of long legacy texts) which of the owner's chats have a matching message, then matches those ids, the
 * title or the legacy text in the same filter.
 */
final class ChatQueryFilter {

    private ChatQueryFilter() {
    }

    /**
     * The filter of the query.
     *
     * @param contentMatches the ids of chats with a message (or long legacy text) matching a regular expression, given
     *                       the owner filter to apply to message documents (or null for every owner)
     */
    static Bson of(ChatQuery query, BiFunction<Bson, BsonRegularExpression, Collection<String>> contentMatches) {
        List<Bson> conditions = new ArrayList<>();
        conditions.add(visible());
        Bson owner = query.owner().map(o -> Filters.eq(USER, o.value())).orElse(null);
        Conditions translation = new Conditions(owner, contentMatches);
        for (ChatCriterion criterion : query.criteria()) {
            conditions.add(criterion.accept(translation));
        }
        return Filters.and(conditions);
    }

    /** Each criterion as a condition on a chat document. */
    private static final class Conditions implements ChatCriterion.Visitor<Bson> {

        private final Bson owner;
        private final BiFunction<Bson, BsonRegularExpression, Collection<String>> contentMatches;

        Conditions(Bson owner, BiFunction<Bson, BsonRegularExpression, Collection<String>> contentMatches) {
            this.owner = owner;
            this.contentMatches = contentMatches;
        }

        @Override
        public Bson ownedBy(UserId user) {
            return Filters.eq(USER, user.value());
        }

        @Override
        public Bson archived(boolean archived) {
            return Filters.eq(ARCHIVED, archived);
        }

        @Override
        public Bson pinned(boolean pinned) {
            return Filters.eq(PINNED, pinned);
        }

        @Override
        public Bson inRootFolder() {
            return Filters.eq(FOLDER, null);
        }

        @Override
        public Bson inFolders(Set<FolderId> folders) {
            return folders.isEmpty() ? Filters.in(ID, List.of())
                    : Filters.in(FOLDER, folders.stream().map(FolderId::value).sorted().toList());
        }

        @Override
        public Bson titleContains(String text) {
            return matches(TITLE, containsIgnoringCase(text));
        }

        @Override
        public Bson shared(boolean shared) {
            return shared ? Filters.ne(SHARE, null) : Filters.eq(SHARE, null);
        }

        @Override
        public Bson carriesTag(String tagId) {
            return Filters.eq(TAGS, tagId);
        }

        @Override
        public Bson untagged() {
            return Filters.size(TAGS, 0);
        }

        @Override
        public Bson textContains(String text) {
            BsonRegularExpression pattern = containsIgnoringCase(text);
            return Filters.or(matches(TITLE, pattern), matches(LEGACY_TEXT, pattern),
                    Filters.in(ID, contentMatches.apply(owner, pattern)));
        }
    }

    /** The field's string value matches the expression. */
    static Bson matches(String field, BsonRegularExpression pattern) {
        return Filters.regex(field, pattern.getPattern(), pattern.getOptions());
    }

    /** Chat documents that are not a hidden, still unfinished first write. */
    static Bson visible() {
        return Filters.ne(LEASE + ".adding", true);
    }

    static Bson sort(ChatQuery query) {
        String field = switch (query.order().field()) {
            case UPDATED_AT -> UPDATED;
            case CREATED_AT -> CREATED;
            case TITLE -> TITLE;
        };
        Bson first = query.order().direction() == SortDirection.ASC ? Sorts.ascending(field) : Sorts.descending(field);
        return Sorts.orderBy(first, Sorts.ascending(ID));
    }

    /**
     * A case-insensitive regular expression matching the text literally, anywhere. Every metacharacter is escaped
     * with a backslash and control characters are written as {@code \xhh}, which MongoDB's PCRE and Java read alike;
     * a {@code \Q…\E} quote would do too, except that a BSON regular expression cannot hold U+0000.
     */
    static BsonRegularExpression containsIgnoringCase(String text) {
        StringBuilder pattern = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                pattern.append(String.format("\\x%02x", (int) c));
            } else if ("\\^$.|?*+()[]{}#-/".indexOf(c) >= 0) {
                pattern.append('\\').append(c);
            } else {
                pattern.append(c);
            }
        }
        return new BsonRegularExpression(pattern.toString(), "i");
    }
}
