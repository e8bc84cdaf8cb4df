package dev.chats.application.port.in.chat;

import dev.chats.domain.chat.ChatSummary;
import dev.chats.domain.chat.PageRequest;
import dev.chats.domain.tag.Tag;
import dev.chats.domain.user.User;

import java.util.List;

/** Use cases: the actor's tags, and the actor's chats carrying one. */
public interface ListTagsUseCase {

    /** The actor's tags carried by at least one non-archived chat, by id. */
    List<Tag> listTags(User actor);

    /** The actor's chats (archived ones too) carrying the tag, most recent first; forgets an uncarried tag. */
    List<ChatSummary> chatsTagged(User actor, String name, PageRequest page);
}
