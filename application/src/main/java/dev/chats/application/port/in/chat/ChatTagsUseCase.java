package dev.chats.application.port.in.chat;

import dev.chats.domain.chat.ChatId;
import dev.chats.domain.tag.Tag;
import dev.chats.domain.user.User;

import java.util.List;

/** Use cases: read and change the tags of one of the actor's chats. Each throws {@link ChatNotFoundException}. */
public interface ChatTagsUseCase {

    /** The chat's tags that have a record, in the order they were added. */
    List<Tag> tagsOf(User actor, ChatId id);

    /**
     * Tags the chat (normalised id; the record keeps the display name of the tag's first use).
     *
     * @return the chat's tags afterwards
     * @throws dev.chats.domain.tag.InvalidTagNameException for a blank, over-long or reserved name
     */
    List<Tag> addTag(User actor, ChatId id, String name);

    /** Removes the tag from the chat, forgetting its record once no chat carries it; the chat's tags afterwards. */
    List<Tag> removeTag(User actor, ChatId id, String name);

    /** Removes every tag from the chat. */
    void clearTags(User actor, ChatId id);
}
