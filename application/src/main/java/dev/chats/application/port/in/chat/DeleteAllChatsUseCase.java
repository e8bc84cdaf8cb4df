package dev.chats.application.port.in.chat;

import dev.chats.application.port.in.AccessProhibitedException;
import dev.chats.domain.user.User;

/** Use case: delete every chat of the actor. */
public interface DeleteAllChatsUseCase {

    /**
     * @return how many chats were deleted
     * @throws AccessProhibitedException if the actor may not delete chats
     */
    int deleteAll(User actor);
}
