package dev.chats.domain.chat;

import dev.chats.domain.folder.FolderId;
import dev.chats.domain.user.UserId;

import java.util.Objects;
import java.util.Set;

/**
 * One filter of a {@link ChatQuery}; a chat matches a query when it meets every one of its criteria. The set of
 * kinds is closed: each store translates them through {@link Visitor}, so a new kind fails to compile in every store
 * (SQL, MongoDB, the in-memory rule of {@link ChatQuery#matches}) until it handles it.
 */
public sealed interface ChatCriterion {

    <R> R accept(Visitor<R> visitor);

    /** Every kind of criterion, one method each. */
    interface Visitor<R> {

        R ownedBy(UserId owner);

        R archived(boolean archived);

        R pinned(boolean pinned);

        /** Chats in no folder. */
        R inRootFolder();

        /** Chats in one of these folders; none when the set is empty. */
        R inFolders(Set<FolderId> folders);

        /** Case-insensitive substring of the title, taken literally ({@code %} and {@code _} too). */
        R titleContains(String text);

        R shared(boolean shared);

        /** Chats carrying this normalised tag id (several are ANDed). */
        R carriesTag(String tagId);

        /** Chats carrying no tag at all. */
        R untagged();

        /**
         * Case-insensitive substring, taken literally, of the title or of any message's content (under
         * {@code history.messages} or in the legacy {@code messages} list).
         */
        R textContains(String text);
    }

    record OwnedBy(UserId owner) implements ChatCriterion {
        public OwnedBy {
            Objects.requireNonNull(owner, "owner");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.ownedBy(owner);
        }
    }

    record Archived(boolean archived) implements ChatCriterion {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.archived(archived);
        }
    }

    record Pinned(boolean pinned) implements ChatCriterion {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.pinned(pinned);
        }
    }

    record InRootFolder() implements ChatCriterion {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.inRootFolder();
        }
    }

    record InFolders(Set<FolderId> folders) implements ChatCriterion {
        public InFolders {
            folders = Set.copyOf(folders);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.inFolders(folders);
        }
    }

    record TitleContains(String text) implements ChatCriterion {
        public TitleContains {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.titleContains(text);
        }
    }

    record Shared(boolean shared) implements ChatCriterion {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.shared(shared);
        }
    }

    record CarriesTag(String tagId) implements ChatCriterion {
        public CarriesTag {
            Objects.requireNonNull(tagId, "tagId");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.carriesTag(tagId);
        }
    }

    record Untagged() implements ChatCriterion {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.untagged();
        }
    }

    record TextContains(String text) implements ChatCriterion {
        public TextContains {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.textContains(text);
        }
    }
}
