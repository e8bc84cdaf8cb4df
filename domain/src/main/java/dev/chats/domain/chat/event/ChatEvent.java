package dev.chats.domain.chat.event;

import dev.chats.domain.user.UserId;

/**
 * Something that happened to a user's chats or folders, to be told to that user's open clients once the change is
 * stored. Each kind is a record holding domain values; how it is written for a wire (Open WebUI's socket envelope,
 * the instances' broker channel) is decided by the adapter that speaks that wire, through a {@link Visitor}: adding a
 * kind here adds a method there, so an adapter that does not map it does not compile.
 */
public sealed interface ChatEvent permits ChatCreated, ChatUpdated, ChatPinned, ChatArchived,
        AllChatsArchived, ChatMoved, ChatShareChanged, ChatTagsChanged,
        ChatDeleted, AllChatsDeleted, MessageContentChanged, MessageEventPushed,
        FolderCreated, FolderUpdated, FolderDeleted, VapiChatCreated,
        VapiChatDeleted {

    /** The user whose clients are told. */
    UserId recipient();

    <R> R accept(Visitor<R> visitor);

    /** One answer per kind of event: the exhaustive switch over the sealed type that Java 17 can check. */
    interface Visitor<R> {

        R chatCreated(ChatCreated event);

        R chatUpdated(ChatUpdated event);

        R chatPinned(ChatPinned event);

        R chatArchived(ChatArchived event);

        R allChatsArchived(AllChatsArchived event);

        R chatMoved(ChatMoved event);

        R chatShareChanged(ChatShareChanged event);

        R chatTagsChanged(ChatTagsChanged event);

        R chatDeleted(ChatDeleted event);

        R allChatsDeleted(AllChatsDeleted event);

        R messageContentChanged(MessageContentChanged event);

        R messageEventPushed(MessageEventPushed event);

        R folderCreated(FolderCreated event);

        R folderUpdated(FolderUpdated event);

        R folderDeleted(FolderDeleted event);

        R vapiChatCreated(VapiChatCreated event);

        R vapiChatDeleted(VapiChatDeleted event);
    }
}
